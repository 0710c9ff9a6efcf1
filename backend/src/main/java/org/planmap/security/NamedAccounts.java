package org.planmap.security;

import java.util.List;
import java.util.Optional;
import org.planmap.account.Account;
import org.planmap.account.Accounts;
import org.planmap.account.Role;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Who may log in: the named accounts kept in the store ({@code users add …}), looked up at every login so that an
 * account added, disabled or given a new password by the command counts at once on every server, plus the one-account
 * shortcut {@code editor} when {@link EditorAccount} provides it (it wins over a stored account of the same name,
 * being what the operator configured for this run).
 */
public final class NamedAccounts implements UserDetailsService {

    private final Accounts accounts;
    private final Optional<UserDetails> shortcut;

    public NamedAccounts(Accounts accounts, Optional<UserDetails> shortcut) {
        this.accounts = accounts;
        this.shortcut = shortcut;
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        if (shortcut.isPresent() && shortcut.get().getUsername().equals(name)) {
            // A copy: Spring erases the password of what it authenticated, which must not be the shortcut itself.
            return User.withUserDetails(shortcut.get()).build();
        }
        Account account = accounts.find(name).filter(Account::enabled)
                .orElseThrow(() -> new UsernameNotFoundException("no enabled account " + name));
        return User.withUsername(account.name()).password(account.passwordHash()).roles(roles(account.role()))
                .build();
    }

    /** An admin may do everything an editor may, so it holds both roles and every editor rule admits it. */
    static String[] roles(Role role) {
        List<String> roles = switch (role) {
            case VIEWER -> List.of(role.name());
            case EDITOR -> List.of(role.name());
            case ADMIN -> List.of(Role.ADMIN.name(), Role.EDITOR.name());
        };
        return roles.toArray(String[]::new);
    }
}

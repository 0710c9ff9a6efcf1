package org.planmap.security;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The one-account shortcut, {@code editor}, role EDITOR: its password is {@code --planmap.security.editor-password}.
 * Without it, and with no named account that may edit ({@code users add NAME --role editor}), a random one is
 * generated at start and logged once, so a new installation can always be edited. Only its bcrypt hash is kept,
 * made at the first login.
 */
public final class EditorAccount {

    public static final String NAME = "editor";
    public static final String ROLE = "EDITOR";

    private static final Logger log = LoggerFactory.getLogger(EditorAccount.class);
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_PASSWORD_LENGTH = 20;

    private EditorAccount() {
    }

    /** {@code {bcrypt}} by default; the prefix lets a later encoder take over without invalidating stored hashes. */
    public static PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The editor with {@code configuredPassword}; when it is blank, with a generated one (logged once) unless
     * {@code namedEditors} says a named account may already edit, in which case there is no shortcut at all.
     */
    public static Optional<UserDetails> shortcut(String configuredPassword, boolean namedEditors,
            PasswordEncoder encoder) {
        String password;
        if (configuredPassword != null && !configuredPassword.isBlank()) {
            password = configuredPassword; // never logged, not even masked
        } else if (namedEditors) {
            log.info("编辑使用命名账户（users list）/ editors log in with their named accounts (users list); "
                    + "no editor shortcut for this run");
            return Optional.empty();
        } else {
            password = generatePassword();
            // The only place planmap ever logs a secret: a generated password must reach the operator
            // somehow, and this runs once per start. A configured password is never logged.
            log.warn("未设置编辑密码，已生成本次运行的临时密码 / no editor password configured "
                    + "(--planmap.security.editor-password), generated one for this run: 用户 user {}, 密码 password {}",
                    NAME, password);
        }
        return Optional.of(new Shortcut(password, encoder));
    }

    /**
     * The shortcut account, its password hashed at the first login rather than at start: bcrypt's deliberate cost
     * was a start's largest single step of planmap's own. Once hashed, only the hash is kept.
     */
    private static final class Shortcut implements UserDetails {

        private final PasswordEncoder encoder;
        private final List<GrantedAuthority> authorities = AuthorityUtils.createAuthorityList("ROLE_" + ROLE);
        private String password;
        private String hash;

        Shortcut(String password, PasswordEncoder encoder) {
            this.password = password;
            this.encoder = encoder;
        }

        @Override
        public synchronized String getPassword() {
            if (hash == null) {
                hash = encoder.encode(password);
                password = null;
            }
            return hash;
        }

        @Override
        public String getUsername() {
            return NAME;
        }

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return authorities;
        }
    }

    /** Checks user name and password; no limits (see {@link ThrottledAuthentication}). */
    public static AuthenticationManager passwordCheck(UserDetailsService users, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        return new ProviderManager(provider);
    }

    static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder s = new StringBuilder(GENERATED_PASSWORD_LENGTH);
        for (int i = 0; i < GENERATED_PASSWORD_LENGTH; i++) {
            s.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return s.toString();
    }
}

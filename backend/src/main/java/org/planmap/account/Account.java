package org.planmap.account;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A named person who may log in. Only the password's hash is kept ({@code {bcrypt}…}); a disabled account keeps its
 * name, so its audit entries stay attributable and the name cannot be taken by someone else.
 *
 * @param name         letters (Chinese too), digits, {@code . _ -}; no spaces or {@code :} (HTTP Basic's separator)
 * @param passwordHash the encoded password, with its encoder's prefix
 */
public record Account(String name, Role role, String passwordHash, boolean enabled, Instant created) {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._-]{1,64}");

    public Account {
        checkName(name);
        if (role == null || passwordHash == null || passwordHash.isBlank() || created == null) {
            throw new IllegalArgumentException("an account needs a role, a password hash and a creation time");
        }
    }

    public static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("用户名应为 1~64 个字母、数字或 . _ - / a user name is 1 to 64 letters, "
                    + "digits or . _ -, not '" + name + "'");
        }
    }

    public Account withRole(Role newRole) {
        return new Account(name, newRole, passwordHash, enabled, created);
    }

    public Account withPasswordHash(String hash) {
        return new Account(name, role, hash, enabled, created);
    }

    public Account withEnabled(boolean on) {
        return new Account(name, role, passwordHash, on, created);
    }

    /** Like the record's own, without the hash. */
    @Override
    public String toString() {
        return "Account[name=" + name + ", role=" + role.id() + ", enabled=" + enabled + ", created=" + created + "]";
    }
}

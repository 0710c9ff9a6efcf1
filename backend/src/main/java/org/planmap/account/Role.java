package org.planmap.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What an account may do. A viewer only reads (as anyone may) but is named in the audit log; an editor changes
 * control lines and reads its own audit entries; an admin does what an editor does and reads the whole audit log.
 */
public enum Role {
    VIEWER, EDITOR, ADMIN;

    /** The lower-case name used on the command line, in the store and in the API. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean mayEdit() {
        return this != VIEWER;
    }

    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.id().equals(text == null ? "" : text.trim().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new IllegalArgumentException("角色应为 " + choices() + " 之一 / the role must be one of " + choices()
                + ", not " + text);
    }

    static String choices() {
        return Arrays.stream(values()).map(Role::id).collect(Collectors.joining("/"));
    }
}

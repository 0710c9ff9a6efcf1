package org.planmap.account;

import java.time.Instant;

/**
 * Which audit entries to read, oldest first: times are {@code from} inclusive, {@code to} exclusive; null means no
 * bound. {@code limit} caps the answer (the API pages by time).
 */
public record AuditQuery(Instant from, Instant to, String user, String layer, int limit) {

    public static final int MAX_LIMIT = 100_000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
    }
}

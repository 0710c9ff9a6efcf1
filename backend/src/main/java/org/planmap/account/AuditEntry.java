package org.planmap.account;

import java.time.Instant;

/**
 * One line of the audit log: who did (or tried) what to which layer, from where, and how it ended. Entries are only
 * ever appended; nothing in planmap updates or deletes one.
 *
 * @param user     the account name, or {@code anonymous} for a request without a valid login
 * @param action   what was asked: {@code login}, {@code logout}, {@code import}, {@code delete}, {@code restore}, …
 * @param layer    the layer concerned, or null
 * @param version  the number of the layer version written, as {@code /api/layers/{id}/versions} lists it, or null
 *                 (entries written before the log kept numbers have none)
 * @param layerVersion the content hash of the layer version written (the catalog's {@code version}), or null
 * @param fileName the uploaded file's name, or null
 * @param sha256   the uploaded file's SHA-256 (hex), or null
 * @param status   the HTTP status answered (0 when the entry records work finished after the answer)
 * @param outcome  {@code ok}, {@code refused} (the request was not allowed) or {@code failed} (allowed, did not work)
 * @param detail   a short free text (the error code, the request line), or null
 */
public record AuditEntry(long id, Instant time, String user, String address, String action, String layer,
        Integer version, String layerVersion, String fileName, String sha256, int status, String outcome,
        String detail) {

    public static final String OK = "ok";
    public static final String REFUSED = "refused";
    public static final String FAILED = "failed";

    /** An entry yet to be appended (the log numbers it). */
    public static AuditEntry of(Instant time, String user, String address, String action, String layer,
            Integer version, String layerVersion, String fileName, String sha256, int status, String outcome,
            String detail) {
        return new AuditEntry(0, time, user, address, action, layer, version, layerVersion, fileName, sha256, status,
                outcome, detail);
    }

    /** The outcome an HTTP status stands for. */
    public static String outcome(int status) {
        return status == 401 || status == 403 || status == 429 ? REFUSED : status >= 400 ? FAILED : OK;
    }
}

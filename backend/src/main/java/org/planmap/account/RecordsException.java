package org.planmap.account;

/** The accounts or the audit log could not be read or written (the database is gone, the disk full…). */
public final class RecordsException extends RuntimeException {
    public RecordsException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.planmap.store;

/** A store could not do what was asked; the message says what and why, without internals. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}

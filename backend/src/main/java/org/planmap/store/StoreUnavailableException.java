package org.planmap.store;

/** The store cannot be reached right now (a database down or restarting); the same request may work later. */
public class StoreUnavailableException extends StoreException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

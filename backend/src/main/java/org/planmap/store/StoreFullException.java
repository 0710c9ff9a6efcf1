package org.planmap.store;

/**
 * The store ran out of room — the disk is full, or the store reached its configured size — while writing. Like
 * every store write, nothing of it was kept: the previous version of the layer is still the one served.
 */
public class StoreFullException extends StoreException {
    public StoreFullException(String message, Throwable cause) {
        super(message, cause);
    }
}

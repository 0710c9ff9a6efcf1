package org.planmap.store;

/** Asked for a version of a layer that the store does not keep (never made, or pruned). */
public final class UnknownVersionException extends StoreException {

    private final String layerId;
    private final int number;

    public UnknownVersionException(String layerId, int number) {
        super("layer " + layerId + " has no kept version " + number, null);
        this.layerId = layerId;
        this.number = number;
    }

    public String layerId() {
        return layerId;
    }

    public int number() {
        return number;
    }
}

package org.planmap.layer;

/** Asked for a layer id the catalog does not have. */
public class UnknownLayerException extends RuntimeException {
    private final String layerId;

    public UnknownLayerException(String layerId) {
        super("no layer " + layerId);
        this.layerId = layerId;
    }

    public String layerId() {
        return layerId;
    }
}

package org.planmap.layer;

/**
 * A layer's stored version changed, told once the store has committed the change.
 *
 * @param oldVersion the version before; null when the layer was absent
 * @param newVersion the version now; null when the layer was deleted
 */
public record LayerChanged(String layerId, String oldVersion, String newVersion) {
}

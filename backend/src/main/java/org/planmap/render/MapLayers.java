package org.planmap.render;

import java.util.List;
import java.util.Map;

/**
 * The layers a drawn map shows (map images, printed sheets, atlas pages), in the style file's order whatever the
 * order here, and the kept version to draw of some of them, by layer id; the others are drawn as they are now.
 */
public record MapLayers(List<String> ids, Map<String, Integer> versions) {

    public MapLayers {
        ids = List.copyOf(ids);
        versions = Map.copyOf(versions);
    }

    /** The layers as they are now. */
    public static MapLayers current(List<String> ids) {
        return new MapLayers(ids, Map.of());
    }

    /** The kept version to draw of {@code layerId}, or null for the layer as it is now. */
    public Integer version(String layerId) {
        return versions.get(layerId);
    }
}

package org.planmap.store;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a layer: a stable id, a geometry in the layer's CRS (null for a feature the source
 * gives no location, such as a plan zone without a defined extent), and ordered properties whose
 * values are strings, numbers, booleans, lists or maps of those, or null.
 */
public record Feature(String id, Geometry geometry, Map<String, Object> properties) {
    public Feature {
        properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    }
}

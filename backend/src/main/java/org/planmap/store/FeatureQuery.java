package org.planmap.store;

import org.locationtech.jts.geom.Envelope;

/**
 * What to read from one layer: features whose bounding box meets {@code bbox} (null: all), skipping
 * {@code offset} and returning at most {@code limit} (null: no limit).
 */
public record FeatureQuery(String layerId, Envelope bbox, Integer limit, long offset) {

    public static FeatureQuery all(String layerId) {
        return new FeatureQuery(layerId, null, null, 0);
    }
}

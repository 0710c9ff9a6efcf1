package org.planmap.store;

import org.locationtech.jts.geom.Envelope;

/**
 * What to read from one layer: features whose bounding box meets {@code bbox} (null: all) and whose
 * {@value #ADCODE} begins with {@code adcodePrefix} (null: any; {@code 1411} is 吕梁市's units), skipping
 * {@code offset} and returning at most {@code limit} (null: no limit).
 */
public record FeatureQuery(String layerId, Envelope bbox, String adcodePrefix, Integer limit, long offset) {

    /** The property the division-code filter reads; layers without it cannot be filtered by division. */
    public static final String ADCODE = "adcode";

    public FeatureQuery {
        if (adcodePrefix != null && !adcodePrefix.matches("\\d{1,12}")) {
            throw new IllegalArgumentException("an adcode prefix is digits only: " + adcodePrefix);
        }
    }

    public static FeatureQuery all(String layerId) {
        return new FeatureQuery(layerId, null, null, null, 0);
    }

    public static FeatureQuery within(String layerId, Envelope bbox) {
        return new FeatureQuery(layerId, bbox, null, null, 0);
    }
}

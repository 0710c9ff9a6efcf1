package org.planmap.store;

import java.util.Objects;
import org.locationtech.jts.geom.Envelope;

/**
 * What to read from one layer: features whose bounding box meets {@code bbox} (null: all), whose
 * {@value #ADCODE} begins with {@code adcodePrefix} (null: any; {@code 1411} is 吕梁市's units) and whose id
 * is {@code featureId} (null: any), skipping {@code offset} and returning at most {@code limit} (null: no limit).
 */
public record FeatureQuery(String layerId, Envelope bbox, String adcodePrefix, Integer limit, long offset,
        String featureId) {

    /** The property the division-code filter reads; layers without it cannot be filtered by division. */
    public static final String ADCODE = "adcode";

    public FeatureQuery {
        if (adcodePrefix != null && !adcodePrefix.matches("\\d{1,12}")) {
            throw new IllegalArgumentException("an adcode prefix is digits only: " + adcodePrefix);
        }
    }

    /** Any feature: the filters most queries use. */
    public FeatureQuery(String layerId, Envelope bbox, String adcodePrefix, Integer limit, long offset) {
        this(layerId, bbox, adcodePrefix, limit, offset, null);
    }

    public static FeatureQuery all(String layerId) {
        return new FeatureQuery(layerId, null, null, null, 0);
    }

    public static FeatureQuery within(String layerId, Envelope bbox) {
        return new FeatureQuery(layerId, bbox, null, null, 0);
    }

    /** The one feature with this id (stores keep ids unique per layer and index them). */
    public static FeatureQuery byId(String layerId, String featureId) {
        return new FeatureQuery(layerId, null, null, 1, 0, Objects.requireNonNull(featureId));
    }
}

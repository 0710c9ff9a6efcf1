package org.planmap.store;

import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;
import org.planmap.store.filter.Filter;

/**
 * What to read from one layer, built by name rather than by position:
 * {@code FeatureQuery.of("counties").bbox(box).adcodePrefix("1411").limit(10).offset(20)}. Features whose
 * geometry intersects {@code bbox} (null: all; OGC API – Features' meaning, not the boxes' overlap), whose
 * {@value #ADCODE} begins with {@code adcodePrefix} (null: any; {@code 1411} is 吕梁市's units) and whose id is
 * {@code featureId} (null: any) and for which the CQL2 {@code filter} is true (null: all), skipping {@code offset} and
 * returning at most {@code limit} (null: no limit), from the layer as it is now or, with {@code version}, from one of
 * its kept versions ({@link FeatureStore#versions}). Without {@code withProperties} a query asks for ids and geometries
 * alone: a reader that measures or clips (the ledger) then does not pay for decoding every property of a dense layer;
 * without {@code withGeometry}, for ids and properties alone.
 * Each step returns a new query; the record stays immutable.
 */
public record FeatureQuery(String layerId, Envelope bbox, String adcodePrefix, Integer limit, long offset,
        String featureId, Filter filter, boolean withProperties, boolean withGeometry, Integer version) {

    /** The property the division-code filter reads; layers without it cannot be filtered by division. */
    public static final String ADCODE = "adcode";

    public FeatureQuery {
        Objects.requireNonNull(layerId);
        if (adcodePrefix != null && !adcodePrefix.matches("\\d{1,12}")) {
            throw new IllegalArgumentException("an adcode prefix is digits only: " + adcodePrefix);
        }
        if (offset < 0 || limit != null && limit < 0) {
            throw new IllegalArgumentException("limit and offset are never negative: " + limit + ", " + offset);
        }
        bbox = bbox == null ? null : new Envelope(bbox);   // Envelope is mutable: keep a copy of our own
    }

    /** Every feature of the layer; narrow it with the steps below. */
    public static FeatureQuery of(String layerId) {
        return new FeatureQuery(layerId, null, null, null, 0, null, null, true, true, null);
    }

    /** The one feature with this id (stores keep ids unique per layer and index them). */
    public static FeatureQuery byId(String layerId, String featureId) {
        return of(layerId).featureId(Objects.requireNonNull(featureId)).limit(1);
    }

    /** Only features whose geometry intersects {@code box} (null: no spatial filter). */
    public FeatureQuery bbox(Envelope box) {
        return new FeatureQuery(layerId, box, adcodePrefix, limit, offset, featureId, filter, withProperties,
                withGeometry, version);
    }

    public FeatureQuery adcodePrefix(String prefix) {
        return new FeatureQuery(layerId, bbox, prefix, limit, offset, featureId, filter, withProperties,
                withGeometry, version);
    }

    /** At most {@code max} features (null: no limit). */
    public FeatureQuery limit(Integer max) {
        return new FeatureQuery(layerId, bbox, adcodePrefix, max, offset, featureId, filter, withProperties,
                withGeometry, version);
    }

    public FeatureQuery offset(long skip) {
        return new FeatureQuery(layerId, bbox, adcodePrefix, limit, skip, featureId, filter, withProperties,
                withGeometry, version);
    }

    public FeatureQuery featureId(String id) {
        return new FeatureQuery(layerId, bbox, adcodePrefix, limit, offset, id, filter, withProperties, withGeometry,
                version);
    }

    /** Only features for which {@code condition} is true (null: no condition). */
    public FeatureQuery filter(Filter condition) {
        return new FeatureQuery(layerId, bbox, adcodePrefix, limit, offset, featureId, condition, withProperties,
                withGeometry, version);
    }

    /**
     * Features with their ids and geometries and no properties (an empty map), whatever the layer's fields: the
     * same features, in the same order, as the query without this step.
     */
    public FeatureQuery withoutProperties() {
        return new FeatureQuery(layerId, bbox, adcodePrefix, limit, offset, featureId, filter, false, withGeometry,
                version);
    }

    /**
     * Features with their ids and properties and no geometry (null), for a reader that lists rather than draws (the
     * OGC items page): the store selects no geometry column, so none is decoded, except where a bbox needs the
     * geometry to test; the same features, in the same order, as the query without this step.
     */
    public FeatureQuery withoutGeometry() {
        return new FeatureQuery(layerId, bbox, adcodePrefix, limit, offset, featureId, filter, withProperties, false,
                version);
    }

    /** {@code f} as this query asks for it: without its properties or geometry when it asks for none. */
    public Feature asAsked(Feature f) {
        return withProperties && withGeometry ? f
                : new Feature(f.id(), withGeometry ? f.geometry() : null, withProperties ? f.properties() : Map.of());
    }

    /** The same features of kept version {@code number} of the layer (null: the layer as it is now). */
    public FeatureQuery version(Integer number) {
        return new FeatureQuery(layerId, bbox, adcodePrefix, limit, offset, featureId, filter, withProperties,
                withGeometry, number);
    }

    /** Whether the answer is every match (no limit, no offset), so its length is also its numberMatched. */
    public boolean unpaged() {
        return limit == null && offset == 0;
    }
}

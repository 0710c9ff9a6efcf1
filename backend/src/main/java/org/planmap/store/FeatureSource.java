package org.planmap.store;

import java.util.List;
import java.util.function.Consumer;

/**
 * Features handed to a store one at a time, so that a layer of half a million polygons is written without
 * ever being held in memory whole. The source drives the loop (and so can keep a file or a connection
 * open for exactly as long as it reads); whatever it throws aborts the replace and reaches the caller
 * unchanged.
 */
@FunctionalInterface
public interface FeatureSource {

    /** Passes every feature to {@code sink} in order; each call reads the source again from its start. */
    void forEach(Consumer<Feature> sink);

    static FeatureSource of(List<Feature> features) {
        return features::forEach;
    }
}

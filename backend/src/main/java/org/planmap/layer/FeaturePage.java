package org.planmap.layer;

import java.util.List;
import org.planmap.crs.CrsRef;
import org.planmap.store.Feature;
import org.planmap.store.LayerInfo;

/**
 * The answer to one feature query: the layer, the features returned (geometries in {@code crs}), and how
 * many matched in all.
 */
public record FeaturePage(LayerInfo layer, List<Feature> features, long matched, CrsRef crs) {
}

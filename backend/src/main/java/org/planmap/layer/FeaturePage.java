package org.planmap.layer;

import java.util.OptionalLong;
import org.planmap.crs.CrsRef;
import org.planmap.store.FeatureCursor;
import org.planmap.store.LayerInfo;

/**
 * The answer to one feature query as it streams: the layer, the features still to read (geometries in
 * {@code crs}), and how many matched in all when that was counted before reading (a paged query); an unpaged
 * answer is every match, so its numberMatched is the number read. Closing the page closes its cursor.
 */
public record FeaturePage(LayerInfo layer, FeatureCursor features, OptionalLong matched, CrsRef crs)
        implements AutoCloseable {

    @Override
    public void close() {
        features.close();
    }
}

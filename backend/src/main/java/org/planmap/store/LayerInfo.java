package org.planmap.store;

import java.util.List;

/**
 * A layer's catalog entry: what it is, where it comes from and how it is stored.
 *
 * @param geometryType OGC name of the geometry type (MULTIPOLYGON, POINT, …)
 * @param crs          the CRS its geometries are stored in, as an authority code (EPSG:4326)
 * @param source       provenance in words: document and section, or data set and version
 * @param bbox         minX, minY, maxX, maxY in {@code crs}; empty for an empty layer
 * @param version      content hash: changes whenever the features do
 */
public record LayerInfo(String id, String title, String geometryType, String crs, String source,
        long featureCount, List<Double> bbox, List<Field> fields, String version) {

    public LayerInfo {
        bbox = List.copyOf(bbox);
        fields = List.copyOf(fields);
    }

    public LayerInfo withContents(long featureCount, List<Double> bbox, String version) {
        return new LayerInfo(id, title, geometryType, crs, source, featureCount, bbox, fields, version);
    }
}

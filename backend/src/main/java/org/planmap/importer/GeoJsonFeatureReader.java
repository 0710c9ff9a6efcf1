package org.planmap.importer;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.planmap.store.Feature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a GeoJSON FeatureCollection. Geometry parsing is JTS's; this class only walks the collection
 * and keeps each feature's properties in their written order.
 */
public final class GeoJsonFeatureReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GeometryFactory factory;

    public GeoJsonFeatureReader(GeometryFactory factory) {
        this.factory = factory;
    }

    /**
     * @param idProperty the property whose value becomes the feature id; when absent from a feature,
     *                   its "id" member or its position is used
     */
    public List<Feature> read(InputStream in, String idProperty) throws IOException {
        JsonNode root = JSON.readTree(in);
        if (!"FeatureCollection".equals(root.path("type").asString(""))) {
            throw new IOException("not a GeoJSON FeatureCollection (type is '" + root.path("type").asString("") + "')");
        }
        GeoJsonReader geometryReader = new GeoJsonReader(factory);
        List<Feature> features = new ArrayList<>();
        int position = 0;
        for (JsonNode f : root.path("features")) {
            try {
                features.add(feature(f, position, idProperty, geometryReader));
            } catch (ParseException e) {
                throw new IOException("feature " + position + ": invalid geometry: " + e.getMessage(), e);
            }
            position++;
        }
        return features;
    }

    /**
     * One feature of a collection (shared with {@link GeoJsonFormatReader}, which streams the collection).
     *
     * @param idProperty may be null: then the "id" member or the position is the id
     */
    static Feature feature(JsonNode f, int position, String idProperty, GeoJsonReader geometryReader)
            throws ParseException {
        Map<String, Object> props = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : f.path("properties").properties()) {
            props.put(e.getKey(), JSON.treeToValue(e.getValue(), Object.class));
        }
        JsonNode g = f.path("geometry");
        Geometry geometry = g.isObject() ? geometryReader.read(g.toString()) : null;
        String id = idProperty != null && props.containsKey(idProperty) ? String.valueOf(props.get(idProperty))
                : f.hasNonNull("id") ? f.get("id").asString() : String.valueOf(position);
        return new Feature(id, geometry, props);
    }
}

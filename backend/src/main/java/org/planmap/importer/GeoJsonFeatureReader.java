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
            Map<String, Object> props = new LinkedHashMap<>();
            JsonNode p = f.path("properties");
            for (Map.Entry<String, JsonNode> e : p.properties()) {
                props.put(e.getKey(), JSON.treeToValue(e.getValue(), Object.class));
            }
            Geometry geometry;
            try {
                geometry = f.path("geometry").isObject() ? geometryReader.read(f.path("geometry").toString()) : null;
            } catch (ParseException e) {
                throw new IOException("feature " + position + ": invalid geometry: " + e.getMessage(), e);
            }
            String id = props.containsKey(idProperty) ? String.valueOf(props.get(idProperty))
                    : f.hasNonNull("id") ? f.get("id").asString() : String.valueOf(position);
            features.add(new Feature(id, geometry, props));
            position++;
        }
        return features;
    }
}

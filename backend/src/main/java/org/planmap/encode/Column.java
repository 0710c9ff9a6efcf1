package org.planmap.encode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.planmap.store.Feature;
import org.planmap.store.Field;
import org.planmap.store.LayerInfo;

/**
 * One attribute column of a tabular export (CSV, DBF, GeoPackage): its name, type, description and where
 * its value comes from.
 */
public record Column(String name, Field.Type type, String description, Function<Feature, Object> value) {

    public static final String ID = "id";

    /**
     * The feature id, then every field of the layer in catalog order. A layer with its own {@code id} field
     * (town groups, regions, control lines) holds the feature id there already, so it is not written twice.
     */
    public static List<Column> of(LayerInfo layer) {
        List<Column> columns = new ArrayList<>();
        if (layer.fields().stream().noneMatch(f -> f.name().equals(ID))) {
            columns.add(new Column(ID, Field.Type.STRING, "要素标识", Feature::id));
        }
        for (Field f : layer.fields()) {
            columns.add(new Column(f.name(), f.type(), f.description() == null ? "" : f.description(),
                    feature -> feature.properties().get(f.name())));
        }
        return columns;
    }

    /** The value as text: numbers without exponent or trailing zeros, lists and maps as JSON, null as "". */
    public String text(Feature f) {
        return PropertyText.text(value.apply(f));
    }
}

package org.planmap.importer;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.store.Field;

/**
 * The property schema of a format that does not declare one (GeoJSON, KML), in order of first appearance, learnt
 * feature by feature: a field whose values mix kinds is STRING, integers mixed with decimals are REAL, lists and
 * objects are JSON.
 */
final class FieldTypes {

    private final Map<String, Field.Type> types = new LinkedHashMap<>(); // a null type: only nulls seen so far

    void add(Map<String, Object> properties) {
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            Field.Type b = typeOf(e.getValue());
            Field.Type a = types.get(e.getKey());
            if (!types.containsKey(e.getKey()) || a == null) {
                types.put(e.getKey(), b);
            } else if (b != null && a != b) {
                boolean numbers = (a == Field.Type.INTEGER || a == Field.Type.REAL)
                        && (b == Field.Type.INTEGER || b == Field.Type.REAL);
                types.put(e.getKey(), numbers ? Field.Type.REAL : Field.Type.STRING);
            }
        }
    }

    List<Field> fields() {
        return types.entrySet().stream()
                .map(e -> new Field(e.getKey(), e.getValue() == null ? Field.Type.STRING : e.getValue(), null))
                .toList();
    }

    private static Field.Type typeOf(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof BigInteger || v instanceof Short) {
            return Field.Type.INTEGER;
        }
        if (v instanceof Number) {
            return Field.Type.REAL;
        }
        if (v instanceof Boolean) {
            return Field.Type.BOOLEAN;
        }
        return v instanceof String ? Field.Type.STRING : Field.Type.JSON;
    }
}

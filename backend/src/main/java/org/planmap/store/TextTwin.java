package org.planmap.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A list property's text twin: {@code radiatedNames} ["文水县", "交城县"] also as {@code radiatedNamesText}
 * "文水县、交城县". JSON keeps the list; the twin is what a reader without list types gets to read, since a Shapefile
 * or a CSV has no list column and QGIS types an OGC API field from the first feature it sees, so a group whose list is
 * empty made the whole column NULL. An empty list is the empty text, never null, so the column is text for every reader.
 */
public final class TextTwin {

    /** Joins the items as Chinese lists are written. */
    public static final String SEPARATOR = "、";
    static final String SUFFIX = "Text";

    private TextTwin() {
    }

    /** The list field and its twin, in that order, for a layer's field list. */
    public static List<Field> fields(String name, String description) {
        return List.of(new Field(name, Field.Type.JSON, description),
                new Field(name + SUFFIX, Field.Type.STRING, description + "（文字，以" + SEPARATOR + "分隔）"));
    }

    /** Puts the list and its twin into a feature's properties. */
    public static void put(Map<String, Object> properties, String name, List<String> values) {
        properties.put(name, values);
        properties.put(name + SUFFIX, String.join(SEPARATOR, values));
    }

    /** The list field {@code field} is the text twin of, if it is one. */
    public static Optional<Field> listOf(Field field, List<Field> fields) {
        if (field.type() != Field.Type.STRING || !field.name().endsWith(SUFFIX)) {
            return Optional.empty();
        }
        String list = field.name().substring(0, field.name().length() - SUFFIX.length());
        return fields.stream().filter(f -> f.type() == Field.Type.JSON && f.name().equals(list)).findFirst();
    }

    /** The twin's name for a list field. */
    public static String twinName(Field list) {
        return list.name() + SUFFIX;
    }
}

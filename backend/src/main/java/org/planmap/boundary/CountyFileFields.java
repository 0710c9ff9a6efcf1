package org.planmap.boundary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.planmap.store.FeatureSource;
import org.planmap.store.Field;

/**
 * The fields of a department's county file as the import form offers them, so that the admin picks the code field
 * instead of typing its name: each field with a value from the file, how many of its values are county codes of
 * Shanxi (14xxxx, as {@link OfficialCounties#assemble} reads codes) and the guesses the form starts from.
 *
 * @param rows        the file's features
 * @param fields      the file's fields in its own order
 * @param adcodeField the field whose every value is a Shanxi county code (the one with most such values); null if none
 * @param nameField   a text field whose every value reads as a county-level name (ending 区, 县 or 市); null if none
 */
public record CountyFileFields(long rows, List<Column> fields, String adcodeField, String nameField) {

    /** Shanxi's code prefix in GB/T 2260. */
    static final String SHANXI = "14";

    public CountyFileFields {
        fields = List.copyOf(fields);
    }

    /**
     * @param sample      the first value that is not empty, as text; null if the field is empty throughout
     * @param values      features with a value that is not empty
     * @param countyCodes of those, values that are Shanxi county codes
     */
    public record Column(String name, Field.Type type, String sample, long values, long countyCodes) {

        boolean allCountyCodes() {
            return values > 0 && countyCodes == values;
        }
    }

    public static CountyFileFields of(List<Field> fields, FeatureSource features) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        fields.forEach(f -> tallies.put(f.name(), new Tally()));
        long[] rows = {0};
        features.forEach(feature -> {
            rows[0]++;
            tallies.forEach((name, tally) -> tally.add(feature.properties().get(name)));
        });
        List<Column> columns = new ArrayList<>();
        for (Field f : fields) {
            Tally t = tallies.get(f.name());
            columns.add(new Column(f.name(), f.type(), t.sample, t.values, t.countyCodes));
        }
        String adcode = columns.stream().filter(Column::allCountyCodes)
                .max((a, b) -> Long.compare(a.countyCodes(), b.countyCodes())).map(Column::name).orElse(null);
        String name = fields.stream().filter(f -> tallies.get(f.name()).allNames()).map(Field::name).findFirst()
                .orElse(null);
        return new CountyFileFields(rows[0], columns, adcode, name);
    }

    /** What one field's values look like, counted as the file is read once. */
    private static final class Tally {
        String sample;
        long values;
        long countyCodes;
        long names;

        void add(Object value) {
            String text = value == null ? "" : String.valueOf(value).strip();
            if (text.isEmpty()) {
                return;
            }
            values++;
            if (sample == null) {
                sample = value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                        ? Long.toString(n.longValue()) : text;
            }
            Optional<String> code = OfficialCounties.countyCode(value);
            if (code.isPresent() && code.get().startsWith(SHANXI)) {
                countyCodes++;
            } else if (value instanceof String && "区县市".indexOf(text.charAt(text.length() - 1)) >= 0) {
                names++;
            }
        }

        boolean allNames() {
            return values > 0 && names == values;
        }
    }
}

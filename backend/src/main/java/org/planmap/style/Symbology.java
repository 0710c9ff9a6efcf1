package org.planmap.style;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.planmap.style.MapStyles.ByProperty;
import org.planmap.style.MapStyles.LayerStyle;
import org.planmap.store.LayerInfo;

/**
 * A layer's style from the viewer's style file ({@link MapStyles}) as the rules a desktop GIS reads: one rule per
 * combination of the values the style picks by (a tier, a region kind and whether it is schematic), and one for the
 * values it lists nowhere, each with the symbol the viewer would draw. SLD ({@link Sld}), QML ({@link Qml}) and KML
 * styles are written from these, so every format shows what the map shows.
 *
 * @param byProperties the properties the rules test, in the style file's order (none: one rule for every feature)
 */
public record Symbology(String layerId, String title, Geometry geometry, List<String> byProperties, List<Rule> rules) {

    /** The kind of symbol a layer's geometry takes. */
    public enum Geometry {
        POINT, LINE, POLYGON;

        static Geometry of(String geometryType) {
            String t = geometryType.toUpperCase(Locale.ROOT);
            return t.contains("POINT") ? POINT : t.contains("LINE") ? LINE : POLYGON;
        }
    }

    /**
     * What one rule draws: {@code fill} null for an outline, its alpha the layer's fill opacity; {@code dash} null
     * for a solid line, else dash and gap lengths in pixels, as {@code width} is.
     */
    public record Symbol(Color stroke, float width, float[] dash, Color fill) {
    }

    /**
     * One property's part of a rule: equal to {@code value}, or (value null) none of {@code listed}, which is where
     * the style's default applies.
     */
    public record Condition(String property, String value, List<String> listed) {
        public boolean otherwise() {
            return value == null;
        }

        boolean matches(Map<String, Object> properties) {
            Object v = properties.get(property);
            return otherwise() ? v == null || !listed.contains(v.toString()) : v != null && value.equals(v.toString());
        }

        Condition renamed(UnaryOperator<String> column) {
            return new Condition(column.apply(property), value, listed);
        }
    }

    /** @param title the legend's words for it: the values, or 其他 for the unlisted ones */
    public record Rule(String title, List<Condition> conditions, Symbol symbol) {
        public Rule {
            conditions = List.copyOf(conditions);
        }

        public boolean matches(Map<String, Object> properties) {
            return conditions.stream().allMatch(c -> c.matches(properties));
        }
    }

    static final String OTHER = "其他";

    public Symbology {
        byProperties = List.copyOf(byProperties);
        rules = List.copyOf(rules);
    }

    /** The symbology of {@code layer}, whose style the file names by its id or gives as {@code otherLayers}. */
    public static Symbology of(MapStyles styles, LayerInfo layer) {
        LayerStyle style = styles.styleOf(layer.id());
        Map<String, List<String>> choices = new LinkedHashMap<>();
        for (ByProperty<?> by : Arrays.asList(style.strokeBy(), style.fillBy(), style.dashBy())) {
            if (by != null) {
                List<String> values = choices.computeIfAbsent(by.property(), p -> new ArrayList<>());
                by.values().keySet().stream().filter(v -> !values.contains(v)).forEach(values::add);
            }
        }
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> c : choices.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> before : combinations) {
                List<String> values = new ArrayList<>(c.getValue());
                values.add(null);
                for (String v : values) {
                    Map<String, String> m = new LinkedHashMap<>(before);
                    m.put(c.getKey(), v);
                    next.add(m);
                }
            }
            combinations = next;
        }
        List<Rule> rules = new ArrayList<>();
        for (Map<String, String> combination : combinations) {
            List<Condition> conditions = new ArrayList<>();
            Map<String, Object> sample = new HashMap<>();
            List<String> words = new ArrayList<>();
            combination.forEach((property, value) -> {
                conditions.add(new Condition(property, value, choices.get(property)));
                sample.put(property, value);
                words.add(value == null ? OTHER : value);
            });
            Color fill = style.fillFor(sample);
            rules.add(new Rule(words.isEmpty() ? style.title() : String.join(" · ", words), conditions,
                    new Symbol(style.strokeFor(sample), style.width(), style.dashFor(sample), fill)));
        }
        return new Symbology(layer.id(), style.title(), Geometry.of(layer.geometryType()),
                List.copyOf(choices.keySet()), rules);
    }

    /** The same rules on renamed properties: a Shapefile's DBF cuts names to 10 bytes. */
    public Symbology renamed(UnaryOperator<String> column) {
        return new Symbology(layerId, title, geometry, byProperties.stream().map(column).toList(),
                rules.stream().map(r -> new Rule(r.title(), r.conditions().stream().map(c -> c.renamed(column)).toList(),
                        r.symbol())).toList());
    }

    /** The rule a feature is drawn by; the rules cover every value, the unlisted ones by their otherwise conditions. */
    public Rule ruleFor(Map<String, Object> properties) {
        return rules.stream().filter(r -> r.matches(properties)).findFirst().orElseThrow();
    }

    /** {@code #rrggbb}, as SLD and the style file write colours. */
    static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}

package org.planmap.style;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The viewer's layer styles, read from the same file the viewer's {@code js/styles.js} loads
 * ({@value #RESOURCE} in the frontend jar), so a map image or tile looks like the map on screen and an exported
 * layer opens in a desktop GIS the same way ({@link Symbology}). Here rather than in {@code render}, since both the
 * renderer and the encoders read it.
 * Layers keep the file's order, which is the drawing order (bottom first).
 */
public record MapStyles(Color background, Map<String, LayerStyle> layers, LayerStyle otherLayers,
        Map<String, String> english) {

    public static final String RESOURCE = "META-INF/resources/styles/planmap-styles.json";

    public MapStyles {
        layers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(layers));
        english = Map.copyOf(english);
    }

    /** A word a map carries (a layer's title, a tier, the scale's unit) in English, as the file gives it; else as is. */
    public String inEnglish(String chinese) {
        return english.getOrDefault(chinese, chinese);
    }

    public Optional<LayerStyle> layer(String id) {
        return Optional.ofNullable(layers.get(id));
    }

    /** The layer's style, or for a layer the viewer does not draw (an imported one) the file's {@code otherLayers}. */
    public LayerStyle styleOf(String id) {
        return layer(id).orElse(otherLayers);
    }

    /** Ids of the layers the viewer draws as server tiles (the control lines and their conflicts). */
    public List<String> denseLayers() {
        return layers.values().stream().filter(LayerStyle::dense).map(LayerStyle::id).toList();
    }

    public static MapStyles fromClasspath() {
        try (InputStream in = MapStyles.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (the frontend jar holds it)");
            }
            return parse(JsonMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MapStyles parse(JsonNode root) {
        Map<String, LayerStyle> layers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.get("layers").properties()) {
            layers.put(e.getKey(), LayerStyle.parse(e.getKey(), e.getValue()));
        }
        Map<String, String> english = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.path("english").properties()) {
            english.put(e.getKey(), e.getValue().asString());
        }
        return new MapStyles(colour(root.get("background").asString()), layers,
                LayerStyle.parse("otherLayers", root.get("otherLayers")), english);
    }

    static Color colour(String hex) {
        return Color.decode(hex);
    }

    /** A value chosen by one feature property (tier colours, region kinds), in legend order. */
    public record ByProperty<T>(String property, String title, Map<String, T> values, T fallback) {
        public ByProperty {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        T pick(Map<String, Object> properties) {
            Object v = properties.get(property);
            return v == null ? fallback : values.getOrDefault(v.toString(), fallback);
        }
    }

    /** How a layer's names are lettered: at each feature's {@code labelPoint}, its {@code name}. */
    public record LabelStyle(float size, boolean bold, boolean italic, Color colour, double minZoom, double maxZoom,
            boolean withLayer) {
        public boolean showsAt(double zoom) {
            return zoom >= minZoom && zoom < maxZoom;
        }
    }

    /**
     * One layer's style. {@code fill} null and no {@code fillBy}: outlines only.
     *
     * @param dense drawn in the viewer as server tiles rather than as vector shapes
     */
    public record LayerStyle(String id, String title, String legend, boolean dense, Color stroke, ByProperty<Color> strokeBy,
            float width, ByProperty<float[]> dashBy, Color fill, ByProperty<Color> fillBy, float fillOpacity,
            LabelStyle label) {

        public boolean filled() {
            return fill != null || fillBy != null;
        }

        public Color strokeFor(Map<String, Object> properties) {
            return strokeBy == null ? stroke : strokeBy.pick(properties);
        }

        /** The fill with the layer's opacity applied; null for an outline layer. */
        public Color fillFor(Map<String, Object> properties) {
            Color c = fillBy == null ? fill : fillBy.pick(properties);
            return c == null ? null : new Color(c.getRed(), c.getGreen(), c.getBlue(), Math.round(fillOpacity * 255));
        }

        public float[] dashFor(Map<String, Object> properties) {
            return dashBy == null ? null : dashBy.pick(properties);
        }

        static LayerStyle parse(String id, JsonNode n) {
            return new LayerStyle(id, n.get("title").asString(), text(n, "legend"), n.path("dense").asBoolean(false),
                    n.has("stroke") ? colour(n.get("stroke").asString()) : null,
                    byProperty(n.get("strokeBy"), v -> colour(v.asString())),
                    (float) n.path("width").asDouble(1),
                    byProperty(n.get("dashBy"), MapStyles::dash),
                    n.has("fill") ? colour(n.get("fill").asString()) : null,
                    byProperty(n.get("fillBy"), v -> colour(v.asString())),
                    (float) n.path("fillOpacity").asDouble(0.2),
                    n.has("label") ? labelStyle(n.get("label")) : null);
        }
    }

    private static String text(JsonNode n, String field) {
        return n.has(field) ? n.get(field).asString() : null;
    }

    private static float[] dash(JsonNode array) {
        float[] dash = new float[array.size()];
        for (int i = 0; i < dash.length; i++) {
            dash[i] = (float) array.get(i).asDouble();
        }
        return dash;
    }

    private static LabelStyle labelStyle(JsonNode n) {
        return new LabelStyle((float) n.path("size").asDouble(12), n.path("bold").asBoolean(false),
                n.path("italic").asBoolean(false), colour(n.path("colour").asString("#102a43")),
                n.path("minZoom").asDouble(0), n.path("maxZoom").asDouble(99), n.path("withLayer").asBoolean(false));
    }

    private static <T> ByProperty<T> byProperty(JsonNode n, java.util.function.Function<JsonNode, T> value) {
        if (n == null) {
            return null;
        }
        Map<String, T> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.get("values").properties()) {
            values.put(e.getKey(), value.apply(e.getValue()));
        }
        return new ByProperty<>(n.get("property").asString(), text(n, "title"), values,
                n.has("default") ? value.apply(n.get("default")) : null);
    }
}

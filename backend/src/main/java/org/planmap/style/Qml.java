package org.planmap.style;

import static org.planmap.style.StyleXml.child;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A {@link Symbology} as a QGIS layer style (.qml, QGIS 3): a single symbol for a layer drawn one way, a
 * categorised renderer for a layer whose colour follows one property (the counties' tiers), and a rule-based one
 * where two properties decide (a region's kind its colour, its schematic extent the dash). Widths and dashes are in
 * pixels as on the web map. Symbol layer properties are written both as QGIS 3.16+ {@code Option} maps and as the
 * older {@code prop} elements, as QGIS itself writes them, so QGIS 3.10 reads the colours too.
 */
public final class Qml {

    public static final String MEDIA_TYPE = "application/vnd.qgis.qml+xml";
    /** The QGIS the files are checked with (headless QGIS 3.22 in StyleApiTest). */
    static final String VERSION = "3.22.0";
    /** QML elements are in no namespace. */
    private static final String NONE = null;

    private Qml() {
    }

    public static String of(Symbology s) {
        Document doc = StyleXml.document();
        Element root = doc.createElementNS(NONE, "qgis");
        doc.appendChild(root);
        root.setAttribute("version", VERSION);
        root.setAttribute("styleCategories", "Symbology");
        Element renderer = child(root, NONE, "renderer-v2", null);
        renderer.setAttribute("symbollevels", "0");
        renderer.setAttribute("enableorderby", "0");
        renderer.setAttribute("forceraster", "0");
        List<Symbology.Rule> rules = s.rules();
        if (s.byProperties().isEmpty()) {
            renderer.setAttribute("type", "singleSymbol");
        } else if (s.byProperties().size() == 1) {
            renderer.setAttribute("type", "categorizedSymbol");
            renderer.setAttribute("attr", s.byProperties().get(0));
            Element categories = child(renderer, NONE, "categories", null);
            for (int i = 0; i < rules.size(); i++) {
                Symbology.Condition c = rules.get(i).conditions().get(0);
                // the category with the empty value is QGIS's "all other values"
                attributes(child(categories, NONE, "category", null), "value", c.otherwise() ? "" : c.value(),
                        "symbol", String.valueOf(i), "label", rules.get(i).title(), "render", "true");
            }
        } else {
            renderer.setAttribute("type", "RuleRenderer");
            Element tree = child(renderer, NONE, "rules", null);
            tree.setAttribute("key", "{root}");
            for (int i = 0; i < rules.size(); i++) {
                attributes(child(tree, NONE, "rule", null), "key", "{rule-" + i + "}", "symbol", String.valueOf(i),
                        "label", rules.get(i).title(), "filter", expression(rules.get(i).conditions()));
            }
        }
        Element symbols = child(renderer, NONE, "symbols", null);
        for (int i = 0; i < rules.size(); i++) {
            symbol(symbols, String.valueOf(i), s.geometry(), rules.get(i).symbol());
        }
        return StyleXml.print(doc, "http://mrcc.com/qgis.dtd", "SYSTEM");
    }

    /** A QGIS expression for the conditions: {@code "kind" = '城市群' AND ("geometryBasis" IS NULL OR …)}. */
    static String expression(List<Symbology.Condition> conditions) {
        List<String> parts = new ArrayList<>();
        for (Symbology.Condition c : conditions) {
            String field = "\"" + c.property().replace("\"", "\"\"") + "\"";
            if (!c.otherwise()) {
                parts.add(field + " = " + literal(c.value()));
            } else {
                parts.add("(" + field + " IS NULL OR " + field + " NOT IN ("
                        + String.join(", ", c.listed().stream().map(Qml::literal).toList()) + "))");
            }
        }
        return String.join(" AND ", parts);
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static void symbol(Element symbols, String name, Symbology.Geometry geometry, Symbology.Symbol s) {
        Element symbol = child(symbols, NONE, "symbol", null);
        attributes(symbol, "name", name, "alpha", "1", "clip_to_extent", "1", "force_rhr", "0", "type",
                switch (geometry) {
                    case POINT -> "marker";
                    case LINE -> "line";
                    case POLYGON -> "fill";
                });
        switch (geometry) {
            case POINT -> {
                Map<String, String> p = new LinkedHashMap<>();
                p.put("name", "circle");
                p.put("color", colour(s.fill()));
                p.put("outline_color", colour(s.stroke()));
                p.put("outline_width", Sld.number(s.width()));
                p.put("outline_width_unit", "Pixel");
                p.put("size", "8");
                p.put("size_unit", "Pixel");
                layer(symbol, "SimpleMarker", p);
            }
            case LINE -> line(symbol, s);
            case POLYGON -> {
                // the outline as its own line layer: a simple fill's outline cannot take the style file's dash
                Map<String, String> p = new LinkedHashMap<>();
                p.put("color", colour(s.fill()));
                p.put("style", s.fill() == null ? "no" : "solid");
                p.put("outline_style", "no");
                layer(symbol, "SimpleFill", p);
                if (s.stroke() != null) {
                    line(symbol, s);
                }
            }
        }
    }

    private static void line(Element symbol, Symbology.Symbol s) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("line_color", colour(s.stroke()));
        p.put("line_width", Sld.number(s.width()));
        p.put("line_width_unit", "Pixel");
        p.put("line_style", s.stroke() == null ? "no" : "solid");
        p.put("joinstyle", "round");
        p.put("capstyle", "round");
        p.put("use_custom_dash", s.dash() == null ? "0" : "1");
        if (s.dash() != null) {
            List<String> dash = new ArrayList<>();
            for (float d : s.dash()) {
                dash.add(Sld.number(d));
            }
            p.put("customdash", String.join(";", dash));
            p.put("customdash_unit", "Pixel");
        }
        layer(symbol, "SimpleLine", p);
    }

    private static void layer(Element symbol, String kind, Map<String, String> properties) {
        Element layer = child(symbol, NONE, "layer", null);
        attributes(layer, "class", kind, "enabled", "1", "locked", "0", "pass", "0");
        Element options = child(layer, NONE, "Option", null);
        options.setAttribute("type", "Map");
        properties.forEach((k, v) -> attributes(child(options, NONE, "Option", null), "name", k, "type", "QString",
                "value", v));
        properties.forEach((k, v) -> attributes(child(layer, NONE, "prop", null), "k", k, "v", v));
    }

    /** QGIS's {@code r,g,b,a}; fully transparent for none. */
    private static String colour(Color c) {
        return c == null ? "0,0,0,0" : c.getRed() + "," + c.getGreen() + "," + c.getBlue() + "," + c.getAlpha();
    }

    private static void attributes(Element e, String... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            e.setAttribute(namesAndValues[i], namesAndValues[i + 1]);
        }
    }
}

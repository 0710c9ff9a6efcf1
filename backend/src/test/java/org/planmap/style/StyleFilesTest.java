package org.planmap.style;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.planmap.store.LayerInfo;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * SLD and QML from the real style file, parsed back: every layer's documents are well-formed, the SLD follows the
 * SLD 1.0.0 schema's element order and vocabulary, and the colours and dashes are the style file's.
 */
class StyleFilesTest {

    static final MapStyles STYLES = MapStyles.fromClasspath();
    static final Map<String, String> TIERS = Map.of("I型大城市", "#8c2d04", "II型大城市", "#d94801", "中等城市", "#f16913",
            "I型小城市", "#fdae6b", "II型小城市", "#feedde");

    static LayerInfo layer(String id, String geometryType) {
        return new LayerInfo(id, id, geometryType, "EPSG:4326", "", 0, List.of(), List.of(), "");
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // QML's DOCTYPE names a DTD QGIS never fetches either
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c);
            }
        }
        return out;
    }

    static List<String> names(Element e) {
        return children(e).stream().map(Element::getLocalName).toList();
    }

    @Test
    void countiesAreOneRulePerTierInTheStyleFilesColoursAndOneForTheRest() {
        Symbology s = Symbology.of(STYLES, layer("counties", "MULTIPOLYGON"));
        assertThat(s.byProperties()).containsExactly("tier");
        assertThat(s.rules()).hasSize(6);
        for (Symbology.Rule r : s.rules().subList(0, 5)) {
            assertThat(Symbology.hex(r.symbol().fill())).isEqualTo(TIERS.get(r.title()));
            assertThat(r.symbol().fill().getAlpha()).isEqualTo(Math.round(0.9f * 255));
        }
        assertThat(s.ruleFor(Map.of("tier", "中等城市")).title()).isEqualTo("中等城市");
        assertThat(s.ruleFor(Map.of("tier", "未列出")).conditions().get(0).otherwise()).isTrue();
        assertThat(Symbology.hex(s.ruleFor(Map.of()).symbol().fill())).isEqualTo("#cccccc");
    }

    @Test
    void regionsCrossTheirKindColoursWithTheSchematicDash() {
        Symbology s = Symbology.of(STYLES, layer("regions", "MULTIPOLYGON"));
        assertThat(s.byProperties()).containsExactly("kind", "geometryBasis");
        assertThat(s.rules()).hasSize(5 * 2);
        Symbology.Rule schematic = s.ruleFor(Map.of("kind", "城镇圈", "geometryBasis", "schematic"));
        assertThat(Symbology.hex(schematic.symbol().stroke())).isEqualTo("#b45309");
        assertThat(schematic.symbol().dash()).containsExactly(10, 7);
        assertThat(schematic.symbol().fill()).isNull();
        assertThat(s.ruleFor(Map.of("kind", "城市群", "geometryBasis", "members")).symbol().dash()).isNull();
        assertThat(Qml.expression(schematic.conditions())).isEqualTo("\"kind\" = '城镇圈' AND \"geometryBasis\" = 'schematic'");
        assertThat(Qml.expression(s.ruleFor(Map.of("kind", "城市群")).conditions()))
                .isEqualTo("\"kind\" = '城市群' AND (\"geometryBasis\" IS NULL OR \"geometryBasis\" NOT IN ('schematic'))");
    }

    @Test
    void aLayerTheStyleFileDoesNotNameGetsItsOtherLayersStyle() {
        Symbology s = Symbology.of(STYLES, layer("uploaded-sites", "POINT"));
        assertThat(s.rules()).hasSize(1);
        assertThat(s.geometry()).isEqualTo(Symbology.Geometry.POINT);
        assertThat(Symbology.hex(s.rules().get(0).symbol().stroke())).isEqualTo("#334e68");
    }

    /** Every style file layer, and an unnamed one of each geometry kind. */
    static List<LayerInfo> everyLayer() {
        List<LayerInfo> layers = new ArrayList<>();
        STYLES.layers().keySet().forEach(id -> layers.add(layer(id, "MULTIPOLYGON")));
        layers.add(layer("sites", "POINT"));
        layers.add(layer("roads", "MULTILINESTRING"));
        return layers;
    }

    @Test
    void everySldFollowsTheSld100SchemasStructure() throws Exception {
        Set<String> css = Set.of("fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray");
        for (LayerInfo layer : everyLayer()) {
            Symbology symbology = Symbology.of(STYLES, layer);
            Element root = parse(Sld.of(symbology)).getDocumentElement();
            assertThat(root.getNamespaceURI()).isEqualTo(Sld.NS);
            assertThat(root.getLocalName()).isEqualTo("StyledLayerDescriptor");
            assertThat(root.getAttribute("version")).isEqualTo("1.0.0");
            assertThat(names(root)).containsExactly("NamedLayer");
            Element named = children(root).get(0);
            assertThat(names(named)).containsExactly("Name", "UserStyle");
            Element style = children(named).get(1);
            assertThat(names(style)).containsExactly("Name", "Title", "IsDefault", "FeatureTypeStyle");
            List<Element> rules = children(children(style).get(3));
            assertThat(rules).hasSize(symbology.rules().size()).allMatch(r -> r.getLocalName().equals("Rule"));
            for (Element rule : rules) {
                List<String> parts = names(rule);
                assertThat(parts.subList(0, 2)).containsExactly("Name", "Title");
                String symbolizer = parts.get(parts.size() - 1);
                assertThat(symbolizer).isIn("PolygonSymbolizer", "LineSymbolizer", "PointSymbolizer");
                assertThat(parts.subList(2, parts.size() - 1)).isSubsetOf("Filter", "ElseFilter").hasSizeLessThan(2);
                children(rule).stream().filter(e -> e.getLocalName().equals("Filter"))
                        .forEach(f -> assertThat(f.getNamespaceURI()).isEqualTo(Sld.OGC));
                Element s = children(rule).get(parts.size() - 1);
                List<String> order = symbolizer.equals("PointSymbolizer") ? names(children(children(s).get(0)).get(0))
                        : names(s);
                assertThat(String.join(",", order)).matches(symbolizer.equals("PointSymbolizer")
                        ? "WellKnownName(,Fill)?(,Stroke)?" : "(Fill)?,?(Stroke)?");
                for (int i = 0; i < rule.getElementsByTagNameNS(Sld.NS, "CssParameter").getLength(); i++) {
                    Element p = (Element) rule.getElementsByTagNameNS(Sld.NS, "CssParameter").item(i);
                    assertThat(p.getAttribute("name")).isIn(css);
                    assertThat(p.getTextContent()).isNotBlank();
                }
            }
        }
    }

    @Test
    void theCountiesSldTestsEachTierAndFillsItInItsColour() throws Exception {
        Document doc = parse(Sld.of(Symbology.of(STYLES, layer("counties", "MULTIPOLYGON"))));
        var rules = doc.getElementsByTagNameNS(Sld.NS, "Rule");
        for (int i = 0; i < 5; i++) {
            Element rule = (Element) rules.item(i);
            String tier = rule.getElementsByTagNameNS(Sld.OGC, "Literal").item(0).getTextContent();
            assertThat(rule.getElementsByTagNameNS(Sld.OGC, "PropertyName").item(0).getTextContent()).isEqualTo("tier");
            assertThat(css(rule, "fill")).isEqualTo(TIERS.get(tier));
            assertThat(css(rule, "fill-opacity")).isEqualTo("0.9");
            assertThat(css(rule, "stroke")).isEqualTo("#52606d");
            assertThat(css(rule, "stroke-width")).isEqualTo("0.6");
        }
        assertThat(((Element) rules.item(5)).getElementsByTagNameNS(Sld.NS, "ElseFilter").getLength()).isEqualTo(1);
    }

    @Test
    void theRegionsSldDashesTheSchematicOnes() throws Exception {
        Document doc = parse(Sld.of(Symbology.of(STYLES, layer("regions", "MULTIPOLYGON"))));
        var rules = doc.getElementsByTagNameNS(Sld.NS, "Rule");
        int dashed = 0;
        for (int i = 0; i < rules.getLength(); i++) {
            Element rule = (Element) rules.item(i);
            // named by kind · basis, 其他 for the values the style file lists nowhere
            boolean schematic = rule.getElementsByTagNameNS(Sld.NS, "Name").item(0).getTextContent().endsWith("schematic");
            assertThat(css(rule, "stroke-dasharray")).isEqualTo(schematic ? "10 7" : null);
            assertThat(rule.getElementsByTagNameNS(Sld.NS, "Fill").getLength()).isZero();
            dashed += schematic ? 1 : 0;
        }
        assertThat(dashed).isEqualTo(5);
    }

    @Test
    void theCountiesQmlIsACategorisedRendererOnTierWithTheFiveColours() throws Exception {
        Element renderer = qmlRenderer("counties");
        assertThat(renderer.getAttribute("type")).isEqualTo("categorizedSymbol");
        assertThat(renderer.getAttribute("attr")).isEqualTo("tier");
        var categories = renderer.getElementsByTagName("category");
        assertThat(categories.getLength()).isEqualTo(6);
        for (int i = 0; i < 5; i++) {
            Element category = (Element) categories.item(i);
            Element symbol = symbol(renderer, category.getAttribute("symbol"));
            String rgb = TIERS.get(category.getAttribute("value"));
            assertThat(option(symbol, "SimpleFill", "color")).isEqualTo(Integer.parseInt(rgb.substring(1, 3), 16) + ","
                    + Integer.parseInt(rgb.substring(3, 5), 16) + "," + Integer.parseInt(rgb.substring(5, 7), 16) + ",230");
            assertThat(option(symbol, "SimpleLine", "line_width")).isEqualTo("0.6");
        }
    }

    @Test
    void theRegionsQmlIsRuleBasedWithTheDashInPixels() throws Exception {
        Element renderer = qmlRenderer("regions");
        assertThat(renderer.getAttribute("type")).isEqualTo("RuleRenderer");
        var rules = renderer.getElementsByTagName("rule");
        assertThat(rules.getLength()).isEqualTo(10);
        Element first = (Element) rules.item(0);
        assertThat(first.getAttribute("filter")).isEqualTo("\"kind\" = '城市群' AND \"geometryBasis\" = 'schematic'");
        Element symbol = symbol(renderer, first.getAttribute("symbol"));
        assertThat(option(symbol, "SimpleLine", "customdash")).isEqualTo("10;7");
        assertThat(option(symbol, "SimpleLine", "use_custom_dash")).isEqualTo("1");
        assertThat(option(symbol, "SimpleFill", "style")).isEqualTo("no");
    }

    @Test
    void aLayerWithOneLookIsASingleSymbol() throws Exception {
        Element renderer = qmlRenderer("town-groups");
        assertThat(renderer.getAttribute("type")).isEqualTo("singleSymbol");
        assertThat(option(symbol(renderer, "0"), "SimpleLine", "line_color")).isEqualTo("134,25,143,255");
    }

    /** The renderer of a polygon layer's QML, checked to be in a {@code qgis} document. */
    private static Element qmlRenderer(String layerId) throws Exception {
        Element root = parse(Qml.of(Symbology.of(STYLES, layer(layerId, "MULTIPOLYGON")))).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("qgis");
        return (Element) root.getElementsByTagName("renderer-v2").item(0);
    }

    private static Element symbol(Element renderer, String name) {
        var symbols = renderer.getElementsByTagName("symbol");
        for (int i = 0; i < symbols.getLength(); i++) {
            if (((Element) symbols.item(i)).getAttribute("name").equals(name)) {
                return (Element) symbols.item(i);
            }
        }
        throw new AssertionError("no symbol " + name);
    }

    /** A symbol layer's property as the {@code Option} map and the older {@code prop} both give it. */
    private static String option(Element symbol, String layerClass, String name) {
        for (Element layer : children(symbol)) {
            if (layer.getAttribute("class").equals(layerClass)) {
                String option = null;
                String prop = null;
                for (Element o : children(children(layer).get(0))) {
                    option = o.getAttribute("name").equals(name) ? o.getAttribute("value") : option;
                }
                for (Element p : children(layer)) {
                    prop = p.getTagName().equals("prop") && p.getAttribute("k").equals(name) ? p.getAttribute("v") : prop;
                }
                assertThat(prop).as(name).isEqualTo(option);
                return option;
            }
        }
        throw new AssertionError("no " + layerClass + " layer");
    }

    private static String css(Element rule, String name) {
        var params = rule.getElementsByTagNameNS(Sld.NS, "CssParameter");
        for (int i = 0; i < params.getLength(); i++) {
            Element p = (Element) params.item(i);
            if (p.getAttribute("name").equals(name)) {
                return p.getTextContent();
            }
        }
        return null;
    }
}

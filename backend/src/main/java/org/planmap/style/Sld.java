package org.planmap.style;

import static org.planmap.style.StyleXml.child;

import java.awt.Color;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A {@link Symbology} as an OGC Styled Layer Descriptor 1.0.0, the style GeoServer, ArcGIS, SuperMap and the
 * provincial 一张图 platforms import: one NamedLayer with one UserStyle, a Rule per symbology rule whose ogc:Filter
 * tests its values (the rule for the unlisted values of a single property is the ElseFilter), and a Polygon-, Line-
 * or PointSymbolizer with the viewer's colours, opacity, width and dash in pixels.
 */
public final class Sld {

    public static final String MEDIA_TYPE = "application/vnd.ogc.sld+xml";
    static final String NS = "http://www.opengis.net/sld";
    static final String OGC = "http://www.opengis.net/ogc";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    /** Points have no size in the style file; 8 px is what Leaflet's circle markers use. */
    private static final String POINT_SIZE = "8";

    private Sld() {
    }

    public static String of(Symbology s) {
        Document doc = StyleXml.document();
        Element root = doc.createElementNS(NS, "StyledLayerDescriptor");
        doc.appendChild(root);
        root.setAttribute("version", "1.0.0");
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ogc", OGC);
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xsi", XSI);
        root.setAttributeNS(XSI, "xsi:schemaLocation",
                NS + " http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd");
        Element layer = child(root, NS, "NamedLayer", null);
        child(layer, NS, "Name", s.layerId());
        Element style = child(layer, NS, "UserStyle", null);
        child(style, NS, "Name", s.layerId());
        child(style, NS, "Title", s.title());
        child(style, NS, "IsDefault", "1");
        Element featureTypeStyle = child(style, NS, "FeatureTypeStyle", null);
        for (Symbology.Rule r : s.rules()) {
            Element rule = child(featureTypeStyle, NS, "Rule", null);
            child(rule, NS, "Name", r.title());
            child(rule, NS, "Title", r.title());
            filter(rule, r.conditions());
            symbolizer(rule, s.geometry(), r.symbol());
        }
        return StyleXml.print(doc, null, null);
    }

    private static void filter(Element rule, List<Symbology.Condition> conditions) {
        if (conditions.isEmpty()) {
            return;
        }
        if (conditions.size() == 1 && conditions.get(0).otherwise()) {
            child(rule, NS, "ElseFilter", null);
            return;
        }
        Element parent = child(rule, OGC, "ogc:Filter", null);
        if (conditions.size() > 1) {
            parent = child(parent, OGC, "ogc:And", null);
        }
        for (Symbology.Condition c : conditions) {
            if (!c.otherwise()) {
                equal(parent, c.property(), c.value());
                continue;
            }
            Element not = child(parent, OGC, "ogc:Not", null);
            Element any = c.listed().size() > 1 ? child(not, OGC, "ogc:Or", null) : not;
            c.listed().forEach(v -> equal(any, c.property(), v));
        }
    }

    private static void equal(Element parent, String property, String value) {
        Element e = child(parent, OGC, "ogc:PropertyIsEqualTo", null);
        child(e, OGC, "ogc:PropertyName", property);
        child(e, OGC, "ogc:Literal", value);
    }

    private static void symbolizer(Element rule, Symbology.Geometry geometry, Symbology.Symbol symbol) {
        switch (geometry) {
            case POLYGON -> {
                Element polygon = child(rule, NS, "PolygonSymbolizer", null);
                fill(polygon, symbol.fill());
                stroke(polygon, symbol);
            }
            case LINE -> stroke(child(rule, NS, "LineSymbolizer", null), symbol);
            case POINT -> {
                Element graphic = child(child(rule, NS, "PointSymbolizer", null), NS, "Graphic", null);
                Element mark = child(graphic, NS, "Mark", null);
                child(mark, NS, "WellKnownName", "circle");
                fill(mark, symbol.fill());
                stroke(mark, symbol);
                child(graphic, NS, "Size", POINT_SIZE);
            }
        }
    }

    private static void fill(Element parent, Color fill) {
        if (fill != null) {
            Element e = child(parent, NS, "Fill", null);
            css(e, "fill", Symbology.hex(fill));
            css(e, "fill-opacity", number(fill.getAlpha() / 255f));
        }
    }

    private static void stroke(Element parent, Symbology.Symbol symbol) {
        if (symbol.stroke() == null) {
            return;
        }
        Element e = child(parent, NS, "Stroke", null);
        css(e, "stroke", Symbology.hex(symbol.stroke()));
        css(e, "stroke-width", number(symbol.width()));
        if (symbol.dash() != null) {
            StringBuilder dash = new StringBuilder();
            for (float d : symbol.dash()) {
                dash.append(dash.isEmpty() ? "" : " ").append(number(d));
            }
            css(e, "stroke-dasharray", dash.toString());
        }
    }

    private static void css(Element parent, String name, String value) {
        child(parent, NS, "CssParameter", value).setAttribute("name", name);
    }

    /** 0.9, 1, 2.5: no float noise (0.89999998) and no trailing zeros. */
    static String number(float f) {
        return new BigDecimal(Float.toString(f)).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }
}

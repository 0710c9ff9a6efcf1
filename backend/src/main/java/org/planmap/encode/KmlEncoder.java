package org.planmap.encode;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.planmap.crs.CrsRef;
import org.planmap.layer.FeaturePage;
import org.planmap.style.MapStyles;
import org.planmap.store.Feature;
import org.planmap.style.Symbology;

/**
 * KML 2.2 for Google Earth and 奥维 (Ovital): UTF-8, one Placemark per feature named after the feature
 * (its name, kind or title), every attribute as ExtendedData, polygons with outer and inner boundaries
 * (outer rings counter-clockwise, as the KML reference recommends). KML is WGS 84 longitude/latitude by
 * definition, so a projected CRS is refused rather than silently ignored: a planner who asked for
 * Gauss-Krüger metres should learn that KML cannot hold them. The layer's style comes along as one shared
 * {@code <Style>} per symbology rule, each Placemark pointing at its own by {@code <styleUrl>}: KML has no dashes,
 * so a schematic region is told by its colour and its 图形依据 attribute only.
 */
public final class KmlEncoder implements FeatureEncoder {

    private static final String NS = "http://www.opengis.net/kml/2.2";
    private static final List<String> NAME_PROPERTIES = List.of("name", "kindName", "title");
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
    private static final double SCALE = 1e6;
    private static final String STYLE_ID = "style-";

    private final MapStyles styles;

    /** @param styles the web map's styles, of which the layer's colours go into the file */
    public KmlEncoder(MapStyles styles) {
        this.styles = styles;
    }

    @Override
    public String format() {
        return "kml";
    }

    @Override
    public String mediaType() {
        return "application/vnd.google-earth.kml+xml";
    }

    @Override
    public String fileExtension() {
        return "kml";
    }

    @Override
    public void checkCrs(CrsRef crs) {
        ExportException.requireGeographic(crs, "KML");
    }

    @Override
    public void write(FeaturePage page, OutputStream out) throws IOException {
        checkCrs(page.crs());
        List<Column> columns = Column.of(page.layer());
        try {
            XMLStreamWriter x = XML.createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("kml");
            x.writeDefaultNamespace(NS);
            x.writeStartElement("Document");
            element(x, "name", page.layer().title());
            Symbology symbology = Symbology.of(styles, page.layer());
            List<Symbology.Rule> rules = symbology.rules();
            for (int i = 0; i < rules.size(); i++) {
                style(x, STYLE_ID + i, rules.get(i).symbol());
            }
            while (page.features().hasNext()) {
                Feature f = page.features().next();
                x.writeStartElement("Placemark");
                x.writeAttribute("id", f.id());
                element(x, "name", name(f));
                element(x, "styleUrl", "#" + STYLE_ID + rules.indexOf(symbology.ruleFor(f.properties())));
                x.writeStartElement("ExtendedData");
                for (Column c : columns) {
                    x.writeStartElement("Data");
                    x.writeAttribute("name", c.name());
                    if (!c.description().isEmpty()) {
                        element(x, "displayName", c.description());
                    }
                    element(x, "value", c.text(f));
                    x.writeEndElement();
                }
                x.writeEndElement();
                if (f.geometry() != null && !f.geometry().isEmpty()) {
                    geometry(x, f.geometry());
                }
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write KML: " + e.getMessage(), e);
        }
    }

    private static void style(XMLStreamWriter x, String id, Symbology.Symbol symbol) throws XMLStreamException {
        x.writeStartElement("Style");
        x.writeAttribute("id", id);
        x.writeStartElement("IconStyle");
        element(x, "color", colour(symbol.fill() == null ? symbol.stroke() : symbol.fill()));
        x.writeEndElement();
        x.writeStartElement("LineStyle");
        element(x, "color", colour(symbol.stroke()));
        element(x, "width", String.valueOf(symbol.width()));
        x.writeEndElement();
        x.writeStartElement("PolyStyle");
        element(x, "color", colour(symbol.fill()));
        element(x, "fill", symbol.fill() == null ? "0" : "1");
        element(x, "outline", symbol.stroke() == null ? "0" : "1");
        x.writeEndElement();
        x.writeEndElement();
    }

    /** KML's {@code aabbggrr}: alpha first and blue before red, the reverse of the web's order. */
    static String colour(Color c) {
        return c == null ? "00000000"
                : String.format("%02x%02x%02x%02x", c.getAlpha(), c.getBlue(), c.getGreen(), c.getRed());
    }

    private static String name(Feature f) {
        return NAME_PROPERTIES.stream().map(f.properties()::get).filter(v -> v != null && !v.toString().isBlank())
                .map(Object::toString).findFirst().orElse(f.id());
    }

    private static void geometry(XMLStreamWriter x, Geometry g) throws XMLStreamException {
        if (g instanceof Point p) {
            x.writeStartElement("Point");
            element(x, "coordinates", coordinates(p.getCoordinateSequence(), false));
            x.writeEndElement();
        } else if (g instanceof LineString l) {
            x.writeStartElement("LineString");
            element(x, "coordinates", coordinates(l.getCoordinateSequence(), false));
            x.writeEndElement();
        } else if (g instanceof Polygon p) {
            x.writeStartElement("Polygon");
            boundary(x, "outerBoundaryIs", p.getExteriorRing().getCoordinateSequence(), true);
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                boundary(x, "innerBoundaryIs", p.getInteriorRingN(i).getCoordinateSequence(), false);
            }
            x.writeEndElement();
        } else {
            x.writeStartElement("MultiGeometry");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                geometry(x, g.getGeometryN(i));
            }
            x.writeEndElement();
        }
    }

    private static void boundary(XMLStreamWriter x, String kind, CoordinateSequence ring, boolean ccw)
            throws XMLStreamException {
        x.writeStartElement(kind);
        x.writeStartElement("LinearRing");
        element(x, "coordinates", coordinates(ring, Orientation.isCCW(ring) != ccw));
        x.writeEndElement();
        x.writeEndElement();
    }

    /** {@code lon,lat lon,lat …} to 6 decimals (≈ 0.1 m), as GeoJSON; plain notation, as degrees in China are ≥ 1e-3. */
    private static String coordinates(CoordinateSequence seq, boolean reverse) {
        StringBuilder b = new StringBuilder();
        int n = seq.size();
        for (int k = 0; k < n; k++) {
            int i = reverse ? n - 1 - k : k;
            if (k > 0) {
                b.append(' ');
            }
            b.append(Math.round(seq.getX(i) * SCALE) / SCALE).append(',').append(Math.round(seq.getY(i) * SCALE) / SCALE);
        }
        return b.toString();
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        // Control characters are not allowed in XML 1.0 at all, not even escaped.
        x.writeCharacters(text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", ""));
        x.writeEndElement();
    }
}

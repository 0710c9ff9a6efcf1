package org.planmap.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.planmap.crs.CrsRef;
import org.planmap.store.Feature;

/**
 * Reads a KML file (Google Earth, 奥维互动地图, LocaSpace export sites and red lines this way): each Placemark is a
 * feature with its {@code name} and its ExtendedData ({@code Data}/{@code SimpleData}) as text properties, and its
 * Polygon, LineString, Point or MultiGeometry as the geometry. KML is WGS 84 longitude/latitude by definition
 * (OGC 07-147), so the CRS is never asked for. Streamed with StAX twice (a {@link FeaturePass}), so
 * limits are checked as placemarks arrive; DTDs and external entities are refused (a KML never needs them, and
 * they are how an XML upload reads the server's files).
 */
public final class KmlFormatReader implements FormatReader {

    public static final String NOT_KML = "kml-not-xml";
    public static final String INVALID_GEOMETRY = "kml-invalid-geometry";

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XML.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    private final GeometryFactory factory = new GeometryFactory();

    @Override
    public String format() {
        return "kml";
    }

    @Override
    public List<String> extensions() {
        return List.of(".kml");
    }

    @Override
    public FileContents read(Path file, ImportLimits limits) {
        FeaturePass<Void> pass = (sink, counter) -> parse(file, sink, counter);
        FeaturePass.Survey<Void> survey = pass.survey(limits);
        return new FileContents(format(), pass.source(limits), survey.fields(), CrsRef.WGS84,
                List.of("KML 按定义为 WGS 84 经纬度（EPSG:4326） / KML is WGS 84 longitude/latitude by definition (EPSG:4326)"));
    }

    private Void parse(Path file, Consumer<Feature> sink, LimitCounter counter) {
        boolean kml = false;
        int position = 0;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader x = XML.createXMLStreamReader(in);
            try {
                while (x.hasNext()) {
                    if (x.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    kml |= x.getLocalName().equals("kml");
                    if (x.getLocalName().equals("Placemark")) {
                        counter.nextFeature();
                        sink.accept(placemark(x, position++));
                    }
                }
            } finally {
                x.close();
            }
        } catch (XMLStreamException e) {
            String why = e.getMessage().replaceAll("\\s+", " "); // StAX puts the position on a line of its own
            throw new ImportException(NOT_KML, "文件不是有效的 KML（XML）：" + why, "the file is not valid KML (XML): " + why, e);
        } catch (IOException e) {
            throw ImportException.unreadable(NOT_KML, e);
        }
        if (!kml) {
            throw new ImportException(NOT_KML, "文件中没有 <kml> 元素，不是 KML", "the file has no <kml> element; it is not KML");
        }
        return null;
    }

    /** One Placemark, the reader on its start tag; returns with the reader on its end tag. */
    private Feature placemark(XMLStreamReader x, int position) throws XMLStreamException {
        Map<String, Object> properties = new LinkedHashMap<>();
        Deque<List<Geometry>> parts = new ArrayDeque<>(); // one list per open MultiGeometry, innermost first
        parts.push(new ArrayList<>());
        List<LinearRing> rings = null;                    // of the Polygon being read, outer first
        String dataName = null;
        for (int depth = 1; depth > 0;) {
            int event = x.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                switch (x.getLocalName()) {
                    case "MultiGeometry" -> {
                        List<Geometry> members = parts.pop();
                        parts.peek().add(factory.buildGeometry(members));
                    }
                    case "Polygon" -> {
                        parts.peek().add(rings.isEmpty() ? factory.createPolygon()
                                : factory.createPolygon(rings.get(0), rings.subList(1, rings.size()).toArray(LinearRing[]::new)));
                        rings = null;
                    }
                    default -> { }
                }
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            switch (x.getLocalName()) {
                case "name" -> {
                    if (depth == 2) {
                        properties.put("name", x.getElementText().strip());
                        depth--;
                    }
                }
                case "Data" -> dataName = x.getAttributeValue(null, "name");
                case "value" -> {
                    if (dataName != null) {
                        properties.put(dataName, x.getElementText().strip());
                        depth--;
                    }
                }
                case "SimpleData" -> {
                    properties.put(x.getAttributeValue(null, "name"), x.getElementText().strip());
                    depth--;
                }
                case "MultiGeometry" -> parts.push(new ArrayList<>());
                case "Polygon" -> rings = new ArrayList<>();
                case "coordinates" -> {
                    Coordinate[] c = coordinates(x.getElementText(), position);
                    depth--;
                    if (rings != null) {
                        rings.add(ring(c, position));
                    } else if (c.length == 1) {
                        parts.peek().add(factory.createPoint(c[0]));
                    } else {
                        parts.peek().add(factory.createLineString(c));
                    }
                }
                default -> { }
            }
        }
        List<Geometry> geometries = parts.pop();
        Geometry geometry = geometries.isEmpty() ? null : geometries.size() == 1 ? geometries.get(0) : factory.buildGeometry(geometries);
        return new Feature(String.valueOf(position), geometry, properties);
    }

    private LinearRing ring(Coordinate[] c, int position) {
        try {
            return factory.createLinearRing(c);
        } catch (IllegalArgumentException e) {
            throw invalid(position, e.getMessage());
        }
    }

    /** "lon,lat[,alt] lon,lat[,alt] …"; the altitude is dropped (a site is drawn on the ground). */
    private static Coordinate[] coordinates(String text, int position) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw invalid(position, "empty <coordinates>");
        }
        String[] tuples = trimmed.split("\\s+");
        Coordinate[] out = new Coordinate[tuples.length];
        for (int i = 0; i < tuples.length; i++) {
            String[] v = tuples[i].split(",");
            try {
                out[i] = new Coordinate(Double.parseDouble(v[0]), Double.parseDouble(v[1]));
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw invalid(position, "coordinate \"" + tuples[i] + "\" is not lon,lat");
            }
        }
        return out;
    }

    private static ImportException invalid(int position, String why) {
        return ImportException.invalidGeometry(INVALID_GEOMETRY, "第 " + (position + 1) + " 个地标（Placemark）",
                "placemark " + position, why, null);
    }
}

package org.planmap.encode;

import java.io.OutputStream;
import java.util.Iterator;
import java.util.Map;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.planmap.store.Feature;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams features as an RFC 7946 FeatureCollection: lon/lat order (unless asked for y, x), exterior rings counter-clockwise
 * and holes clockwise, coordinates rounded to a fixed number of decimals (6 ≈ 0.1 m) so that output
 * size follows the precision the data really has.
 */
public final class GeoJsonWriter implements AutoCloseable {

    // The mapper (not a bare factory) so that list- and map-valued properties serialise too.
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonGenerator gen;
    private final FixedDecimals numbers;
    private final boolean yFirst;
    private long written;
    /** One position's text, {@code [x,y]}, handed to the generator as one raw value. */
    private final char[] position = new char[2 * FixedDecimals.MAX_FAST_CHARS + 3];

    /**
     * @param foreignMembers top-level members written before "features" (e.g. a name or a legacy
     *                       "crs" object that GDAL honours); may be empty
     */
    public GeoJsonWriter(OutputStream out, int decimals, Map<String, Object> foreignMembers) {
        this(out, decimals, false, foreignMembers);
    }

    /**
     * @param yFirst write each position y, x: the latitude- or northing-first order EPSG declares for
     *               EPSG:4326, 4490 and the Gauss-Krüger zones, which OGC API – Features Part 2 asks for
     *               when such a CRS is requested by URI. RFC 7946 and CRS84 are always x, y.
     */
    public GeoJsonWriter(OutputStream out, int decimals, boolean yFirst, Map<String, Object> foreignMembers) {
        this(out, decimals, yFirst);
        gen.writeStartObject();
        gen.writeStringProperty("type", "FeatureCollection");
        foreignMembers.forEach(gen::writePOJOProperty);
        gen.writeName("features");
        gen.writeStartArray();
    }

    private GeoJsonWriter(OutputStream out, int decimals, boolean yFirst) {
        this.gen = JSON.createGenerator(out, JsonEncoding.UTF8);
        this.numbers = new FixedDecimals(decimals);
        this.yFirst = yFirst;
    }

    /** One feature as a whole document (not in a collection), with {@code foreignMembers} after its geometry. */
    public static void writeFeature(OutputStream out, int decimals, boolean yFirst, Feature f,
            Map<String, Object> foreignMembers) {
        GeoJsonWriter w = new GeoJsonWriter(out, decimals, yFirst);
        w.feature(f, foreignMembers);
        w.gen.close();
    }

    public GeoJsonWriter write(Feature f) {
        written++;
        feature(f, Map.of());
        return this;
    }

    private void feature(Feature f, Map<String, Object> foreignMembers) {
        gen.writeStartObject();
        gen.writeStringProperty("type", "Feature");
        gen.writeStringProperty("id", f.id());
        gen.writeName("properties");
        gen.writeStartObject();
        f.properties().forEach(gen::writePOJOProperty);
        gen.writeEndObject();
        gen.writeName("geometry");
        if (f.geometry() == null) {
            gen.writeNull();
        } else {
            geometry(f.geometry());
        }
        foreignMembers.forEach(gen::writePOJOProperty);
        gen.writeEndObject();
    }

    public GeoJsonWriter writeAll(Iterable<Feature> features) {
        return writeAll(features.iterator());
    }

    /** Writes the features as they are read: a cursor's are never all in memory at once. */
    public GeoJsonWriter writeAll(Iterator<Feature> features) {
        while (features.hasNext()) {
            write(features.next());
        }
        return this;
    }

    /** How many features were written so far. */
    public long written() {
        return written;
    }

    /**
     * Ends the collection with {@code trailingMembers} after "features": what is only known once every feature is
     * written (numberReturned of a streamed answer). Only a complete answer is ended: a writer abandoned after a
     * failure is left open, so the client sees a cut document rather than a complete-looking short one.
     */
    public void finish(Map<String, Object> trailingMembers) {
        gen.writeEndArray();
        trailingMembers.forEach(gen::writePOJOProperty);
        gen.writeEndObject();
        gen.close();
    }

    @Override
    public void close() {
        finish(Map.of());
    }

    private void geometry(Geometry g) {
        gen.writeStartObject();
        gen.writeStringProperty("type", g.getGeometryType());
        if (g instanceof Point p) {
            gen.writeName("coordinates");
            position(p.getCoordinateSequence(), 0);
        } else if (g instanceof LineString l) {
            gen.writeName("coordinates");
            line(l.getCoordinateSequence(), false);
        } else if (g instanceof Polygon p) {
            gen.writeName("coordinates");
            polygon(p);
        } else if (g instanceof MultiPoint || g instanceof MultiLineString || g instanceof MultiPolygon) {
            gen.writeName("coordinates");
            gen.writeStartArray();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                if (part instanceof Point p) {
                    position(p.getCoordinateSequence(), 0);
                } else if (part instanceof LineString l) {
                    line(l.getCoordinateSequence(), false);
                } else {
                    polygon((Polygon) part);
                }
            }
            gen.writeEndArray();
        } else {
            gen.writeName("geometries");
            gen.writeStartArray();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                geometry(g.getGeometryN(i));
            }
            gen.writeEndArray();
        }
        gen.writeEndObject();
    }

    private void polygon(Polygon p) {
        gen.writeStartArray();
        ring(p.getExteriorRing(), true);
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            ring(p.getInteriorRingN(i), false);
        }
        gen.writeEndArray();
    }

    private void ring(LinearRing r, boolean counterClockwise) {
        CoordinateSequence seq = r.getCoordinateSequence();
        boolean reverse = Orientation.isCCW(seq) != counterClockwise;
        line(seq, reverse);
    }

    private void line(CoordinateSequence seq, boolean reverse) {
        gen.writeStartArray();
        int n = seq.size();
        for (int i = 0; i < n; i++) {
            position(seq, reverse ? n - 1 - i : i);
        }
        gen.writeEndArray();
    }

    private void position(CoordinateSequence seq, int i) {
        double first = yFirst ? seq.getY(i) : seq.getX(i);
        double second = yFirst ? seq.getX(i) : seq.getY(i);
        position[0] = '[';
        int end = numbers.write(first, position, 1);
        if (end >= 0) {
            position[end] = ',';
            end = numbers.write(second, position, end + 1);
        }
        if (end >= 0) {
            position[end] = ']';
            gen.writeRawValue(position, 0, end + 1);
        } else {
            gen.writeRawValue("[" + numbers.exact(first) + "," + numbers.exact(second) + "]");
        }
    }
}

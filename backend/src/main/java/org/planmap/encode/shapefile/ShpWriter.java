package org.planmap.encode.shapefile;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.planmap.encode.ExportException;

/**
 * The geometry half of a Shapefile, the .shp and its .shx index, after the ESRI Shapefile Technical
 * Description (July 1998). Written by hand because no library on Maven Central writes Shapefiles without
 * GeoTools; the tests read every file back with GDAL.
 *
 * <p>What the specification demands and readers check: the file code, the file and record lengths in
 * 16-bit words and the record numbers big-endian, everything else little-endian; a bounding box for the
 * file and for each record; polygon rings as parts of one record with outer rings clockwise and holes
 * counter-clockwise (readers tell holes from islands by that alone); a null shape for a feature without
 * geometry. One shape type per file, from the layer's geometry type.
 */
final class ShpWriter implements Closeable {

    /** Shape types of the specification (2D only: planmap's geometries have no Z or M). */
    enum ShapeType {
        NULL(0), POINT(1), POLYLINE(3), POLYGON(5), MULTIPOINT(8);

        final int code;

        ShapeType(int code) {
            this.code = code;
        }

        /** The shape type for an OGC geometry type name (MULTIPOLYGON, LINESTRING, …). */
        static ShapeType of(String geometryType) {
            return switch (geometryType.toUpperCase(Locale.ROOT)) {
                case "POINT" -> POINT;
                case "MULTIPOINT" -> MULTIPOINT;
                case "LINESTRING", "MULTILINESTRING" -> POLYLINE;
                case "POLYGON", "MULTIPOLYGON" -> POLYGON;
                default -> throw new ExportException("shapefile-mixed-geometry",
                        "Shapefile 只能容纳一种几何类型，该图层为 " + geometryType + "；请导出 GeoPackage",
                        "a Shapefile holds one kind of geometry, this layer has " + geometryType + "; export a GeoPackage");
            };
        }
    }

    private static final int FILE_CODE = 9994;
    private static final int VERSION = 1000;
    private static final int HEADER_BYTES = 100;
    private static final int RECORD_HEADER_BYTES = 8;

    private final ShapeType type;
    private final Path shpFile;
    private final Path shxFile;
    private final OutputStream shp;
    private final OutputStream shx;
    private final Envelope extent = new Envelope();
    private final ByteBuffer entry = ByteBuffer.allocate(RECORD_HEADER_BYTES).order(ByteOrder.BIG_ENDIAN);
    private long shpBytes = HEADER_BYTES;
    private int records;

    /**
     * Starts {@code shp} and {@code shx} with room for their headers, which hold the file length and extent and so
     * are written by {@link #finish} once every record is: the records stream to disk, none is kept in memory.
     */
    ShpWriter(ShapeType type, Path shp, Path shx) throws IOException {
        this.type = type;
        this.shpFile = shp;
        this.shxFile = shx;
        this.shp = new BufferedOutputStream(Files.newOutputStream(shp), 1 << 16);
        this.shx = new BufferedOutputStream(Files.newOutputStream(shx), 1 << 14);
        this.shp.write(new byte[HEADER_BYTES]);
        this.shx.write(new byte[HEADER_BYTES]);
    }

    /** Writes the next record (null or empty: a null shape). */
    void add(Geometry g) throws IOException {
        byte[] content = content(g);
        if ((shpBytes + RECORD_HEADER_BYTES + content.length) / 2 > Integer.MAX_VALUE) {
            throw new IOException("a Shapefile cannot exceed 4 GB (its lengths are 32-bit counts of 16-bit words)");
        }
        if (g != null && !g.isEmpty()) {
            extent.expandToInclude(g.getEnvelopeInternal());
        }
        records++;
        entry.clear();
        entry.putInt(records).putInt(content.length / 2);   // record numbers start at 1
        shp.write(entry.array());
        shp.write(content);
        entry.clear();
        entry.putInt((int) (shpBytes / 2)).putInt(content.length / 2);
        shx.write(entry.array());
        shpBytes += RECORD_HEADER_BYTES + content.length;
    }

    /** Closes both files and writes their headers, now that their lengths and the extent are known. */
    void finish() throws IOException {
        close();
        header(shpFile, header(shpBytes, extent));
        header(shxFile, header(HEADER_BYTES + (long) RECORD_HEADER_BYTES * records, extent));
    }

    @Override
    public void close() throws IOException {
        try (shp; shx) {
            shp.flush();
            shx.flush();
        }
    }

    private static void header(Path file, byte[] header) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.write(ByteBuffer.wrap(header), 0);
        }
    }

    private byte[] header(long fileBytes, Envelope extent) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES);
        b.order(ByteOrder.BIG_ENDIAN).putInt(FILE_CODE).putInt(0).putInt(0).putInt(0).putInt(0).putInt(0)
                .putInt((int) (fileBytes / 2));
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(VERSION).putInt(type.code);
        box(b, extent);
        b.putDouble(0).putDouble(0).putDouble(0).putDouble(0);   // Z and M ranges: unused for 2D shapes
        return b.array();
    }

    /** A record's content (shape type onwards), little-endian. */
    private byte[] content(Geometry g) {
        if (g == null || g.isEmpty()) {
            return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(ShapeType.NULL.code).array();
        }
        return switch (type) {
            case POINT -> {
                Point p = (Point) g;
                yield ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putInt(type.code)
                        .putDouble(p.getX()).putDouble(p.getY()).array();
            }
            case MULTIPOINT -> {
                ByteBuffer b = ByteBuffer.allocate(40 + 16 * g.getNumPoints()).order(ByteOrder.LITTLE_ENDIAN);
                b.putInt(type.code);
                box(b, g.getEnvelopeInternal());
                b.putInt(g.getNumPoints());
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    Point p = (Point) g.getGeometryN(i);
                    b.putDouble(p.getX()).putDouble(p.getY());
                }
                yield b.array();
            }
            case POLYLINE, POLYGON -> parts(g);
            case NULL -> throw new IllegalStateException("a layer's shape type is never NULL");
        };
    }

    /** Polylines and polygons: box, part count, point count, part starts, points. */
    private byte[] parts(Geometry g) {
        List<CoordinateSequence> parts = new ArrayList<>();
        List<Boolean> reversed = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (type == ShapeType.POLYLINE && part instanceof LineString l) {
                parts.add(l.getCoordinateSequence());
                reversed.add(false);
            } else if (type == ShapeType.POLYGON && part instanceof Polygon p) {
                CoordinateSequence shell = p.getExteriorRing().getCoordinateSequence();
                parts.add(shell);
                reversed.add(Orientation.isCCW(shell));   // outer rings clockwise
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    CoordinateSequence hole = p.getInteriorRingN(h).getCoordinateSequence();
                    parts.add(hole);
                    reversed.add(!Orientation.isCCW(hole));   // holes counter-clockwise
                }
            } else {
                throw new IllegalArgumentException("a " + type + " Shapefile cannot hold a " + part.getGeometryType());
            }
        }
        int points = parts.stream().mapToInt(CoordinateSequence::size).sum();
        ByteBuffer b = ByteBuffer.allocate(44 + 4 * parts.size() + 16 * points).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(type.code);
        box(b, g.getEnvelopeInternal());
        b.putInt(parts.size()).putInt(points);
        int start = 0;
        for (CoordinateSequence part : parts) {
            b.putInt(start);
            start += part.size();
        }
        for (int i = 0; i < parts.size(); i++) {
            CoordinateSequence s = parts.get(i);
            int n = s.size();
            for (int k = 0; k < n; k++) {
                int j = reversed.get(i) ? n - 1 - k : k;
                b.putDouble(s.getX(j)).putDouble(s.getY(j));
            }
        }
        return b.array();
    }

    private static void box(ByteBuffer b, Envelope e) {
        if (e.isNull()) {
            b.putDouble(0).putDouble(0).putDouble(0).putDouble(0);
        } else {
            b.putDouble(e.getMinX()).putDouble(e.getMinY()).putDouble(e.getMaxX()).putDouble(e.getMaxY());
        }
    }
}

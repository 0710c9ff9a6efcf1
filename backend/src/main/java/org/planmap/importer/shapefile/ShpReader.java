package org.planmap.importer.shapefile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.planmap.importer.ImportException;
import org.planmap.importer.LimitCounter;

/**
 * Reads the geometries of a .shp file (ESRI Shapefile Technical Description, July 1998). GeoTools, which
 * would do this, is not on Maven Central, so it is written here, small and distrustful: every length and count
 * in the file is checked against the bytes that are really there before anything is allocated from it, so a
 * truncated or lying file is refused as such ("truncated .shp at record N") and never exhausts memory.
 *
 * <p>Supported: Null (0), Point (1), PolyLine (3), Polygon (5), MultiPoint (8) and their Z (11, 13, 15, 18) and
 * M (21, 23, 25, 28) variants; Z and M values are skipped (planmap's layers are 2D). MultiPatch (31) is refused.
 * Coordinates come out exactly as stored (x = easting or longitude).
 */
final class ShpReader {

    static final String NOT_SHP = "shapefile-not-shp";
    static final String TRUNCATED = "shapefile-truncated";
    static final String BAD_RECORD = "shapefile-bad-record";
    static final String UNSUPPORTED_SHAPE = "shapefile-unsupported-shape";

    private static final int HEADER = 100;

    private ShpReader() {
    }

    /**
     * Passes the geometries to {@code sink} in record order (null for Null shapes) and returns how many there
     * were; {@code notes} gets what was repaired.
     */
    static int forEach(Path shp, GeometryFactory factory, LimitCounter counter, List<String> notes,
            Consumer<Geometry> sink) {
        try (FileChannel ch = FileChannel.open(shp, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < HEADER) {
                throw new ImportException(NOT_SHP, ".shp 文件不足 100 字节，不是有效的 Shapefile",
                        "the .shp is shorter than its 100-byte header; not a shapefile");
            }
            ByteBuffer h = readFully(ch, 0, HEADER, 0);
            if (h.order(ByteOrder.BIG_ENDIAN).getInt(0) != 9994
                    || h.order(ByteOrder.LITTLE_ENDIAN).getInt(28) != 1000) {
                throw new ImportException(NOT_SHP, ".shp 文件头不是 Shapefile 格式（文件代码应为 9994、版本 1000）",
                        "the .shp header is not a shapefile's (file code 9994, version 1000 expected)");
            }
            long declared = 2L * (h.order(ByteOrder.BIG_ENDIAN).getInt(24) & 0xffffffffL);
            if (declared > size) {
                notes.add(".shp 文件头声明 " + declared + " 字节，实际只有 " + size + " 字节 / the .shp header declares "
                        + declared + " bytes but the file has " + size);
            }
            long end = Math.min(declared, size);
            RingAssembler rings = new RingAssembler(factory, notes);
            long pos = HEADER;
            int record = 0;
            while (pos < end) {
                record++;
                if (pos + 8 > size) {
                    throw truncated(record, "记录头不完整", "incomplete record header");
                }
                ByteBuffer recordHeader = readFully(ch, pos, 8, record).order(ByteOrder.BIG_ENDIAN);
                long contentLength = 2L * (recordHeader.getInt(4) & 0xffffffffL);   // in 16-bit words
                if (contentLength < 4) {
                    throw badRecord(record, "记录长度 " + contentLength + " 字节过短",
                            "record length " + contentLength + " is too short");
                }
                if (pos + 8 + contentLength > size) {
                    long left = size - pos - 8;
                    throw truncated(record, "记录声明 " + contentLength + " 字节，文件中只剩 " + left + " 字节",
                            "the record declares " + contentLength + " bytes, the file has " + left + " left");
                }
                counter.nextFeature();
                sink.accept(readRecord(ch, pos + 8, contentLength, record, factory, counter, rings));
                pos += 8 + contentLength;
            }
            return record;
        } catch (IOException e) {
            throw new ImportException(NOT_SHP, "无法读取 .shp 文件：" + e.getMessage(),
                    "cannot read the .shp: " + e.getMessage(), e);
        }
    }

    private static Geometry readRecord(FileChannel ch, long at, long length, int record, GeometryFactory factory,
            LimitCounter counter, RingAssembler rings) throws IOException {
        ByteBuffer head = readFully(ch, at, (int) Math.min(length, 44), record);
        int type = head.getInt(0);
        int base = type % 10 == 0 && type > 0 ? -1 : type % 10;   // 11 → 1, 23 → 3, 15 → 5, 28 → 8
        if (type == 0) {
            return null;
        }
        if (type == 31 || type < 0 || type > 28 || !(base == 1 || base == 3 || base == 5 || base == 8)) {
            throw new ImportException(UNSUPPORTED_SHAPE,
                    "第 " + record + " 条记录的几何类型 " + type + (type == 31 ? "（MultiPatch）" : "") + " 不受支持",
                    "record " + record + " has shape type " + type + (type == 31 ? " (MultiPatch)" : "")
                            + ", which planmap does not read");
        }
        if (base == 1) {
            need(length, 20, record);
            counter.addVertices(1);
            return factory.createPoint(new Coordinate(head.getDouble(4), head.getDouble(12)));
        }
        need(length, base == 8 ? 40 : 44, record);
        int numParts = base == 8 ? 1 : head.getInt(36);
        int numPoints = head.getInt(base == 8 ? 36 : 40);
        int partsAt = base == 8 ? 40 : 44;
        if (numParts < 1 || numPoints < 0) {
            throw badRecord(record, "部件数 " + numParts + "、点数 " + numPoints + " 无效",
                    numParts + " parts and " + numPoints + " points make no sense");
        }
        // Everything after the x/y block is Z and M (each a 16-byte range plus 8 bytes a point), or nothing.
        long xyEnd = partsAt + (base == 8 ? 0 : 4L * numParts) + 16L * numPoints;
        if (xyEnd > length || length > xyEnd + 2 * (16 + 8L * numPoints)) {
            throw badRecord(record, "记录长度 " + length + " 字节与其 " + numPoints + " 个点不符",
                    "the record length " + length + " does not match its " + numPoints + " points");
        }
        counter.addVertices(numPoints);   // refuses before the coordinates are allocated
        ByteBuffer b = readFully(ch, at, (int) xyEnd, record);
        int[] starts = new int[numParts + 1];
        for (int i = 0; i < numParts && base != 8; i++) {
            starts[i] = b.getInt(partsAt + 4 * i);
            if (starts[i] < 0 || starts[i] > numPoints || (i == 0 ? starts[i] != 0 : starts[i] < starts[i - 1])) {
                throw badRecord(record, "部件起点索引无效", "invalid part start indexes");
            }
        }
        starts[numParts] = numPoints;
        int xyAt = partsAt + (base == 8 ? 0 : 4 * numParts);
        Coordinate[] all = new Coordinate[numPoints];
        for (int i = 0; i < numPoints; i++) {
            all[i] = new Coordinate(b.getDouble(xyAt + 16 * i), b.getDouble(xyAt + 16 * i + 8));
        }
        if (base == 8) {
            return factory.createMultiPointFromCoords(all);
        }
        List<Coordinate[]> parts = new ArrayList<>();
        for (int i = 0; i < numParts; i++) {
            Coordinate[] part = new Coordinate[starts[i + 1] - starts[i]];
            System.arraycopy(all, starts[i], part, 0, part.length);
            parts.add(part);
        }
        return base == 3 ? lines(parts, factory, record) : rings.polygon(parts, record);
    }

    private static Geometry lines(List<Coordinate[]> parts, GeometryFactory factory, int record) {
        List<org.locationtech.jts.geom.LineString> lines = new ArrayList<>();
        for (Coordinate[] part : parts) {
            if (part.length < 2) {
                throw badRecord(record, "线的一个部件少于 2 个点", "a line part has fewer than 2 points");
            }
            lines.add(factory.createLineString(part));
        }
        return lines.size() == 1 ? lines.get(0)
                : factory.createMultiLineString(lines.toArray(org.locationtech.jts.geom.LineString[]::new));
    }

    private static void need(long length, long min, int record) {
        if (length < min) {
            throw badRecord(record, "记录长度 " + length + " 字节不足以容纳其几何", "the record length " + length
                    + " is too short for its shape");
        }
    }

    /** Reads {@code n} bytes at {@code at} (little-endian), or says at which record the file ended. */
    private static ByteBuffer readFully(FileChannel ch, long at, int n, int record) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                throw truncated(record, "文件提前结束", "the file ends early");
            }
        }
        return b.flip();
    }

    static ImportException truncated(int record, String zh, String en) {
        return new ImportException(TRUNCATED, ".shp 文件在第 " + record + " 条记录处被截断（" + zh + "），请重新导出",
                "truncated .shp at record " + record + " (" + en + "); export it again");
    }

    static ImportException badRecord(int record, String zh, String en) {
        return new ImportException(BAD_RECORD, ".shp 文件第 " + record + " 条记录损坏：" + zh,
                "the .shp record " + record + " is damaged: " + en);
    }
}

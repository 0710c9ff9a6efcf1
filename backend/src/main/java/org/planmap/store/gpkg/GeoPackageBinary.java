package org.planmap.store.gpkg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * The GeoPackage geometry blob (OGC 12-128r18, §2.1.3 "GeoPackageBinary"): magic "GP", version 0, a flags
 * byte (bit 0 header byte order, bits 1–3 envelope kind, bit 4 empty, bit 5 extended type), the srs_id, the
 * envelope (0, 32, 48, 48 or 64 bytes), then standard WKB, which JTS reads and writes. Written here rather
 * than through NGA's GeoPackageGeometryData because NGA parses every WKB into geometry objects of its own
 * to compute the envelope JTS already has (writing 500 000 polygons spent most of its time there), and so
 * that every offset read is checked against the blob's length with a clear message. Files written with it
 * are read back by GDAL in the tests.
 */
public final class GeoPackageBinary {

    private static final int[] ENVELOPE_BYTES = {0, 32, 48, 48, 64};
    private static final int LITTLE_ENDIAN = 0x01;
    private static final int XY_ENVELOPE = 1 << 1;
    private static final int EMPTY = 0x10;

    private GeoPackageBinary() {
    }

    /** The header's srs_id and the geometry (null when the blob says it is empty). */
    public record Decoded(int srsId, Geometry geometry) {
    }

    /** A blob with the geometry's xy envelope (none for an empty geometry) and {@code wkb} as the body. */
    public static byte[] encode(int srsId, Geometry geometry, byte[] wkb) {
        boolean empty = geometry.isEmpty();
        ByteBuffer b = ByteBuffer.allocate(8 + (empty ? 0 : 32) + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) (LITTLE_ENDIAN | (empty ? EMPTY : XY_ENVELOPE)));
        b.putInt(srsId);
        if (!empty) {
            Envelope e = geometry.getEnvelopeInternal();
            b.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
        }
        return b.put(wkb).array();
    }

    /** @throws IllegalArgumentException with what is wrong, for the caller to name the row */
    public static Decoded decode(byte[] blob, WKBReader wkb) {
        if (blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            throw new IllegalArgumentException("not a GeoPackage geometry (no 'GP' header)");
        }
        if (blob[2] != 0) {
            throw new IllegalArgumentException("GeoPackage geometry version " + blob[2] + " is not 0 (1.0)");
        }
        int flags = blob[3] & 0xff;
        if ((flags & 0x20) != 0) {
            throw new IllegalArgumentException("extended GeoPackage geometry types are not supported");
        }
        int envelope = (flags >> 1) & 0x07;
        if (envelope >= ENVELOPE_BYTES.length) {
            throw new IllegalArgumentException("invalid envelope indicator " + envelope);
        }
        ByteOrder order = (flags & 0x01) != 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        int srsId = ByteBuffer.wrap(blob, 4, 4).order(order).getInt();
        int wkbAt = 8 + ENVELOPE_BYTES[envelope];
        if ((flags & 0x10) != 0) {
            return new Decoded(srsId, null);   // empty: GDAL still writes a WKB (NaN point), nothing to keep
        }
        if (wkbAt >= blob.length) {
            throw new IllegalArgumentException("the blob ends before its WKB");
        }
        byte[] body = new byte[blob.length - wkbAt];
        System.arraycopy(blob, wkbAt, body, 0, body.length);
        try {
            return new Decoded(srsId, wkb.read(body));
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException("invalid WKB: " + e.getMessage(), e);
        }
    }
}

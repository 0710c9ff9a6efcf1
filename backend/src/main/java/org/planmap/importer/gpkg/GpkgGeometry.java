package org.planmap.importer.gpkg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Decodes a GeoPackage geometry blob (OGC 12-128r18, §2.1.3 "GeoPackageBinary"): magic "GP", version 0, a flags
 * byte (bit 0 header byte order, bits 1–3 envelope kind, bit 4 empty, bit 5 extended type), the srs_id, the
 * envelope (0, 32, 48, 48 or 64 bytes), then standard WKB, which JTS reads. Written here rather than through
 * NGA's GeoPackageGeometryData so that every offset is checked against the blob's length with a clear message.
 */
final class GpkgGeometry {

    private static final int[] ENVELOPE_BYTES = {0, 32, 48, 48, 64};

    private GpkgGeometry() {
    }

    /** The header's srs_id and the geometry (null when the blob says it is empty). */
    record Decoded(int srsId, Geometry geometry) {
    }

    /** @throws IllegalArgumentException with what is wrong, for the caller to name the row */
    static Decoded decode(byte[] blob, WKBReader wkb) {
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

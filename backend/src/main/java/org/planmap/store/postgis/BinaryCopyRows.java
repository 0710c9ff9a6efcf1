package org.planmap.store.postgis;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.planmap.store.Feature;
import org.planmap.store.Field;
import org.planmap.store.JdbcColumns;

/**
 * Rows in PostgreSQL's binary COPY format (the "COPY" page of the PostgreSQL manual, "Binary Format"): a header,
 * then per row the number of columns and each value as its length and the bytes of the type's binary input
 * function, then a trailer. Columns are planmap_id, geom, then the fields, as {@link PostgisRows#insert} names
 * them. The geometry goes as EWKB, the format PostGIS's binary input reads, with the column's SRID in it: the
 * typed column accepts no other.
 */
final class BinaryCopyRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final int EWKB_SRID_FLAG = 0x20000000;
    private static final byte JSONB_VERSION = 1;

    private final DataOutputStream out;
    private final List<Field> fields;
    private final int srid;
    private final WKBWriter wkb = new WKBWriter(2, ByteOrderValues.BIG_ENDIAN);

    /** Writes the header at once. */
    BinaryCopyRows(DataOutputStream out, List<Field> fields, int srid) throws SQLException {
        this.out = out;
        this.fields = fields;
        this.srid = srid;
        try {
            out.write(SIGNATURE);
            out.writeInt(0);   // flags: no OIDs
            out.writeInt(0);   // no header extension
        } catch (IOException e) {
            throw failed(e);
        }
    }

    void write(Feature f) throws SQLException {
        try {
            out.writeShort(2 + fields.size());
            bytes(f.id().getBytes(StandardCharsets.UTF_8));
            bytes(f.geometry() == null ? null : ewkb(f.geometry()));
            for (Field field : fields) {
                value(field, f.properties().get(field.name()));
            }
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** The trailer, and everything still buffered, to the copy. */
    void end() throws SQLException {
        try {
            out.writeShort(-1);
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private void value(Field field, Object v) throws IOException {
        if (v == null) {
            out.writeInt(-1);
            return;
        }
        switch (field.type()) {
            case STRING -> bytes(String.valueOf(v).getBytes(StandardCharsets.UTF_8));
            case INTEGER -> {
                out.writeInt(8);
                out.writeLong(((Number) v).longValue());
            }
            case REAL -> {
                out.writeInt(8);
                out.writeDouble(((Number) v).doubleValue());
            }
            case BOOLEAN -> {
                out.writeInt(1);
                out.writeByte((Boolean) v ? 1 : 0);
            }
            case JSON -> {
                byte[] text = JdbcColumns.json(v).getBytes(StandardCharsets.UTF_8);
                out.writeInt(1 + text.length);
                out.writeByte(JSONB_VERSION);
                out.write(text);
            }
        }
    }

    private void bytes(byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(value.length);
        out.write(value);
    }

    /** Big-endian WKB with the SRID flag set in its type and the SRID after it: EWKB. */
    private byte[] ewkb(Geometry g) {
        byte[] plain = wkb.write(g);
        byte[] out = new byte[plain.length + 4];
        out[0] = plain[0];
        int type = ((plain[1] & 0xff) << 24 | (plain[2] & 0xff) << 16 | (plain[3] & 0xff) << 8 | (plain[4] & 0xff))
                | EWKB_SRID_FLAG;
        putInt(out, 1, type);
        putInt(out, 5, srid);
        System.arraycopy(plain, 5, out, 9, plain.length - 5);
        return out;
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static SQLException failed(IOException e) {
        return e.getCause() instanceof SQLException s ? s : new SQLException("COPY failed: " + e.getMessage(), e);
    }
}

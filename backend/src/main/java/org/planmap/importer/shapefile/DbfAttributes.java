package org.planmap.importer.shapefile;

import com.linuxense.javadbf.DBFException;
import com.linuxense.javadbf.DBFField;
import com.linuxense.javadbf.DBFReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.planmap.importer.ImportException;
import org.planmap.store.Field;

/**
 * The attribute table (.dbf) of a shapefile, read row by row with JavaDBF in the right charset: the one the .cpg
 * names, otherwise UTF-8 if the bytes are valid UTF-8, otherwise GBK (what Chinese ArcGIS and older QGIS write).
 */
final class DbfAttributes implements AutoCloseable {

    static final String BAD_DBF = "shapefile-bad-dbf";
    static final String BAD_CPG = "shapefile-bad-cpg";

    final List<Field> fields = new ArrayList<>();
    private final InputStream in;
    private final DBFReader reader;

    private DbfAttributes(InputStream in, DBFReader reader) {
        this.in = in;
        this.reader = reader;
    }

    /** @param cpg the .cpg file, or null */
    static DbfAttributes open(Path dbf, Path cpg, List<String> notes) throws IOException {
        Charset charset = cpg != null ? fromCpg(Files.readString(cpg, StandardCharsets.ISO_8859_1), notes)
                : guess(dbf, notes);
        InputStream in = new BufferedInputStream(Files.newInputStream(dbf));
        try {
            // Deleted rows are kept: the .shp still holds their shapes, and rows pair with shapes by position.
            DbfAttributes out = new DbfAttributes(in, new DBFReader(in, charset, true));
            // With deleted rows shown, JavaDBF puts their deletion flag first as an extra field: skip it.
            for (int i = 1; i < out.reader.getFieldCount(); i++) {
                DBFField f = out.reader.getField(i);
                out.fields.add(new Field(f.getName(), type(f), null));
            }
            return out;
        } catch (DBFException | ArithmeticException e) {
            in.close();
            throw badDbf(e);
        }
    }

    /** The next row by field name, or null after the last. */
    Map<String, Object> next() {
        try {
            Object[] rec = reader.nextRecord();
            if (rec == null) {
                return null;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                row.put(fields.get(i).name(), value(rec[i + 1], fields.get(i).type()));
            }
            return row;
        } catch (DBFException | ArithmeticException e) {
            throw badDbf(e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static ImportException badDbf(RuntimeException e) {
        return new ImportException(BAD_DBF, ".dbf 属性表无法读取：" + e.getMessage(),
                "cannot read the .dbf attribute table: " + e.getMessage(), e);
    }

    /** N/F with no decimals and at most 18 digits always fits a long; anything wider is REAL. */
    private static Field.Type type(DBFField f) {
        return switch (f.getType()) {
            case NUMERIC, FLOATING_POINT, LONG, AUTOINCREMENT ->
                    f.getDecimalCount() == 0 && f.getLength() <= 18 ? Field.Type.INTEGER : Field.Type.REAL;
            case DOUBLE, CURRENCY -> Field.Type.REAL;
            case LOGICAL -> Field.Type.BOOLEAN;
            default -> Field.Type.STRING;   // C, D (as an ISO date), memo and the rest as text
        };
    }

    private static Object value(Object v, Field.Type type) {
        if (v == null) {
            return null;
        }
        if (v instanceof Date d) {
            // JavaDBF builds the Date at midnight in the default zone; the same zone gives the day back.
            return d.toInstant().atZone(ZoneId.systemDefault()).toLocalDate().toString();
        }
        return switch (type) {
            case INTEGER -> v instanceof Number n ? (Object) new BigDecimal(n.toString()).longValueExact() : v;
            case REAL -> v instanceof Number n ? (Object) n.doubleValue() : v;
            case STRING -> v instanceof String ? v : v.toString();
            default -> v;
        };
    }

    /** "UTF-8", "GBK", "CP936", "936", "65001", "GB2312", "88591" …: what ArcGIS and QGIS write. */
    static Charset fromCpg(String text, List<String> notes) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        String name = switch (t) {
            case "936", "CP936", "GB2312", "GBK", "MS936", "WINDOWS-936" -> "GBK";
            case "65001", "UTF8", "UTF-8" -> "UTF-8";
            case "950", "CP950", "BIG5" -> "Big5";
            case "1252", "CP1252" -> "windows-1252";
            case "54936", "GB18030" -> "GB18030";
            default -> t.matches("8859[_-]?\\d+") ? "ISO-8859-" + t.replaceAll("\\D*8859[_-]?", "") : t;
        };
        try {
            Charset c = Charset.forName(name);
            notes.add(".dbf 编码取自 .cpg：" + c.name() + " / .dbf charset from the .cpg: " + c.name());
            return c;
        } catch (IllegalArgumentException e) {
            throw new ImportException(BAD_CPG, ".cpg 文件中的编码“" + text.trim() + "”无法识别，请写 UTF-8 或 GBK",
                    "the .cpg names an unknown charset '" + text.trim() + "'; write UTF-8 or GBK");
        }
    }

    /** Without a .cpg: UTF-8 if field names and records decode strictly as UTF-8, else GBK. */
    private static Charset guess(Path dbf, List<String> notes) throws IOException {
        boolean utf8 = isStrictUtf8(dbf);
        Charset c = utf8 ? StandardCharsets.UTF_8 : Charset.forName("GBK");
        notes.add(utf8 ? "无 .cpg 文件，.dbf 内容是有效的 UTF-8，按 UTF-8 读取 / no .cpg: the .dbf is valid UTF-8, read as UTF-8"
                : "无 .cpg 文件，.dbf 内容不是有效的 UTF-8，按 GBK 读取 / no .cpg: the .dbf is not valid UTF-8, read as GBK");
        return c;
    }

    private static boolean isStrictUtf8(Path dbf) throws IOException {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(dbf))) {
            byte[] head = in.readNBytes(32);
            if (head.length < 32) {
                return true;   // JavaDBF will say the file is broken
            }
            int headerLength = (head[8] & 0xff) | (head[9] & 0xff) << 8;
            // Field descriptors: 32 bytes each, the name in the first 11; only names are text.
            for (int p = 32; p + 32 <= headerLength; p += 32) {
                byte[] desc = in.readNBytes(32);
                if (desc.length < 32 || desc[0] == 0x0d) {
                    break;
                }
                int len = 0;
                while (len < 11 && desc[len] != 0) {
                    len++;
                }
                try {
                    d.reset().decode(ByteBuffer.wrap(desc, 0, len));
                } catch (CharacterCodingException e) {
                    return false;
                }
            }
            // The records, streamed: numbers and flags are ASCII, so any non-UTF-8 byte is in text.
            try (InputStream rest = Files.newInputStream(dbf)) {
                rest.skipNBytes(Math.min(headerLength, Files.size(dbf)));
                ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
                CharBuffer chars = CharBuffer.allocate(64 * 1024);   // never overflows: one char per byte at most
                d.reset();
                while (true) {
                    int n = rest.read(buf.array(), buf.position(), buf.remaining());
                    boolean eof = n < 0;
                    buf.position(buf.position() + Math.max(n, 0)).flip();
                    if (d.decode(buf, chars, eof).isError()) {
                        return false;   // with eof, a sequence cut off at the end is an error too
                    }
                    if (eof) {
                        return true;
                    }
                    chars.clear();
                    buf.compact();
                }
            }
        }
    }
}

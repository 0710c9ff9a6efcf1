package org.planmap.encode.shapefile;

import com.linuxense.javadbf.DBFAlignment;
import com.linuxense.javadbf.DBFDataType;
import com.linuxense.javadbf.DBFField;
import com.linuxense.javadbf.DBFUtils;
import com.linuxense.javadbf.DBFWriter;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.planmap.encode.Column;
import org.planmap.encode.CsvWriter;
import org.planmap.store.Feature;

/**
 * The attribute half of a Shapefile: one DBF column per {@link Column}, named by {@link DbfFieldNames},
 * encoded by JavaDBF in the chosen charset (which also sets the header's language driver byte, 0x7A for
 * GBK). Types: text and JSON as C, at most 254 bytes and cut at a character boundary ({@link DbfText});
 * integers as N with the width the longest value needs; reals as N with as many decimals as the values
 * carry (at most 8); booleans as L.
 */
final class DbfTable implements Closeable {

    static final int MAX_TEXT_BYTES = 254;
    private static final int MAX_DECIMALS = 8;
    private static final int MAX_NUMBER_WIDTH = 20;
    /** dBase III: the header's record count is a little-endian int at byte 4; the file ends with 0x1A. */
    private static final int RECORD_COUNT_AT = 4;
    private static final int END_OF_DATA = 0x1A;

    /** A column with its DBF name and what its values so far ask of its definition, and what fitting them changed. */
    private static final class Prepared {
        final Column column;
        final String name;
        int intDigits = 1;
        int decimals;
        int width = 1;
        int truncated;
        int replaced;
        DBFField field;

        Prepared(Column column, String name) {
            this.column = column;
            this.name = name;
        }

        /** The DBF definition the values seen ask for: text as wide as the longest, numbers as long and precise. */
        DBFField define() {
            field = switch (column.type()) {
                case BOOLEAN -> new DBFField(name, DBFDataType.LOGICAL);
                case INTEGER, REAL -> {
                    int w = Math.min(MAX_NUMBER_WIDTH, intDigits + (decimals > 0 ? decimals + 1 : 0));
                    yield new DBFField(name, DBFDataType.NUMERIC, w, Math.max(0, Math.min(decimals, w - intDigits - 1)));
                }
                default -> new DBFField(name, DBFDataType.CHARACTER, width);
            };
            return field;
        }
    }

    private final Charset charset;
    private final List<Prepared> columns = new ArrayList<>();
    private final Path valuesFile;
    private final DataOutputStream values;
    private long rows;

    /**
     * A table whose rows are added one by one: the DBF header needs every column's width, known only after the
     * last row, so the fitted values wait in {@code valuesFile} (a scratch file the caller deletes) until
     * {@link #writeDbf}, and no row is kept in memory.
     */
    DbfTable(List<Column> columns, Charset charset, Path valuesFile) throws IOException {
        this.charset = charset;
        List<String> names = DbfFieldNames.assign(columns.stream().map(Column::name).toList(), charset);
        for (int i = 0; i < columns.size(); i++) {
            this.columns.add(new Prepared(columns.get(i), names.get(i)));
        }
        this.valuesFile = valuesFile;
        this.values = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(valuesFile), 1 << 16));
    }

    void add(Feature f) throws IOException {
        rows++;
        for (Prepared p : columns) {
            Column c = p.column;
            switch (c.type()) {
                case BOOLEAN -> values.writeByte(c.value().apply(f) instanceof Boolean b ? (b ? 1 : 2) : 0);
                case INTEGER, REAL -> {
                    BigDecimal v = c.value().apply(f) instanceof Number n && Double.isFinite(n.doubleValue())
                            ? new BigDecimal(n.toString()).stripTrailingZeros() : null;
                    values.writeBoolean(v != null);
                    if (v != null) {
                        p.decimals = Math.max(p.decimals, Math.min(MAX_DECIMALS, Math.max(0, v.scale())));
                        p.intDigits = Math.max(p.intDigits, v.precision() - v.scale() + (v.signum() < 0 ? 1 : 0));
                        values.writeDouble(v.doubleValue());
                    }
                }
                default -> {
                    DbfText t = DbfText.fit(c.text(f), charset, MAX_TEXT_BYTES);
                    values.writeUTF(t.text());
                    p.width = Math.max(p.width, t.bytes());
                    p.truncated += t.truncated() ? 1 : 0;
                    p.replaced += t.replaced();
                }
            }
        }
    }

    /**
     * Writes the .dbf from the values kept so far: JavaDBF's header, then each record encoded by JavaDBF's own
     * field functions ({@link DBFUtils}), all through one buffered stream. JavaDBF's file mode wrote every field
     * of every record with a system call of its own on an unbuffered {@code RandomAccessFile}, and its stream mode
     * keeps every record in memory until it closes; the file is the same bytes either way.
     */
    void writeDbf(Path dbf) throws IOException {
        values.close();
        DBFField[] fields = columns.stream().map(Prepared::define).toArray(DBFField[]::new);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(valuesFile), 1 << 16));
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(dbf), 1 << 16)) {
            out.write(header(fields));
            for (long r = 0; r < rows; r++) {
                out.write(' ');   // not deleted
                for (DBFField field : fields) {
                    out.write(switch (field.getType()) {
                        case LOGICAL -> new byte[] {switch (in.readByte()) {
                            case 1 -> (byte) 'T';
                            case 2 -> (byte) 'F';
                            default -> (byte) '?';
                        }};
                        case NUMERIC -> in.readBoolean()
                                ? DBFUtils.doubleFormating(in.readDouble(), charset, field.getLength(), field.getDecimalCount())
                                : DBFUtils.textPadding("", charset, field.getLength(), DBFAlignment.RIGHT, (byte) ' ');
                        default -> DBFUtils.textPadding(in.readUTF(), charset, field.getLength(), DBFAlignment.LEFT, (byte) ' ');
                    });
                }
            }
            out.write(END_OF_DATA);
        }
    }

    /** The header JavaDBF writes for {@code fields}, with this table's record count (it wrote none). */
    private byte[] header(DBFField[] fields) {
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        DBFWriter w = new DBFWriter(empty, charset);
        w.setFields(fields);
        w.close();
        byte[] header = Arrays.copyOf(empty.toByteArray(), empty.size() - 1);   // without its end-of-data mark
        ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).putInt(RECORD_COUNT_AT, Math.toIntExact(rows));
        return header;
    }

    /** Lets go of the scratch file after a failure (a successful table closed it in {@link #writeDbf}). */
    @Override
    public void close() throws IOException {
        values.close();
    }

    /**
     * The field mapping for people: DBF field, property, description, DBF type, and a note on what fitting
     * the values changed. UTF-8 with a byte-order mark whatever the DBF charset, so Excel opens it.
     */
    void writeMapping(OutputStream out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        csv.row(List.of("DBF字段", "属性", "说明", "DBF类型", "备注"));
        for (Prepared p : columns) {
            DBFField f = p.field;
            String type = switch (f.getType()) {
                case LOGICAL -> "L";
                case NUMERIC -> "N(" + f.getLength() + "," + f.getDecimalCount() + ")";
                default -> "C(" + f.getLength() + ")";
            };
            csv.row(List.of(f.getName(), p.column.name(), p.column.description(), type, note(p)));
        }
        csv.flush();
    }

    private String note(Prepared p) {
        if (p.field.getType() != DBFDataType.CHARACTER) {
            return "";
        }
        List<String> notes = new ArrayList<>();
        notes.add("文本最长 " + MAX_TEXT_BYTES + " 字节（" + charset.name() + "），更长的值在完整字符处截断");
        if (p.truncated > 0) {
            notes.add("本文件中已截断 " + p.truncated + " 个值");
        }
        if (p.replaced > 0) {
            notes.add(charset.name() + " 无法表示的 " + p.replaced + " 个字符已替换为“" + DbfText.REPLACEMENT + "”");
        }
        return String.join("；", notes);
    }
}

package org.planmap.encode.shapefile;

import com.linuxense.javadbf.DBFDataType;
import com.linuxense.javadbf.DBFField;
import com.linuxense.javadbf.DBFWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.planmap.encode.Column;
import org.planmap.encode.CsvWriter;
import org.planmap.store.Feature;

/**
 * The attribute half of a Shapefile: one DBF column per {@link Column}, named by {@link DbfFieldNames},
 * written with JavaDBF in the chosen charset (which also sets the header's language driver byte, 0x7A for
 * GBK). Types: text and JSON as C, at most 254 bytes and cut at a character boundary ({@link DbfText});
 * integers as N with the width the longest value needs; reals as N with as many decimals as the values
 * carry (at most 8); booleans as L.
 */
final class DbfTable {

    static final int MAX_TEXT_BYTES = 254;
    private static final int MAX_DECIMALS = 8;
    private static final int MAX_NUMBER_WIDTH = 20;

    /** A column with its DBF name, definition and values ready to write, and what fitting them changed. */
    private record Prepared(Column column, DBFField field, List<Object> values, int truncated, int replaced) {
    }

    private final Charset charset;
    private final List<Prepared> columns = new ArrayList<>();
    private final int rows;

    DbfTable(List<Column> columns, List<Feature> features, Charset charset) {
        this.charset = charset;
        this.rows = features.size();
        List<String> names = DbfFieldNames.assign(columns.stream().map(Column::name).toList(), charset);
        for (int i = 0; i < columns.size(); i++) {
            this.columns.add(prepare(columns.get(i), names.get(i), features));
        }
    }

    private Prepared prepare(Column c, String name, List<Feature> features) {
        List<Object> values = new ArrayList<>(features.size());
        switch (c.type()) {
            case BOOLEAN -> {
                features.forEach(f -> values.add(c.value().apply(f) instanceof Boolean b ? b : null));
                return new Prepared(c, new DBFField(name, DBFDataType.LOGICAL), values, 0, 0);
            }
            case INTEGER, REAL -> {
                int intDigits = 1;
                int decimals = 0;
                for (Feature f : features) {
                    BigDecimal v = c.value().apply(f) instanceof Number n && Double.isFinite(n.doubleValue())
                            ? new BigDecimal(n.toString()).stripTrailingZeros() : null;
                    values.add(v);
                    if (v != null) {
                        decimals = Math.max(decimals, Math.min(MAX_DECIMALS, Math.max(0, v.scale())));
                        intDigits = Math.max(intDigits, v.precision() - v.scale() + (v.signum() < 0 ? 1 : 0));
                    }
                }
                int width = Math.min(MAX_NUMBER_WIDTH, intDigits + (decimals > 0 ? decimals + 1 : 0));
                decimals = Math.max(0, Math.min(decimals, width - intDigits - 1));
                return new Prepared(c, new DBFField(name, DBFDataType.NUMERIC, width, decimals), values, 0, 0);
            }
            default -> {
                int width = 1;
                int truncated = 0;
                int replaced = 0;
                for (Feature f : features) {
                    DbfText t = DbfText.fit(c.text(f), charset, MAX_TEXT_BYTES);
                    values.add(t.text());
                    width = Math.max(width, t.bytes());
                    truncated += t.truncated() ? 1 : 0;
                    replaced += t.replaced();
                }
                return new Prepared(c, new DBFField(name, DBFDataType.CHARACTER, width), values, truncated, replaced);
            }
        }
    }

    void writeDbf(OutputStream out) {
        DBFWriter w = new DBFWriter(out, charset);
        w.setFields(columns.stream().map(Prepared::field).toArray(DBFField[]::new));
        for (int r = 0; r < rows; r++) {
            Object[] record = new Object[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                Object v = columns.get(c).values().get(r);
                record[c] = v instanceof BigDecimal d ? d.doubleValue() : v;
            }
            w.addRecord(record);
        }
        w.close();
    }

    /**
     * The field mapping for people: DBF field, property, description, DBF type, and a note on what fitting
     * the values changed. UTF-8 with a byte-order mark whatever the DBF charset, so Excel opens it.
     */
    void writeMapping(OutputStream out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        csv.row(List.of("DBF字段", "属性", "说明", "DBF类型", "备注"));
        for (Prepared p : columns) {
            DBFField f = p.field();
            String type = switch (f.getType()) {
                case LOGICAL -> "L";
                case NUMERIC -> "N(" + f.getLength() + "," + f.getDecimalCount() + ")";
                default -> "C(" + f.getLength() + ")";
            };
            csv.row(List.of(f.getName(), p.column().name(), p.column().description(), type, note(p)));
        }
        csv.flush();
    }

    private String note(Prepared p) {
        if (p.field().getType() != DBFDataType.CHARACTER) {
            return "";
        }
        List<String> notes = new ArrayList<>();
        notes.add("文本最长 " + MAX_TEXT_BYTES + " 字节（" + charset.name() + "），更长的值在完整字符处截断");
        if (p.truncated() > 0) {
            notes.add("本文件中已截断 " + p.truncated() + " 个值");
        }
        if (p.replaced() > 0) {
            notes.add(charset.name() + " 无法表示的 " + p.replaced() + " 个字符已替换为“" + DbfText.REPLACEMENT + "”");
        }
        return String.join("；", notes);
    }
}

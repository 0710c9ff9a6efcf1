package org.planmap.encode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * RFC 4180 CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Chinese as GBK and garbles
 * it), CRLF line ends, cells quoted when they hold a comma, a quote or a line break.
 * <p>
 * Formula injection (OWASP "CSV Injection"): a text cell starting with {@code = + - @}, a tab or a carriage return
 * would be run by Excel as a formula ({@code =HYPERLINK(…)}, {@code +cmd|' /C calc'!A0}); it is written with a
 * leading {@code '} and quoted, which Excel shows as the text it is. A plain number ({@code -12.5}, {@code 1e-3})
 * is no formula and stays a number. Every CSV planmap writes (exports, the ledger, the Shapefile's field table)
 * goes through here.
 */
public final class CsvWriter {

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private final Writer w;

    public CsvWriter(OutputStream out) throws IOException {
        this.w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
    }

    public CsvWriter row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            String c = neutralised(cells.get(i) == null ? "" : cells.get(i));
            boolean quote = c.startsWith("'") || c.contains(",") || c.contains("\"") || c.contains("\n")
                    || c.contains("\r");
            w.write(quote ? '"' + c.replace("\"", "\"\"") + '"' : c);
        }
        w.write("\r\n");
        return this;
    }

    static String neutralised(String cell) {
        if (cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0 || NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return "'" + cell;
    }

    /** Flushes without closing {@code out}, which may be a zip entry or a response the caller still owns. */
    public void flush() throws IOException {
        w.flush();
    }
}

package org.planmap.encode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Chinese as GBK and garbles
 * it), CRLF line ends, cells quoted when they hold a comma, a quote or a line break.
 */
public final class CsvWriter {

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
            String c = cells.get(i) == null ? "" : cells.get(i);
            boolean quote = c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r");
            w.write(quote ? '"' + c.replace("\"", "\"\"") + '"' : c);
        }
        w.write("\r\n");
        return this;
    }

    /** Flushes without closing {@code out}, which may be a zip entry or a response the caller still owns. */
    public void flush() throws IOException {
        w.flush();
    }
}

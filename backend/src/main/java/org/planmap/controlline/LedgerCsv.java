package org.planmap.controlline;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Chinese as GBK and
 * garbles it), Chinese column names, RFC 4180 quoting.
 */
public final class LedgerCsv {

    private LedgerCsv() {
    }

    public static void write(List<ControlLineLedger.Row> rows, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        List<String> header = new ArrayList<>(List.of("代码", "名称", "面积（公顷）"));
        for (ControlLine line : ControlLine.values()) {
            header.addAll(List.of(line.nameZh() + "（公顷）", line.nameZh() + "（亩）", line.nameZh() + "占比（%）"));
        }
        for (ControlLineLedger.Conflict c : ControlLineLedger.Conflict.values()) {
            header.addAll(List.of(c.nameZh() + "（公顷）", c.nameZh() + "（亩）"));
        }
        line(w, header);
        for (ControlLineLedger.Row r : rows) {
            List<String> cells = new ArrayList<>(List.of(r.code(), r.name(), number(r.unitAreaHa())));
            for (ControlLine line : ControlLine.values()) {
                ControlLineLedger.Area a = r.lines().get(line.layerId());
                cells.addAll(List.of(number(a.ha()), number(a.mu()), number(a.sharePercent())));
            }
            for (ControlLineLedger.Conflict c : ControlLineLedger.Conflict.values()) {
                ControlLineLedger.Area a = r.conflicts().get(c.code());
                cells.addAll(List.of(number(a.ha()), number(a.mu())));
            }
            line(w, cells);
        }
        w.flush();
    }

    private static String number(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static void line(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            String c = cells.get(i);
            boolean quote = c.contains(",") || c.contains("\"") || c.contains("\n");
            w.write(quote ? '"' + c.replace("\"", "\"\"") + '"' : c);
        }
        w.write("\r\n");
    }
}

package org.planmap.controlline;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.planmap.encode.CsvWriter;

/**
 * The ledger as CSV for Excel ({@link CsvWriter}: UTF-8 with a byte-order mark, RFC 4180 quoting), with
 * Chinese column names.
 */
public final class LedgerCsv {

    private LedgerCsv() {
    }

    public static void write(List<ControlLineLedger.Row> rows, OutputStream out) throws IOException {
        CsvWriter w = new CsvWriter(out);
        List<String> header = new ArrayList<>(List.of("代码", "名称", "面积（公顷）"));
        for (ControlLine line : ControlLine.values()) {
            header.addAll(List.of(line.nameZh() + "（公顷）", line.nameZh() + "（亩）", line.nameZh() + "占比（%）"));
        }
        for (ControlLineLedger.Conflict c : ControlLineLedger.Conflict.values()) {
            header.addAll(List.of(c.nameZh() + "（公顷）", c.nameZh() + "（亩）"));
        }
        w.row(header);
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
            w.row(cells);
        }
        w.flush();
    }

    private static String number(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}

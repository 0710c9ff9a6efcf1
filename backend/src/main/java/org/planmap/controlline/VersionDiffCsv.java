package org.planmap.controlline;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.planmap.encode.CsvWriter;

/** A diff of two versions per county as CSV for Excel ({@link CsvWriter}: UTF-8 with a BOM), Chinese column names. */
public final class VersionDiffCsv {

    private VersionDiffCsv() {
    }

    public static void write(VersionDiff.Result diff, OutputStream out) throws IOException {
        CsvWriter w = new CsvWriter(out);
        String a = "版本" + diff.a();
        String b = "版本" + diff.b();
        w.row(List.of("区划代码", "县（市、区）", a + "面积（公顷）", b + "面积（公顷）", "变化（公顷）", "变化（亩）"));
        for (VersionDiff.CountyChange c : diff.counties()) {
            w.row(cells(c));
        }
        w.row(cells(diff.total()));
        w.flush();
    }

    private static List<String> cells(VersionDiff.CountyChange c) {
        return List.of(c.adcode() == null ? "" : c.adcode(), c.name(), number(c.aHa()), number(c.bHa()),
                number(c.changeHa()), number(c.changeMu()));
    }

    private static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}

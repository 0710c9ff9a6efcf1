package org.planmap.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a plan CSV whose header must be exactly the expected columns, so a renamed column fails loudly. */
final class CsvTable {

    private CsvTable() {
    }

    static List<CsvRow> read(String file, String text, List<String> columns) {
        List<List<String>> records = Csv.parse(text);
        if (records.isEmpty() || !records.get(0).equals(columns)) {
            throw new IllegalArgumentException(file + ": header must be " + columns
                    + " but is " + (records.isEmpty() ? "missing" : records.get(0)));
        }
        List<CsvRow> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            if (record.size() != columns.size()) {
                throw new IllegalArgumentException(file + " record " + (r + 1) + ": " + record.size()
                        + " fields, expected " + columns.size());
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                cells.put(columns.get(c), record.get(c));
            }
            rows.add(new CsvRow(file, r + 1, cells));
        }
        return rows;
    }
}

package org.planmap.controlline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger's county totals as kept in the store between starts: a first line naming the input layers' versions
 * they were computed from, then one tab-separated line per county. Areas are written as Java writes doubles, so a
 * ledger read back equals the one computed to the last bit.
 */
final class KeptLedger {

    /** The key the totals are kept under ({@code FeatureStore.derived}). */
    static final String KEY = "control-line-ledger";

    private KeptLedger() {
    }

    static String text(String inputs, List<ControlLineLedger.CountyTotals> counties) {
        StringBuilder out = new StringBuilder(inputs).append('\n');
        for (ControlLineLedger.CountyTotals c : counties) {
            out.append(c.adcode()).append('\t').append(c.name()).append('\t').append(c.cityAdcode()).append('\t')
                    .append(c.cityName()).append('\t').append(c.unitM2());
            for (ControlLine line : ControlLine.values()) {
                out.append('\t').append(c.lineM2().get(line));
            }
            for (ControlLineLedger.Conflict conflict : ControlLineLedger.Conflict.values()) {
                out.append('\t').append(c.conflictM2().get(conflict));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The totals in {@code text} if they were computed from {@code inputs}; empty if from others (or unreadable). */
    static Optional<List<ControlLineLedger.CountyTotals>> read(String text, String inputs) {
        String[] lines = text.split("\n");
        if (!lines[0].equals(inputs)) {
            return Optional.empty();
        }
        int areas = ControlLine.values().length + ControlLineLedger.Conflict.values().length;
        List<ControlLineLedger.CountyTotals> counties = new ArrayList<>();
        try {
            for (int i = 1; i < lines.length; i++) {
                String[] v = lines[i].split("\t", -1);
                if (v.length != 5 + areas) {
                    return Optional.empty();
                }
                Map<ControlLine, Double> lineM2 = new EnumMap<>(ControlLine.class);
                int at = 5;
                for (ControlLine line : ControlLine.values()) {
                    lineM2.put(line, Double.parseDouble(v[at++]));
                }
                Map<ControlLineLedger.Conflict, Double> conflictM2 = new EnumMap<>(ControlLineLedger.Conflict.class);
                for (ControlLineLedger.Conflict conflict : ControlLineLedger.Conflict.values()) {
                    conflictM2.put(conflict, Double.parseDouble(v[at++]));
                }
                counties.add(new ControlLineLedger.CountyTotals(v[0], v[1], v[2], v[3], Double.parseDouble(v[4]),
                        lineM2, conflictM2));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(counties);
    }
}

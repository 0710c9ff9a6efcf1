package org.planmap.plan;

import java.util.List;

/**
 * An explicit fix of a place name misspelt in the seed. Names are otherwise matched exactly: a correction
 * is a reviewed decision with a reason, and the adcode pins the unit it means.
 */
public record NameCorrection(String seedName, String correctedName, String adcode, String reason, SourceRef source) {

    static final List<String> COLUMNS = List.of(
            "seed_name", "corrected_name", "adcode", "reason", "source_document", "source_section");

    static NameCorrection fromRow(CsvRow row) {
        return new NameCorrection(row.required("seed_name"), row.required("corrected_name"),
                row.required("adcode"), row.required("reason"), row.source());
    }
}

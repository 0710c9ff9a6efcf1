package org.planmap.plan;

import java.util.List;

/**
 * A regional town group (区域性城镇群 / 城镇组群) or the 太原榆次太谷 city core: the county-level units
 * that develop as one ("core") and those they are to pull along ("radiated"), with full official names.
 * {@code seedTerms} are the short forms the seed writes, kept to show how each full name was read.
 */
public record TownGroup(String id, String name, String pattern, List<String> core, List<String> radiated,
                        List<String> seedTerms, String note, SourceRef source, String sourceQuote) {

    static final List<String> COLUMNS = List.of("id", "name", "pattern", "core", "radiated", "seed_terms",
            "note", "source_document", "source_section", "source_quote");

    public TownGroup {
        core = List.copyOf(core);
        radiated = List.copyOf(radiated);
        seedTerms = List.copyOf(seedTerms);
    }

    static TownGroup fromRow(CsvRow row) {
        return new TownGroup(row.required("id"), row.required("name"), row.get("pattern"), row.list("core"),
                row.list("radiated"), row.list("seed_terms"), row.get("note"), row.source(),
                row.required("source_quote"));
    }
}

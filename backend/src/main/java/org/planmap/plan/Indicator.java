package org.planmap.plan;

import java.util.List;

/**
 * One row of 专栏1 (新型城镇化主要指标). Values stay text because the seed mixes numbers with "—" (no
 * baseline), "≥8" and "有效保障".
 */
public record Indicator(int no, String name, String value2020, String value2025, String attribute, SourceRef source) {

    static final List<String> COLUMNS = List.of(
            "no", "name", "value_2020", "value_2025", "attribute", "source_document", "source_section");

    /** 预期性 (expected) or 约束性 (binding): the two indicator kinds of Chinese five-year plans. */
    static final List<String> ATTRIBUTES = List.of("预期性", "约束性");

    static Indicator fromRow(CsvRow row) {
        String attribute = row.required("attribute");
        if (!ATTRIBUTES.contains(attribute)) {
            throw row.error("attribute must be one of " + ATTRIBUTES + ": " + attribute);
        }
        return new Indicator(row.integer("no"), row.required("name"), row.required("value_2020"),
                row.required("value_2025"), attribute, row.source());
    }
}

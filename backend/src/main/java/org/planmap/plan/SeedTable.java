package org.planmap.plan;

import java.util.List;

/**
 * A 专栏 (boxed table) of a seed as cells, whitespace-normalised by {@link SeedDocument#normaliseSpaces}.
 * {@code rows} start with the table's column labels where it has them: the seed puts the 专栏 title in
 * the markdown header row, so the labels are the first data row.
 */
public record SeedTable(String title, List<List<String>> rows, SeedHeading heading) {

    public SeedTable {
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** "第四章第六节 专栏3 2025年城镇规模结构预测": the form used in the source_section column for tables. */
    public String sourceSection() {
        return heading.number() + " " + title;
    }
}

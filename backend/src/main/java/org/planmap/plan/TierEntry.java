package org.planmap.plan;

import java.util.List;

/**
 * One row of 专栏3 (2025年城镇规模结构预测): a tier and the places the plan puts in it, names exactly as
 * the seed writes them (including its typo 孟县, fixed only by {@link NameCorrection}).
 */
public record TierEntry(CityTier tier, String population, int count, List<String> members, SourceRef source) {

    static final List<String> COLUMNS =
            List.of("tier", "population", "count", "members", "source_document", "source_section");

    public TierEntry {
        members = List.copyOf(members);
    }

    static TierEntry fromRow(CsvRow row) {
        CityTier tier = CityTier.fromLabel(row.required("tier"));
        String population = row.required("population");
        // The band is fixed by the tier; a mismatch means the row and the enum disagree about the seed.
        if (!population.equals(tier.populationBand())) {
            throw row.error("population " + population + " does not match "
                    + tier.label() + " " + tier.populationBand());
        }
        return new TierEntry(tier, population, row.integer("count"), row.list("members"), row.source());
    }
}

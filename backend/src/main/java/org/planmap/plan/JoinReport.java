package org.planmap.plan;

import java.util.List;
import org.planmap.boundary.AdminUnit;

/**
 * What the 专栏3 join did with every name and unit, so that nothing is dropped silently.
 *
 * @param matched    seed names found exactly (cities and county-level units)
 * @param corrected  seed names found through name-corrections.csv
 * @param inherited  districts that took their prefecture city's tier
 * @param unmatched  seed names resolving to no place or to several; must be empty
 * @param duplicated names resolving to a place that already had a tier from another entry; must be empty
 * @param untiered   units left without any tier; must be empty for a complete plan
 */
public record JoinReport(List<NameMatch> matched, List<NameMatch> corrected, List<CountyTier> inherited,
                         List<UnmatchedName> unmatched, List<NameMatch> duplicated, List<AdminUnit> untiered) {

    public JoinReport {
        matched = List.copyOf(matched);
        corrected = List.copyOf(corrected);
        inherited = List.copyOf(inherited);
        unmatched = List.copyOf(unmatched);
        duplicated = List.copyOf(duplicated);
        untiered = List.copyOf(untiered);
    }

    /** True when every seed name found one place once and every unit has a tier. */
    public boolean complete() {
        return unmatched.isEmpty() && duplicated.isEmpty() && untiered.isEmpty();
    }
}

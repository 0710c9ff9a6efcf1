package org.planmap.plan;

import org.planmap.boundary.AdminUnit;

/**
 * The 2025 city-size tier of one county-level unit. {@code seedName} is the 专栏3 entry the tier comes
 * from: the unit's own name, the misspelling that was corrected (孟县 for 盂县), or for an inherited tier
 * the prefecture city (晋中市 for 榆次区). {@code tierSource} cites the table.
 */
public record CountyTier(AdminUnit unit, CityTier tier, TierBasis basis, String seedName, String tierSource) {
}

package org.planmap.plan;

import java.util.List;

/** The tier of each county-level unit that got one, in boundary order, and the report of the join. */
public record TierJoinResult(List<CountyTier> countyTiers, JoinReport report) {

    public TierJoinResult {
        countyTiers = List.copyOf(countyTiers);
    }
}

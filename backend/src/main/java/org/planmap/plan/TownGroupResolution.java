package org.planmap.plan;

import java.util.List;

/** The resolved town groups and every member name that did not resolve to exactly one unit. */
public record TownGroupResolution(List<ResolvedTownGroup> groups, List<UnmatchedName> unmatched) {

    public TownGroupResolution {
        groups = List.copyOf(groups);
        unmatched = List.copyOf(unmatched);
    }
}

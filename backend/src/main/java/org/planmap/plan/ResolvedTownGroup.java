package org.planmap.plan;

import java.util.List;
import org.planmap.boundary.AdminUnit;

/** A town group with its core and radiated names tied to county-level units, in the table's order. */
public record ResolvedTownGroup(TownGroup group, List<AdminUnit> core, List<AdminUnit> radiated) {

    public ResolvedTownGroup {
        core = List.copyOf(core);
        radiated = List.copyOf(radiated);
    }
}

package org.planmap.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.planmap.boundary.AdminUnit;

/**
 * Ties the member names of town groups to county-level units by exact name. A group with an unresolved
 * member is still returned with the members that did resolve, and the failure is reported, so a map can
 * show what is known while the report says what is missing.
 */
public final class TownGroups {

    private final PlaceNames names;

    public TownGroups(PlaceNames names) {
        this.names = names;
    }

    /**
     * The groups with their members as the units in force with the same codes: the names are the plan's (the
     * {@link PlaceNames} this was made with), the units those of the boundaries in force, which may name them otherwise.
     */
    public TownGroupResolution resolve(List<TownGroup> groups, List<AdminUnit> inForce) {
        Map<String, AdminUnit> byAdcode = new HashMap<>();
        inForce.forEach(u -> byAdcode.put(u.adcode(), u));
        TownGroupResolution byPlanName = resolve(groups);
        return new TownGroupResolution(byPlanName.groups().stream().map(g -> new ResolvedTownGroup(g.group(),
                inForce(g.core(), byAdcode), inForce(g.radiated(), byAdcode))).toList(), byPlanName.unmatched());
    }

    private static List<AdminUnit> inForce(List<AdminUnit> planUnits, Map<String, AdminUnit> byAdcode) {
        return planUnits.stream().map(u -> byAdcode.getOrDefault(u.adcode(), u)).toList();
    }

    public TownGroupResolution resolve(List<TownGroup> groups) {
        List<ResolvedTownGroup> resolved = new ArrayList<>();
        List<UnmatchedName> unmatched = new ArrayList<>();
        for (TownGroup group : groups) {
            resolved.add(new ResolvedTownGroup(group,
                    units(group.core(), group.id() + " core", unmatched),
                    units(group.radiated(), group.id() + " radiated", unmatched)));
        }
        return new TownGroupResolution(resolved, unmatched);
    }

    private List<AdminUnit> units(List<String> memberNames, String context, List<UnmatchedName> unmatched) {
        List<AdminUnit> units = new ArrayList<>();
        for (String name : memberNames) {
            List<AdminUnit> found = names.unitsNamed(name);
            if (found.size() == 1) {
                units.add(found.get(0));
            } else {
                unmatched.add(UnmatchedName.of(name, context, found.stream().map(AdminUnit::adcode).toList()));
            }
        }
        return units;
    }
}

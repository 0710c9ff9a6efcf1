package org.planmap.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything a county-level unit's card shows, in one document: where the unit is, its 专栏3 tier and how
 * that tier was obtained with its source, the town groups and 一群两区三圈 areas it belongs to, its city's
 * 专栏2 target, the passages of the plan that mention it, and for 吕梁市's units that city's 2021 tasks.
 * {@code planName} is the plan's (DataV) name of a unit the boundaries in force name otherwise, else null;
 * {@code boundarySource} where the boundary and area come from (DataV, or the official file, its version and day).
 */
public record CountyCard(String adcode, String name, String planName, String kind, PlaceRef city, double areaKm2,
                         Tier tier, List<GroupMembership> townGroups, List<PlaceRef> regions, List<Target> cityTargets,
                         PassageSummary passages, List<Task> luliangTasks, String boundarySource) {

    public CountyCard {
        townGroups = List.copyOf(townGroups);
        regions = List.copyOf(regions);
        cityTargets = List.copyOf(cityTargets);
        luliangTasks = List.copyOf(luliangTasks);
    }

    /** A place the card links to, with its kind as the plan names it: 地级市, or a region's 城市群, 城镇圈…. */
    public record PlaceRef(String id, String name, String kind) {
    }

    /**
     * The 2025 tier: {@code seedName} is how 专栏3 writes the entry the tier comes from (孟县 for 盂县, 晋中市
     * for 榆次区); {@code basisText} says in words why the unit has this tier.
     */
    public record Tier(CityTier label, String band, TierBasis basis, String basisText, String seedName,
                       Citation source) {
    }

    /** Membership of a town group: {@code role} "core" (核心) or "radiated" (辐射带动). */
    public record GroupMembership(String id, String name, String pattern, String role, String roleText) {
    }

    /** A row of 专栏2 for the unit's city. */
    public record Target(String city, BigDecimal urbanizationRate2025, String direction, Citation source) {
    }

    /** How many passages mention the unit, and the first few as excerpts. */
    public record PassageSummary(int count, List<Excerpt> first) {

        public PassageSummary {
            first = List.copyOf(first);
        }
    }

    /**
     * Part of a passage around its first mention of the unit; {@code marks} are the mentions as offsets into
     * {@code text}, {@code start} is the passage's offset in its document (where a reader opens it). A table's
     * text keeps its rows on lines of their own, cells separated by " | ".
     */
    public record Excerpt(Citation source, int start, SeedPassage.Kind kind, String text, List<Mark> marks) {

        public Excerpt {
            marks = List.copyOf(marks);
        }
    }

    public record Mark(int start, int end) {
    }

    /** One of 吕梁市's 2021 key tasks, with the clauses that state quantities and who is responsible. */
    public record Task(int number, String label, String title, List<String> targets, List<String> departments,
                       Citation source, int start) {

        public Task {
            targets = List.copyOf(targets);
            departments = List.copyOf(departments);
        }
    }
}

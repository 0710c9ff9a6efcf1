package org.planmap.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A county-level unit as planners look it up: where it is, its 2025 city-size tier, and how that tier
 * was obtained ({@code tierBasis}: named in 专栏3, named there under a corrected spelling, or inherited
 * from the prefecture city's entry; {@code tierSeedName} is the entry as the seed writes it). {@code planName} is
 * the name the plan was written with (DataV) when the boundaries in force name the unit otherwise, else null.
 */
public record County(String adcode, String name, String kind, String cityAdcode, String cityName,
        CityTier tier, String tierPopulation, TierBasis tierBasis, String tierSeedName, String tierSource,
        double areaKm2, String planName) {

    /** The basis in words ("专栏3 直接列名"), so that lists show it without a copy of the wording. */
    @JsonProperty
    public String tierBasisLabel() {
        return tierBasis.label();
    }

    /**
     * A unit's name as lists of the plan's places show it: the name in force, followed, when the plan (written with
     * the DataV names) calls the unit otherwise, by that name in both languages: 离石新区（规划称离石区 / plan: 离石区）.
     */
    public static String shownName(String name, String planName) {
        return planName == null || planName.equals(name) ? name
                : name + "（规划称" + planName + " / plan: " + planName + "）";
    }
}

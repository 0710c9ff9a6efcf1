package org.planmap.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A county-level unit as planners look it up: where it is, its 2025 city-size tier, and how that tier
 * was obtained ({@code tierBasis}: named in 专栏3, named there under a corrected spelling, or inherited
 * from the prefecture city's entry; {@code tierSeedName} is the entry as the seed writes it).
 */
public record County(String adcode, String name, String kind, String cityAdcode, String cityName,
        CityTier tier, String tierPopulation, TierBasis tierBasis, String tierSeedName, String tierSource,
        double areaKm2) {

    /** The basis in words ("专栏3 直接列名"), so that lists show it without a copy of the wording. */
    @JsonProperty
    public String tierBasisLabel() {
        return tierBasis.label();
    }
}

package org.planmap.plan;

/**
 * A seed name that resolved to exactly one place: {@code resolvedName} differs from {@code seedName}
 * only when a {@link NameCorrection} was applied.
 */
public record NameMatch(String seedName, String resolvedName, String adcode, CityTier tier) {
}

package org.planmap.boundary;

import java.util.List;
import org.planmap.store.Feature;

/**
 * Shanxi's boundaries in EPSG:4326: the 117 county-level units (the clean coverage everything else
 * is derived from), the 11 prefecture cities and the province as unions of them, and the
 * neighbouring provinces as background.
 *
 * <p>County and city features carry {@code adcode}, {@code name}, {@code areaKm2}; counties also
 * {@code kind}, {@code cityAdcode}, {@code cityName}.
 */
public record BoundarySet(List<Feature> counties, List<Feature> cities, Feature province, List<Feature> neighbours) {

    public static final String CRS = "EPSG:4326";

    public List<AdminUnit> units() {
        return counties.stream()
                .map(f -> AdminUnit.of(text(f, "adcode"), text(f, "name"), text(f, "cityAdcode"), text(f, "cityName")))
                .toList();
    }

    static String text(Feature f, String property) {
        return String.valueOf(f.properties().get(property));
    }
}

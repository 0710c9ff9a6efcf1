package org.planmap.boundary;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.planmap.crs.Ellipsoid;
import org.planmap.store.Feature;

/**
 * The checks a boundary set must pass, run by the import (which refuses to write a set that fails)
 * and by the tests on the committed files. Each problem is one readable sentence.
 */
public final class BoundaryValidation {

    /** Narrow gaps up to this width (≈ 45–55 m in Shanxi) count as coverage errors. */
    public static final double GAP_WIDTH_DEG = 0.0005;
    /** A derived outline may differ from the union it is checked against by this much (rounding only). */
    public static final double UNION_TOLERANCE_M2 = 1.0;

    static final int CITIES = 11;
    static final Map<UnitKind, Integer> UNITS_BY_KIND = Map.of(UnitKind.DISTRICT, 26, UnitKind.COUNTY_CITY, 11,
            UnitKind.COUNTY, 80);

    private BoundaryValidation() {
    }

    public static List<String> problems(BoundarySet set) {
        List<String> problems = new ArrayList<>();
        if (set.cities().size() != CITIES) {
            problems.add("expected " + CITIES + " cities, found " + set.cities().size());
        }
        Map<UnitKind, Long> kinds = set.units().stream()
                .collect(Collectors.groupingBy(AdminUnit::kind, Collectors.counting()));
        UNITS_BY_KIND.forEach((kind, expected) -> {
            long found = kinds.getOrDefault(kind, 0L);
            if (found != expected) {
                problems.add("expected " + expected + " " + kind.label() + ", found " + found);
            }
        });
        Set<String> codes = new HashSet<>();
        for (Feature f : set.counties()) {
            if (!codes.add(f.id())) {
                problems.add("duplicate adcode " + f.id());
            }
        }
        List<Feature> all = new ArrayList<>(set.counties());
        all.addAll(set.cities());
        all.add(set.province());
        for (Feature f : all) {
            if (f.geometry() == null || f.geometry().isEmpty() || f.geometry().getDimension() != 2) {
                problems.add(f.id() + " has no polygonal geometry");
            } else if (!f.geometry().isValid()) {
                problems.add(f.id() + " " + f.properties().get("name") + " has an invalid geometry");
            }
        }
        Geometry[] counties = set.counties().stream().map(Feature::geometry).toArray(Geometry[]::new);
        Geometry[] coverageErrors = CoverageValidator.validate(counties, GAP_WIDTH_DEG);
        for (int i = 0; i < coverageErrors.length; i++) {
            if (coverageErrors[i] != null) {
                problems.add(set.counties().get(i).id() + " breaks the county coverage (overlap or gap narrower than "
                        + GAP_WIDTH_DEG + "°) at " + coverageErrors[i].getCentroid());
            }
        }
        Map<Object, List<Feature>> byCity = set.counties().stream()
                .collect(Collectors.groupingBy(f -> f.properties().get("cityAdcode")));
        Map<String, Feature> cities = set.cities().stream().collect(Collectors.toMap(Feature::id, Function.identity()));
        byCity.forEach((city, members) -> {
            if (!cities.containsKey(String.valueOf(city))) {
                problems.add("counties refer to unknown city " + city);
            }
        });
        for (Feature city : set.cities()) {
            checkUnion(city, byCity.getOrDefault(city.id(), List.of()), problems);
        }
        checkUnion(set.province(), set.counties(), problems);
        return problems;
    }

    private static void checkUnion(Feature whole, List<Feature> parts, List<String> problems) {
        if (parts.isEmpty()) {
            problems.add(whole.id() + " " + whole.properties().get("name") + " has no counties");
            return;
        }
        // A robust overlay union, not CoverageUnion: the parts may be exactly the broken coverage being checked.
        Geometry union = OverlayNGRobust.union(parts.stream().map(Feature::geometry).toList());
        double diff = Ellipsoid.area(OverlayNGRobust.overlay(whole.geometry(), union, OverlayNG.SYMDIFFERENCE));
        if (diff > UNION_TOLERANCE_M2) {
            problems.add(whole.id() + " " + whole.properties().get("name") + " differs from the union of its "
                    + parts.size() + " counties by " + Math.round(diff) + " m²");
        }
    }
}

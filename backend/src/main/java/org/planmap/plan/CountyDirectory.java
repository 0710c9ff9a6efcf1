package org.planmap.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.planmap.boundary.AdminUnit;
import org.planmap.boundary.BoundarySet;
import org.planmap.store.Feature;

/**
 * The 117 county-level units with their tiers, built once from the boundaries and the plan tables.
 * Refuses to exist when the 专栏3 join is incomplete: a map with a silently missing tier is worse
 * than no map.
 */
public final class CountyDirectory {

    private final List<County> counties;
    private final Map<String, County> byAdcode;
    private final JoinReport report;

    public CountyDirectory(BoundarySet boundaries, PlanTables tables) {
        this(boundaries, boundaries, tables);
    }

    /**
     * @param planNamed the boundaries the plan was written about (DataV): 专栏3 is joined by their names, and a unit
     *                  in {@code boundaries} takes the tier of the unit with its code, under its own name, with the
     *                  plan's name beside it where they differ
     */
    public CountyDirectory(BoundarySet boundaries, BoundarySet planNamed, PlanTables tables) {
        List<PrefectureCity> cities = boundaries.cities().stream()
                .map(c -> new PrefectureCity(c.id(), String.valueOf(c.properties().get("name"))))
                .toList();
        Map<String, String> planNames = planNamed.units().stream()
                .collect(Collectors.toMap(AdminUnit::adcode, AdminUnit::name));
        TierJoinResult joined = TierJoin.of(tables).join(boundaries.units(), cities, planNamed.units());
        if (!joined.report().complete()) {
            throw new IllegalStateException("the 专栏3 tier join is incomplete: " + joined.report());
        }
        Map<String, Feature> geometry = boundaries.counties().stream()
                .collect(Collectors.toMap(Feature::id, Function.identity()));
        this.counties = joined.countyTiers().stream()
                .map(t -> county(t, geometry.get(t.unit().adcode()), planNames.get(t.unit().adcode())))
                .toList();
        this.byAdcode = counties.stream().collect(Collectors.toMap(County::adcode, Function.identity()));
        this.report = joined.report();
    }

    private static County county(CountyTier t, Feature boundary, String planName) {
        return new County(t.unit().adcode(), t.unit().name(), t.unit().kind().label(), t.unit().cityAdcode(),
                t.unit().cityName(), t.tier(), t.tier().populationBand(), t.basis(), t.seedName(), t.tierSource(),
                ((Number) boundary.properties().get("areaKm2")).doubleValue(),
                t.unit().name().equals(planName) ? null : planName);
    }

    public List<County> all() {
        return counties;
    }

    public Optional<County> byAdcode(String adcode) {
        return Optional.ofNullable(byAdcode.get(adcode));
    }

    /**
     * Units whose name is {@code query}, or failing that, whose name starts with it ("孝义" finds
     * 孝义市; "沁" finds 沁县 exactly, not 沁源县 and 沁水县).
     */
    public List<County> named(String query) {
        List<County> exact = counties.stream().filter(c -> c.name().equals(query)).toList();
        return exact.isEmpty() ? counties.stream().filter(c -> c.name().startsWith(query)).toList() : exact;
    }

    public JoinReport joinReport() {
        return report;
    }
}

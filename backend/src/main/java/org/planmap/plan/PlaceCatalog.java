package org.planmap.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.planmap.boundary.AdminUnit;

/**
 * The places whose mentions are indexed, with the terms that name them and the known false friends.
 *
 * <p>A county-level unit is named by its full name (孝义市), by its short form without the final 市/县/区
 * (孝义) when that has at least two characters, and by any misspelling name-corrections.csv fixes (孟县 for
 * 盂县). 城区, 矿区 and 郊区 are ordinary words ("中心城区", "城市郊区"), so those units are named only with
 * their city in front ("阳泉市城区"), which the seeds never write. A prefecture city is named by its full and
 * short form, a town group by its name, a region by its name and the variants the seed uses (regions.csv
 * notes them). Every short form was checked against both seeds; the hits that do not name the place are
 * listed in {@link #HAZARDS}.
 */
public final class PlaceCatalog {

    /** A term occurrence inside {@code context} does not name the place; {@code reason} says what it is instead. */
    record Hazard(String term, String context, String reason) {

        boolean matches(String text, int start) {
            int at = start - context.indexOf(term);
            return at >= 0 && text.startsWith(context, at);
        }
    }

    static final List<String> GENERIC_NAMES = List.of("城区", "矿区", "郊区");

    static final List<Hazard> HAZARDS = List.of(
            new Hazard("高平", "提高平", "提高 + 平疫结合 (000 （十）), not 高平市"),
            new Hazard("应县", "顺应县城", "顺应 + 县城 (003 第四章第四节), not 应县"),
            new Hazard("吕梁", "吕梁山", "the 吕梁山 range, which spans 忻州、吕梁 and 临汾, not 吕梁市"),
            new Hazard("上党", "上党盆地", "the 上党 basin, most of 长治市, not 上党区"),
            new Hazard("转型综改示范区", "经济转型综改示范区",
                    "国家资源型经济转型综改示范区 (专栏2, 朔州) is the national pilot, not 山西转型综合改革示范区"));

    /** The seed names the three town circles together once per mention of the 三圈 goal. */
    private static final String THREE_CIRCLES = "晋北、晋南、晋东南高质量城镇圈";

    /** Region names as the seed varies them; see the note column of regions.csv. */
    static final Map<String, List<String>> REGION_VARIANTS = Map.of(
            "shanxi-zonggai-shifanqu", List.of("山西综改示范区", "山西转型综改示范区", "转型综改示范区"),
            "jinbei-chengzhenquan", List.of(THREE_CIRCLES),
            "jinnan-chengzhenquan", List.of(THREE_CIRCLES),
            "jindongnan-chengzhenquan", List.of("晋东南城镇群", THREE_CIRCLES));

    private final Map<String, Place> byId = new LinkedHashMap<>();
    private final List<ResolvedTownGroup> groups;

    public PlaceCatalog(List<AdminUnit> units, PlanTables tables) {
        this(units, tables, units);
    }

    /**
     * @param units     the units in force, whose names and codes the places take
     * @param seedUnits the units as the seeds were written about them: a unit renamed since (a department's
     *                  boundaries in force) is also found under its name in the text, and the town groups, which
     *                  the plan lists by those names, resolve to the same codes
     */
    public PlaceCatalog(List<AdminUnit> units, PlanTables tables, List<AdminUnit> seedUnits) {
        Map<String, List<String>> seedSpellings = new LinkedHashMap<>();
        tables.nameCorrections().forEach(c -> seedSpellings.computeIfAbsent(c.adcode(), k -> new ArrayList<>())
                .add(c.seedName()));
        Map<String, AdminUnit> inForce = new LinkedHashMap<>();
        units.forEach(u -> inForce.put(u.adcode(), u));
        for (AdminUnit seedUnit : seedUnits) {
            AdminUnit unit = inForce.get(seedUnit.adcode());
            if (unit != null && !unit.name().equals(seedUnit.name())) {
                seedSpellings.computeIfAbsent(unit.adcode(), k -> new ArrayList<>()).addAll(terms(seedUnit));
            }
        }
        for (AdminUnit unit : units) {
            List<String> terms = new ArrayList<>(terms(unit));
            seedSpellings.getOrDefault(unit.adcode(), List.of()).stream().filter(t -> !terms.contains(t))
                    .forEach(terms::add);
            add(new Place(unit.adcode(), unit.name(), Place.Kind.COUNTY, terms));
        }
        List<PrefectureCity> cities = units.stream()
                .map(u -> new PrefectureCity(u.cityAdcode(), u.cityName())).distinct().toList();
        for (PrefectureCity city : cities) {
            add(new Place(city.adcode(), city.name(), Place.Kind.CITY, withShortForm(city.name())));
        }
        for (TownGroup group : tables.townGroups()) {
            add(new Place(group.id(), group.name(), Place.Kind.TOWN_GROUP, List.of(group.name())));
        }
        for (Region region : tables.regions()) {
            List<String> terms = Stream.concat(Stream.of(region.name()),
                    REGION_VARIANTS.getOrDefault(region.id(), List.of()).stream()).toList();
            add(new Place(region.id(), region.name(), Place.Kind.REGION, terms));
        }
        REGION_VARIANTS.keySet().forEach(id -> {
            if (!byId.containsKey(id)) {
                throw new IllegalArgumentException("region variants for an unknown region " + id);
            }
        });
        TownGroupResolution resolution = new TownGroups(new PlaceNames(cities, seedUnits))
                .resolve(tables.townGroups(), units);
        if (!resolution.unmatched().isEmpty()) {
            throw new IllegalArgumentException("town group members without a unit: " + resolution.unmatched());
        }
        this.groups = resolution.groups();
    }

    /** A unit's own names: full, and short unless generic. */
    private static List<String> terms(AdminUnit unit) {
        return GENERIC_NAMES.contains(unit.name()) ? List.of(unit.cityName() + unit.name()) : withShortForm(unit.name());
    }

    private static List<String> withShortForm(String name) {
        String shortForm = name.substring(0, name.length() - 1);
        return shortForm.length() >= 2 && "市县区".indexOf(name.charAt(name.length() - 1)) >= 0
                ? List.of(name, shortForm) : List.of(name);
    }

    private void add(Place place) {
        if (byId.putIfAbsent(place.id(), place) != null) {
            throw new IllegalArgumentException("two places with the id " + place.id());
        }
    }

    public List<Place> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Place> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The town groups with their members resolved to units, in table order. */
    public List<ResolvedTownGroup> townGroups() {
        return groups;
    }
}

package org.planmap.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.planmap.plan.CityTarget;
import org.planmap.plan.CurrentBoundaries;
import org.planmap.plan.Indicator;
import org.planmap.plan.JoinReport;
import org.planmap.style.PlaceNamesInEnglish;
import org.planmap.plan.PlanTables;
import org.planmap.plan.Region;
import org.planmap.plan.TierEntry;
import org.planmap.plan.TownGroup;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The plan's tables as extracted from the seed, each row with its source, and the tier join report. */
@RestController
@RequestMapping("/api/plan")
class PlanController {

    private final PlanTables tables;
    private final CurrentBoundaries boundaries;

    PlanController(PlanTables tables, CurrentBoundaries boundaries) {
        this.tables = tables;
        this.boundaries = boundaries;
    }

    @GetMapping("/join-report")
    JoinReport joinReport() {
        return boundaries.directory().joinReport();
    }

    @GetMapping("/city-tiers")
    List<TierEntry> cityTiers() {
        return tables.cityTiers();
    }

    @GetMapping("/urbanization-targets")
    List<CityTarget> urbanizationTargets() {
        return tables.urbanizationTargets();
    }

    @GetMapping("/indicators")
    List<Indicator> indicators() {
        return tables.indicators();
    }

    @GetMapping("/town-groups")
    List<TownGroup> townGroups() {
        return tables.townGroups();
    }

    @GetMapping("/regions")
    List<Region> regions() {
        return tables.regions();
    }

    /** Every place name the viewer shows (units, cities, town groups, regions) with its English form. */
    @GetMapping("/place-names")
    Map<String, String> placeNames() {
        Map<String, String> names = new TreeMap<>();
        Stream.of(boundaries.directory().all().stream().flatMap(c -> Stream.of(c.name(), c.cityName())),
                        tables.townGroups().stream().map(TownGroup::name), tables.regions().stream().map(Region::name))
                .flatMap(s -> s).forEach(name -> names.computeIfAbsent(name, PlaceNamesInEnglish::of));
        return names;
    }
}

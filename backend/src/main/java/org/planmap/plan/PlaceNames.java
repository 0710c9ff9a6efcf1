package org.planmap.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.boundary.AdminUnit;

/**
 * Exact-name lookup over the prefecture cities and county-level units of a boundary set. It never
 * guesses: a name gives every place spelled exactly so, and callers treat anything but one as a failure
 * (Shanxi has two 城区, in 阳泉市 and 晋城市).
 */
public final class PlaceNames {

    private final Map<String, List<PrefectureCity>> citiesByName = new LinkedHashMap<>();
    private final Map<String, List<AdminUnit>> unitsByName = new LinkedHashMap<>();

    public PlaceNames(List<PrefectureCity> cities, List<AdminUnit> units) {
        for (PrefectureCity city : cities) {
            citiesByName.computeIfAbsent(city.name(), k -> new ArrayList<>()).add(city);
        }
        for (AdminUnit unit : units) {
            unitsByName.computeIfAbsent(unit.name(), k -> new ArrayList<>()).add(unit);
        }
    }

    public List<PrefectureCity> citiesNamed(String name) {
        return List.copyOf(citiesByName.getOrDefault(name, List.of()));
    }

    public List<AdminUnit> unitsNamed(String name) {
        return List.copyOf(unitsByName.getOrDefault(name, List.of()));
    }

    /** Adcodes of every city and county-level unit with exactly this name. */
    public List<String> adcodesNamed(String name) {
        List<String> adcodes = new ArrayList<>();
        citiesNamed(name).forEach(city -> adcodes.add(city.adcode()));
        unitsNamed(name).forEach(unit -> adcodes.add(unit.adcode()));
        return adcodes;
    }
}

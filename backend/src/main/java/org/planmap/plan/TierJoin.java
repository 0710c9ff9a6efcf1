package org.planmap.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.planmap.boundary.AdminUnit;
import org.planmap.boundary.UnitKind;

/**
 * Joins 专栏3 (2025年城镇规模结构预测) to the county-level units of a boundary set.
 *
 * <p>The table names prefecture cities for the three upper tiers and counties / county-level cities for
 * the two lower ones. A city's tier describes its urban area, which is its 市辖区, so a district not named
 * itself inherits its city's tier; a county that is not named gets no tier and is reported. Names are
 * matched exactly; the only way around a misspelling is an explicit {@link NameCorrection}.
 */
public final class TierJoin {

    private final List<TierEntry> tiers;
    private final Map<String, NameCorrection> corrections;

    public TierJoin(List<TierEntry> tiers, List<NameCorrection> corrections) {
        this.tiers = List.copyOf(tiers);
        this.corrections = corrections.stream()
                .collect(Collectors.toMap(NameCorrection::seedName, Function.identity()));
    }

    public static TierJoin of(PlanTables tables) {
        return new TierJoin(tables.cityTiers(), tables.nameCorrections());
    }

    public TierJoinResult join(List<AdminUnit> units, List<PrefectureCity> cities) {
        return join(units, cities, units);
    }

    /**
     * @param units     the units in force, which take the tiers
     * @param planUnits the units as the plan was written about them (the DataV set): 专栏3's names are found among
     *                  them, and a unit in force takes the tier of the plan's unit with its code, so a department's
     *                  file that renames a unit keeps its tier
     */
    public TierJoinResult join(List<AdminUnit> units, List<PrefectureCity> cities, List<AdminUnit> planUnits) {
        PlaceNames names = new PlaceNames(cities, planUnits);
        Set<String> inForce = new HashSet<>();
        units.forEach(u -> inForce.add(u.adcode()));
        cities.forEach(c -> inForce.add(c.adcode()));
        Map<String, Assignment> byAdcode = new HashMap<>();
        List<NameMatch> matched = new ArrayList<>();
        List<NameMatch> corrected = new ArrayList<>();
        List<UnmatchedName> unmatched = new ArrayList<>();
        List<NameMatch> duplicated = new ArrayList<>();

        for (TierEntry entry : tiers) {
            for (String seedName : entry.members()) {
                NameCorrection correction = corrections.get(seedName);
                String lookup = correction == null ? seedName : correction.correctedName();
                List<String> candidates = names.adcodesNamed(lookup);
                if (candidates.size() != 1 || !inForce.contains(candidates.get(0))) {
                    unmatched.add(UnmatchedName.of(seedName, entry.tier().label(), candidates));
                    continue;
                }
                String adcode = candidates.get(0);
                if (correction != null && !adcode.equals(correction.adcode())) {
                    unmatched.add(new UnmatchedName(seedName, entry.tier().label(), candidates, "corrected name "
                            + lookup + " is " + adcode + ", the correction says " + correction.adcode()));
                    continue;
                }
                NameMatch match = new NameMatch(seedName, lookup, adcode, entry.tier());
                if (byAdcode.putIfAbsent(adcode, new Assignment(match, entry)) != null) {
                    duplicated.add(match);
                } else {
                    (correction == null ? matched : corrected).add(match);
                }
            }
        }

        List<CountyTier> countyTiers = new ArrayList<>();
        List<CountyTier> inherited = new ArrayList<>();
        List<AdminUnit> untiered = new ArrayList<>();
        for (AdminUnit unit : units) {
            Assignment own = byAdcode.get(unit.adcode());
            Assignment city = unit.kind() == UnitKind.DISTRICT ? byAdcode.get(unit.cityAdcode()) : null;
            if (own != null) {
                boolean asSpelled = own.match.seedName().equals(own.match.resolvedName());
                countyTiers.add(own.tierOf(unit, asSpelled ? TierBasis.NAMED : TierBasis.CORRECTED));
            } else if (city != null) {
                CountyTier tier = city.tierOf(unit, TierBasis.INHERITED);
                countyTiers.add(tier);
                inherited.add(tier);
            } else {
                untiered.add(unit);
            }
        }
        return new TierJoinResult(countyTiers,
                new JoinReport(matched, corrected, inherited, unmatched, duplicated, untiered));
    }

    /** The 专栏3 entry a place was found under, and the exact name that found it. */
    private record Assignment(NameMatch match, TierEntry entry) {

        CountyTier tierOf(AdminUnit unit, TierBasis basis) {
            return new CountyTier(unit, entry.tier(), basis, match.seedName(), entry.source().cite());
        }
    }
}

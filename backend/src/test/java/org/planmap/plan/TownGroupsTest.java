package org.planmap.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.planmap.boundary.AdminUnit;
import org.planmap.boundary.UnitKind;

class TownGroupsTest {

    private static final String CITY_CORE = "taiyuan-yuci-taigu-core";

    private final PlanTables tables = PlanFixtures.tables();
    private final PlaceNames names = new PlaceNames(ShanxiUnits.cities(), ShanxiUnits.units());
    private final TownGroupResolution resolution = new TownGroups(names).resolve(tables.townGroups());
    private final Map<String, ResolvedTownGroup> byId = resolution.groups().stream()
            .collect(Collectors.toMap(g -> g.group().id(), Function.identity()));

    @Test
    void everyMemberNameResolvesToOneUnit() {
        assertThat(resolution.unmatched()).isEmpty();
        assertThat(resolution.groups()).allSatisfy(g -> {
            assertThat(g.core()).hasSameSizeAs(g.group().core());
            assertThat(g.radiated()).hasSameSizeAs(g.group().radiated());
        });
        assertThat(byId).containsOnlyKeys("xin-ding-yuan", "li-liu-zhong-fang", "jiao-fen-wen-xiao",
                "yao-hong-xiang", "yan-lin-xia", CITY_CORE);
    }

    @Test
    void patternsCountCoreAndRadiatedMembers() {
        assertShape("li-liu-zhong-fang", "4+3", 4, 3);
        assertShape("jiao-fen-wen-xiao", "4+2", 4, 2);
        assertShape("xin-ding-yuan", "", 3, 0);
        assertShape("yao-hong-xiang", "", 3, 0);
        assertShape("yan-lin-xia", "", 3, 0);
        tables.townGroups().stream().filter(g -> !g.pattern().isEmpty())
                .forEach(g -> assertThat(g.sourceQuote()).contains("“" + g.pattern() + "”"));
    }

    @Test
    void seedTermsAbbreviateTheMembersInOrder() {
        // The seed's short forms read as prefixes of the full names; 盐（湖） spells out the elided 湖.
        tables.townGroups().stream().filter(g -> !g.id().equals(CITY_CORE)).forEach(g -> {
            List<String> members = Stream.concat(g.core().stream(), g.radiated().stream()).toList();
            assertThat(g.seedTerms()).as(g.id()).hasSameSizeAs(members);
            for (int i = 0; i < members.size(); i++) {
                String term = g.seedTerms().get(i).replaceAll("[（）]", "");
                assertThat(members.get(i)).as(g.id()).startsWith(term);
            }
        });
    }

    @Test
    void cityCoreIsTaiyuansDistrictsWithYuciAndTaigu() {
        List<String> expected = Stream.concat(
                ShanxiUnits.units().stream()
                        .filter(u -> u.cityAdcode().equals("140100") && u.kind() == UnitKind.DISTRICT)
                        .map(AdminUnit::adcode),
                Stream.of("140702", "140703")).toList();

        assertThat(byId.get(CITY_CORE).core()).hasSize(8).extracting(AdminUnit::adcode)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(byId.get(CITY_CORE).radiated()).isEmpty();
    }

    @Test
    void aMisspeltMemberIsReportedNotGuessed() {
        TownGroup typo = new TownGroup("t", "t", "", List.of("孟县", "城区"), List.of(), List.of(), "",
                new SourceRef("test", "test"), "q");

        TownGroupResolution failed = new TownGroups(names).resolve(List.of(typo));

        assertThat(failed.unmatched()).extracting(UnmatchedName::name, UnmatchedName::candidates)
                .containsExactly(tuple("孟县", List.of()), tuple("城区", List.of("140302", "140502")));
        assertThat(failed.groups().get(0).core()).isEmpty();
    }

    @Test
    void regionMembersAreWholePrefectureCities() {
        assertThat(tables.regions()).allSatisfy(r -> assertThat(r.members())
                .allSatisfy(m -> assertThat(names.citiesNamed(m)).as(r.id() + " " + m).hasSize(1)));
        // 一群三圈 split the 11 cities between them, each city once.
        List<String> clusterAndCircles = tables.regions().stream()
                .filter(r -> r.kind() == RegionKind.CITY_CLUSTER || r.kind() == RegionKind.TOWN_CIRCLE)
                .flatMap(r -> r.members().stream()).toList();
        assertThat(clusterAndCircles).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(ShanxiUnits.cities().stream().map(PrefectureCity::name).toList());
        assertThat(tables.regions()).filteredOn(r -> r.members().isEmpty())
                .allSatisfy(r -> assertThat(r.geometryBasis()).isEqualTo(GeometryBasis.SCHEMATIC));
    }

    private void assertShape(String id, String pattern, int core, int radiated) {
        ResolvedTownGroup group = byId.get(id);
        assertThat(group.group().pattern()).as(id).isEqualTo(pattern);
        assertThat(group.core()).as(id).hasSize(core);
        assertThat(group.radiated()).as(id).hasSize(radiated);
    }
}

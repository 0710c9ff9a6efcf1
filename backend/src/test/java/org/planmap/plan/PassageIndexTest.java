package org.planmap.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.planmap.boundary.AdminUnit;

class PassageIndexTest {

    private static final PlanDocuments DOCUMENTS =
            new PlanDocuments(PlanFixtures::seed, ShanxiUnits.units(), PlanFixtures.tables());

    private static List<PassageIndex.PassageMention> mentions(String placeId) {
        return DOCUMENTS.passages(placeId).orElseThrow().passages();
    }

    private static PassageIndex.PassageMention in(String placeId, String fragment) {
        List<PassageIndex.PassageMention> found = mentions(placeId).stream()
                .filter(m -> m.passage().text().contains(fragment)).toList();
        assertThat(found).as(placeId + " in a passage with " + fragment).hasSize(1);
        return found.get(0);
    }

    @Test
    void xiaoyiIsFoundInItsGroupTheDemonstrationCountiesAndColumn3() {
        PassageIndex.PassageMention group = in("141181", "促进交汾文孝城镇组群一体联动发展");
        assertThat(group.passage().headingPath()).containsExactly("第四章第三节 培育壮大区域性城镇群");
        assertThat(group.terms()).containsExactly("交汾文孝", "孝义");
        assertThat(group.hits()).filteredOn(h -> h.term().equals("孝义")).singleElement()
                .satisfies(h -> assertThat(h.via()).isNull());

        PassageIndex.PassageMention pilot = in("141181", "发挥清徐县、阳城县、孝义市国家级县城新型城镇化建设示范县引领作用");
        assertThat(pilot.passage().headingPath()).containsExactly("第四章第四节 强化县城重要载体作用");
        assertThat(pilot.terms()).containsExactly("孝义市");

        PassageIndex.PassageMention column3 = in("141181", "I型小城市(20—50万人)");
        assertThat(column3.passage().kind()).isEqualTo(SeedPassage.Kind.TABLE);
        assertThat(column3.passage().headingPath()).endsWith("专栏3 2025年城镇规模结构预测");
    }

    @Test
    void yuxianIsFoundUnderTheSeedsMisspelling() {
        PassageIndex.PassageMention column3 = in("140322", "I型小城市(20—50万人)");
        assertThat(column3.terms()).containsExactly("孟县");
        assertThat(mentions("140322")).hasSize(1);
    }

    @Test
    void lishiIsFoundInItsGroupAndLuliangInTheTaskList() {
        assertThat(in("141102", "推动离柳中方城镇组群一体化发展").terms()).contains("离石");
        assertThat(mentions("141100")).filteredOn(m -> m.passage().document().equals(LuliangTasks.SEED))
                .extracting(m -> m.passage().headingPath().get(1)).containsExactly("（五）", "（十一）", "（十二）");
    }

    /** A department's boundaries rename 离石区: the place takes the new name and the text still finds it as 离石. */
    @Test
    void aUnitRenamedSinceThePlanIsStillFoundUnderTheNameTheTextGivesIt() {
        List<AdminUnit> renamed = ShanxiUnits.units().stream()
                .map(u -> u.adcode().equals("141102") ? new AdminUnit(u.adcode(), "离石新区",
                        u.kind(), u.cityAdcode(), u.cityName()) : u)
                .toList();
        PlanDocuments named = DOCUMENTS.naming(renamed, PlanFixtures.tables());
        PlanDocuments.PlacePassages lishi = named.passages("141102").orElseThrow();
        assertThat(lishi.place().name()).isEqualTo("离石新区");
        assertThat(lishi.place().terms()).containsExactly("离石新区", "离石新", "离石区", "离石");
        assertThat(lishi.passages()).extracting(m -> m.passage().start())
                .isEqualTo(mentions("141102").stream().map(m -> m.passage().start()).toList());
        assertThat(named.townGroups()).filteredOn(g -> g.group().id().equals("li-liu-zhong-fang")).singleElement()
                .satisfies(g -> assertThat(g.core()).extracting(u -> u.name()).startsWith("离石新区"));
        assertThat(named.luliangTasks()).isSameAs(DOCUMENTS.luliangTasks());
    }

    @Test
    void falseFriendsAreNotMentions() {
        // 000 （十）: "提高平疫结合能力" is 提高 + 平疫, not 高平.
        assertThat(DOCUMENTS.passages("140581").orElseThrow().passages())
                .noneMatch(m -> m.passage().document().equals(LuliangTasks.SEED))
                .singleElement().satisfies(m -> assertThat(m.passage().kind()).isEqualTo(SeedPassage.Kind.TABLE));
        assertThat(DOCUMENTS.luliangTasks().get(9).text()).contains("提高平疫结合能力");
        // "顺应县城" is no mention of 应县; "岢岚县" none of 岚县; "新绛县" none of 绛县.
        assertThat(mentions("140622")).singleElement().satisfies(m -> assertThat(m.hits()).hasSize(1));
        assertThat(in("141127", "I型小城市(20—50万人)").hits()).hasSize(1);
        assertThat(in("140826", "I型小城市(20—50万人)").hits()).hasSize(1);
        // 城区, 矿区, 郊区 are ordinary words; the seeds never name these districts.
        Stream.of("140302", "140303", "140311", "140502").forEach(id -> assertThat(mentions(id)).as(id).isEmpty());
        // 上党盆地 is not 上党区; 吕梁山 is not 吕梁市.
        assertThat(mentions("140404")).isEmpty();
        assertThat(mentions("141100")).noneMatch(m -> m.passage().text().contains("上党盆地"));
    }

    @Test
    void groupNamesDoNotHideTheirPlacesAndMembersGetOnlyTheGroupsOwnPassage() {
        assertThat(in("140100", "率先打造太原榆次太谷城市核").terms()).contains("太原");
        PassageIndex.PassageMention xinfu = in("140902", "推动忻定原一体化发展");
        assertThat(xinfu.hits()).singleElement().satisfies(h -> {
            assertThat(h.term()).isEqualTo("忻定原");
            assertThat(h.via()).isEqualTo("xin-ding-yuan");
        });
        // 第四章第一节 names 交汾文孝 too, but is not the group's own passage and does not name 孝义.
        assertThat(mentions("jiao-fen-wen-xiao")).hasSize(2);
        assertThat(mentions("141181")).noneMatch(m -> m.passage().text().contains("打造离柳中方、交汾文孝城镇组群"));
    }

    @Test
    void regionsAreFoundUnderTheSeedsVariants() {
        assertThat(mentions("shanxi-zonggai-shifanqu")).flatExtracting(PassageIndex.PassageMention::terms)
                .containsExactly("山西转型综合改革示范区", "山西综改示范区", "山西转型综改示范区", "转型综改示范区");
        assertThat(mentions("jindongnan-chengzhenquan")).flatExtracting(PassageIndex.PassageMention::terms)
                .contains("晋东南城镇群", "晋东南城镇圈");
    }

    @Test
    void everyHitIsItsTermAtItsOffsets() {
        List<Place> places = new PlaceCatalog(ShanxiUnits.units(), PlanFixtures.tables()).all();
        assertThat(places).hasSize(117 + 11 + 6 + 6);
        for (Place place : places) {
            for (PassageIndex.PassageMention m : mentions(place.id())) {
                assertThat(m.hits()).isNotEmpty().allSatisfy(h ->
                        assertThat(m.passage().text().substring(h.start(), h.end())).isEqualTo(h.term()));
            }
        }
    }

    @Test
    void everyExclusionAndVariantOccursInTheSeeds() {
        String seeds = SeedPassages.clean(PlanFixtures.planSeed().text() + PlanFixtures.seed(LuliangTasks.SEED).text());
        assertThat(PlaceCatalog.HAZARDS).allSatisfy(h -> assertThat(seeds).contains(h.context()));
        PlaceCatalog.REGION_VARIANTS.values().forEach(v -> assertThat(seeds).contains(v));
    }
}

package org.planmap.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.planmap.boundary.BoundaryFiles;
import org.planmap.boundary.BoundaryLayers;
import org.planmap.boundary.BoundarySet;

/** The county card assembled from the real boundaries, plan tables and seeds, without a server. */
class CountyCardsTest {

    static final BoundarySet BOUNDARIES = BoundaryFiles.fromClasspath();
    static final PlanTables TABLES = PlanFixtures.tables();
    static final CountyDirectory DIRECTORY = new CountyDirectory(BOUNDARIES, TABLES);
    static final CountyCards CARDS = new CountyCards(DIRECTORY, TABLES,
            new PlanDocuments(PlanFixtures::seed, BOUNDARIES.units(), TABLES), BoundaryLayers.DATAV);
    static final String PLAN_TITLE = "山西省“十四五”新型城镇化规划";

    static CountyCard card(String adcode) {
        return CARDS.of(adcode).orElseThrow();
    }

    @Test
    void xiaoyiIsNamedInColumn3AsASmallCityOfJiaoFenWenXiaoWithLuliangsTasks() {
        CountyCard xiaoyi = card("141181");
        assertThat(xiaoyi.name()).isEqualTo("孝义市");
        assertThat(xiaoyi.city()).isEqualTo(new CountyCard.PlaceRef("141100", "吕梁市", "地级市"));
        assertThat(xiaoyi.tier().label()).isEqualTo(CityTier.I_SMALL);
        assertThat(xiaoyi.tier().band()).isEqualTo("20—50万人");
        assertThat(xiaoyi.tier().basis()).isEqualTo(TierBasis.NAMED);
        assertThat(xiaoyi.tier().source().text())
                .isEqualTo("《" + PLAN_TITLE + "》第四章第六节 专栏3 2025年城镇规模结构预测");
        assertThat(xiaoyi.townGroups()).containsExactly(
                new CountyCard.GroupMembership("jiao-fen-wen-xiao", "交汾文孝", "4+2", "core", "核心"));
        assertThat(xiaoyi.regions()).extracting(CountyCard.PlaceRef::name).containsExactly("山西中部城市群");
        assertThat(xiaoyi.cityTargets()).singleElement().satisfies(t -> {
            assertThat(t.urbanizationRate2025()).isEqualTo(new BigDecimal("60.0"));
            assertThat(t.source().text()).startsWith("《" + PLAN_TITLE + "》第四章第二节 专栏2");
        });
        assertThat(xiaoyi.luliangTasks()).hasSize(20);
        assertThat(xiaoyi.luliangTasks().get(1).targets()).anyMatch(t -> t.contains("63所寄宿制学校"));
        assertThat(xiaoyi.luliangTasks().get(1).source().text())
                .isEqualTo("《吕梁市2021年新型城镇化建设和城乡融合发展重点任务》" + "一、促进农业转移人口有序有效融入城市 （二）");
    }

    @Test
    void theExcerptsMarkEveryMentionInsideThemAndCiteTitleAndSection() {
        CountyCard.PassageSummary passages = card("141181").passages();
        assertThat(passages.count()).isEqualTo(4);
        assertThat(passages.first()).hasSize(CountyCards.EXCERPTS);
        for (CountyCard.Excerpt e : passages.first()) {
            assertThat(e.source().title()).isEqualTo(PLAN_TITLE);
            assertThat(e.source().section()).startsWith("第");
            assertThat(e.text().length()).isLessThanOrEqualTo(CountyCards.BEFORE + CountyCards.AFTER + 12);
            assertThat(e.marks()).isNotEmpty().allSatisfy(m -> assertThat(e.text().substring(m.start(), m.end()))
                    .isIn("孝义", "孝义市", "交汾文孝"));
        }
        assertThat(passages.first()).extracting(e -> e.source().section()).containsExactly(
                "第四章第三节 培育壮大区域性城镇群", "第四章第四节 强化县城重要载体作用",
                "第四章第六节 促进大中小城市和小城镇协调发展 专栏3 2025年城镇规模结构预测");
        assertThat(passages.first().get(1).text()).contains("清徐县、阳城县、孝义市");
        assertThat(passages.first()).extracting(CountyCard.Excerpt::kind)
                .containsExactly(SeedPassage.Kind.PARAGRAPH, SeedPassage.Kind.PARAGRAPH, SeedPassage.Kind.TABLE);
    }

    @Test
    void aTaiyuanDistrictInheritsTheCitysTierAndLiesInTwoRegions() {
        CountyCard xiaodian = card("140105");
        assertThat(xiaodian.tier().label()).isEqualTo(CityTier.I_LARGE);
        assertThat(xiaodian.tier().basis()).isEqualTo(TierBasis.INHERITED);
        assertThat(xiaodian.tier().seedName()).isEqualTo("太原市");
        assertThat(xiaodian.townGroups()).extracting(CountyCard.GroupMembership::name)
                .containsExactly("太原榆次太谷城市核");
        assertThat(xiaodian.regions()).extracting(CountyCard.PlaceRef::name)
                .containsExactly("山西中部城市群", "太忻一体化经济区");
        assertThat(xiaodian.luliangTasks()).as("not a 吕梁 unit").isEmpty();
    }

    @Test
    void aCardQuotesAtMostTheFirstThreePassages() {
        int most = 0;
        for (County c : DIRECTORY.all()) {
            CountyCard.PassageSummary passages = card(c.adcode()).passages();
            assertThat(passages.first()).as(c.name()).hasSize(Math.min(passages.count(), CountyCards.EXCERPTS));
            most = Math.max(most, passages.count());
        }
        assertThat(most).as("some unit is named more often than the card quotes").isGreaterThan(CountyCards.EXCERPTS);
    }

    @Test
    void aCorrectedNameSaysHowTheSeedWritesIt() {
        CountyCard yuxian = card("140322");
        assertThat(yuxian.tier().basis()).isEqualTo(TierBasis.CORRECTED);
        assertThat(yuxian.tier().seedName()).isEqualTo("孟县");
    }

    @Test
    void aRadiatedMemberAndAnUnknownCode() {
        assertThat(card("141124").townGroups()).extracting(CountyCard.GroupMembership::role).containsExactly("radiated");
        assertThat(CARDS.of("999999")).isEmpty();
    }
}

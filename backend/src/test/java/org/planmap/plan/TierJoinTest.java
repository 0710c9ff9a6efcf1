package org.planmap.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.planmap.boundary.AdminUnit;
import org.planmap.boundary.UnitKind;
import tools.jackson.databind.json.JsonMapper;

class TierJoinTest {

    private static final String TIER_SOURCE = "《山西省“十四五”新型城镇化规划》第四章第六节 专栏3 2025年城镇规模结构预测";

    private final PlanTables tables = PlanFixtures.tables();
    private final TierJoinResult result = TierJoin.of(tables).join(ShanxiUnits.units(), ShanxiUnits.cities());
    private final Map<String, CountyTier> byAdcode = result.countyTiers().stream()
            .collect(Collectors.toMap(t -> t.unit().adcode(), Function.identity()));

    @Test
    void fixtureHasTheShapeOfTheAuthoritativeList() {
        assertThat(ShanxiUnits.cities()).hasSize(11);
        assertThat(ShanxiUnits.units()).hasSize(117).extracting(AdminUnit::adcode).doesNotHaveDuplicates();
        assertThat(ShanxiUnits.units()).filteredOn(u -> u.kind() == UnitKind.DISTRICT).hasSize(26);
    }

    @Test
    void everyUnitGetsATierAndEveryNameOnePlace() {
        JoinReport report = result.report();

        assertThat(result.countyTiers()).hasSize(117);
        assertThat(report.unmatched()).isEmpty();
        assertThat(report.duplicated()).isEmpty();
        assertThat(report.untiered()).isEmpty();
        assertThat(report.complete()).isTrue();
        assertThat(report.matched()).hasSize(101);
        assertThat(report.matched()).filteredOn(m -> m.adcode().endsWith("00")).hasSize(11);
    }

    @Test
    void theOnlyCorrectionIsYuxian() {
        assertThat(result.report().corrected())
                .containsExactly(new NameMatch("孟县", "盂县", "140322", CityTier.II_SMALL));
        assertThat(result.countyTiers()).filteredOn(t -> t.basis() == TierBasis.CORRECTED)
                .containsExactly(new CountyTier(ShanxiUnits.unit("盂县", "140322"), CityTier.II_SMALL,
                        TierBasis.CORRECTED, "孟县", TIER_SOURCE));
    }

    @Test
    void districtsNotNamedInheritTheirCitysTier() {
        assertThat(result.report().inherited()).hasSize(26)
                .allSatisfy(t -> assertThat(t.unit().kind()).isEqualTo(UnitKind.DISTRICT))
                .allSatisfy(t -> assertThat(t.seedName()).isEqualTo(t.unit().cityName()));
        assertThat(result.countyTiers()).filteredOn(t -> t.basis() != TierBasis.INHERITED).hasSize(91);

        assertTier("140702", CityTier.MEDIUM, TierBasis.INHERITED, "晋中市"); // 榆次区
        assertTier("140703", CityTier.MEDIUM, TierBasis.INHERITED, "晋中市"); // 太谷区
        assertTier("141002", CityTier.II_LARGE, TierBasis.INHERITED, "临汾市"); // 尧都区
        assertTier("140105", CityTier.I_LARGE, TierBasis.INHERITED, "太原市"); // 小店区
    }

    @Test
    void namedCountiesKeepTheirOwnTier() {
        assertTier("141181", CityTier.I_SMALL, TierBasis.NAMED, "孝义市");
        assertTier("140181", CityTier.I_SMALL, TierBasis.NAMED, "古交市");
        assertTier("140121", CityTier.II_SMALL, TierBasis.NAMED, "清徐县");
        assertThat(result.countyTiers()).allSatisfy(t -> assertThat(t.tierSource()).isEqualTo(TIER_SOURCE));
    }

    @Test
    void withoutTheCorrectionFileMengxianStaysUnmatchedAndYuxianUntiered() {
        TierJoinResult strict = new TierJoin(tables.cityTiers(), List.of())
                .join(ShanxiUnits.units(), ShanxiUnits.cities());

        assertThat(strict.report().unmatched())
                .containsExactly(new UnmatchedName("孟县", "II型小城市", List.of(), "no place has this exact name"));
        assertThat(strict.report().untiered()).extracting(AdminUnit::name).containsExactly("盂县");
        assertThat(strict.report().complete()).isFalse();
    }

    @Test
    void anAmbiguousOrRepeatedNameIsReportedNotGuessed() {
        SourceRef source = new SourceRef(PlanDocuments.PLAN_SEED, "test");
        List<TierEntry> tiers = List.of(
                new TierEntry(CityTier.MEDIUM, CityTier.MEDIUM.populationBand(), 2, List.of("城区", "清徐县"), source),
                new TierEntry(CityTier.II_SMALL, CityTier.II_SMALL.populationBand(), 1, List.of("清徐县"), source));

        JoinReport report = new TierJoin(tiers, List.of()).join(ShanxiUnits.units(), ShanxiUnits.cities()).report();

        assertThat(report.unmatched()).containsExactly(new UnmatchedName("城区", "中等城市",
                List.of("140302", "140502"), "several places have this name"));
        assertThat(report.duplicated()).containsExactly(new NameMatch("清徐县", "清徐县", "140121", CityTier.II_SMALL));
    }

    @Test
    void aCorrectionPointingAtAnotherAdcodeIsRefused() {
        NameCorrection wrong = new NameCorrection("孟县", "盂县", "140321", "test", new SourceRef("test", "test"));

        JoinReport report = new TierJoin(tables.cityTiers(), List.of(wrong))
                .join(ShanxiUnits.units(), ShanxiUnits.cities()).report();

        assertThat(report.unmatched()).singleElement()
                .satisfies(u -> assertThat(u.reason()).contains("the correction says 140321"));
    }

    @Test
    void serialisesBasisAndTierAsThePlanWritesThem() {
        String json = JsonMapper.builder().build().writeValueAsString(byAdcode.get("140702"));

        assertThat(json).contains("\"basis\":\"inherited\"").contains("\"tier\":\"中等城市\"");
    }

    private void assertTier(String adcode, CityTier tier, TierBasis basis, String seedName) {
        CountyTier actual = byAdcode.get(adcode);
        assertThat(actual).as(adcode).isNotNull();
        assertThat(actual.tier()).as(adcode).isEqualTo(tier);
        assertThat(actual.basis()).as(adcode).isEqualTo(basis);
        assertThat(actual.seedName()).as(adcode).isEqualTo(seedName);
    }
}

package org.planmap.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Proves the committed plan tables say what the seed says: the 专栏 tables cell by cell after
 * {@link SeedDocument#normaliseSpaces} (the only normalisation), and every prose quote verbatim, under
 * the section the row names.
 */
class PlanTablesDriftTest {

    private final SeedDocument seed = PlanFixtures.planSeed();
    private final PlanTables tables = PlanFixtures.tables();

    @Test
    void indicatorsAreColumn1() {
        assertTable(1, List.of("序号", "指标名称", "2020年", "2025年", "属性"), tables.indicators(),
                i -> List.of(String.valueOf(i.no()), i.name(), i.value2020(), i.value2025(), i.attribute()),
                Indicator::source);
    }

    @Test
    void urbanizationTargetsAreColumn2() {
        assertTable(2, List.of("城市", "2025年常住人口城镇化率(%)", "主要发展方向"), tables.urbanizationTargets(),
                t -> List.of(t.city(), t.urbanizationRate2025().toPlainString(), t.direction()),
                CityTarget::source);
    }

    @Test
    void citySizeStructureIsColumn3() {
        // The seed writes the band in the label cell: "I 型大城市 (300—500 万人)".
        assertTable(3, List.of("城镇规模等级", "数量（个）", "城市"), tables.cityTiers(),
                e -> List.of(e.tier().label() + "(" + e.population() + ")", String.valueOf(e.count()),
                        String.join(CsvRow.LIST_SEPARATOR, e.members())),
                TierEntry::source);
    }

    @Test
    void nameCorrectionsCiteTheTableWhereTheTypoIs() {
        SeedTable column3 = seed.column(3);
        for (NameCorrection correction : tables.nameCorrections()) {
            assertThat(correction.source()).isEqualTo(new SourceRef(seed.name(), column3.sourceSection()));
            assertThat(tables.cityTiers()).anySatisfy(e -> assertThat(e.members()).contains(correction.seedName()));
        }
    }

    @Test
    void townGroupQuotesAreVerbatimUnderTheirSectionAndContainTheSeedTerms() {
        for (TownGroup group : tables.townGroups()) {
            assertQuote(group.sourceQuote(), group.source());
            assertThat(group.seedTerms()).as(group.id()).isNotEmpty()
                    .allSatisfy(term -> assertThat(group.sourceQuote()).contains(term));
        }
    }

    @Test
    void regionQuotesAreVerbatimUnderTheirSection() {
        for (Region region : tables.regions()) {
            assertQuote(region.sourceQuote(), region.source());
        }
    }

    @Test
    void theJarCarriesTheSameTablesAsTheSourceTree() {
        assertThat(PlanTables.fromClasspath()).isEqualTo(tables);
    }

    private <T> void assertTable(int number, List<String> labels, List<T> rows, Function<T, List<String>> cells,
                                 Function<T, SourceRef> source) {
        SeedTable table = seed.column(number);
        assertThat(table.rows().get(0)).as("column labels of 专栏%d", number).isEqualTo(labels);
        assertThat(rows.stream().map(cells).toList()).as("rows of 专栏%d", number)
                .isEqualTo(table.rows().subList(1, table.rows().size()));
        assertThat(rows).extracting(source).as("sources of 专栏%d", number)
                .containsOnly(new SourceRef(seed.name(), table.sourceSection()));
    }

    private void assertQuote(String quote, SourceRef source) {
        assertThat(source.document()).isEqualTo(seed.name());
        OptionalInt at = seed.findQuote(quote);
        assertThat(at).as("quote in %s: %s", seed.name(), quote).isPresent();
        assertThat(seed.headingAt(at.getAsInt()).label()).as("section of: %s", quote).isEqualTo(source.section());
    }
}

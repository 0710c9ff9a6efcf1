package org.planmap.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeedDocumentTest {

    private static final SeedDocument SAMPLE = SeedDocument.of("sample.txt", """
            第一章 总则

            | 专栏 1 指标 | | |
            |----|----|----|
            | 序号 | 名称 | 2025 年 |
            | 1 | 道路网密度（km/km ² ） | ≥8 |

            第一节 范围

            专栏 2 工程

            1. 不是表格。

            | 专栏 12 单列 |
            |---|
            | 甲 |
            """);

    @Test
    void normalisesSpacesAroundChineseButKeepsThemBetweenAsciiWords() {
        assertThat(SeedDocument.normaliseSpaces(" I 型大城市 (300—500 万人) ")).isEqualTo("I型大城市(300—500万人)");
        assertThat(SeedDocument.normaliseSpaces("城市建成区道路网密度（km/km ² ）")).isEqualTo("城市建成区道路网密度（km/km²）");
        assertThat(SeedDocument.normaliseSpaces("专栏 3 2025 年")).isEqualTo("专栏3 2025年");
        assertThat(SeedDocument.normaliseSpaces("服务 App  进手机")).isEqualTo("服务App进手机");
        assertThat(SeedDocument.normaliseSpaces("5G  network")).isEqualTo("5G network");
    }

    @Test
    void readsTheTableWhoseHeaderRowIsTheTitle() {
        SeedTable table = SAMPLE.column(1);

        assertThat(table.title()).isEqualTo("专栏1指标");
        assertThat(table.rows()).containsExactly(
                List.of("序号", "名称", "2025年"),
                List.of("1", "道路网密度（km/km²）", "≥8"));
        assertThat(table.sourceSection()).isEqualTo("第一章 专栏1指标");
    }

    @Test
    void tellsTwelveFromOneAndRefusesAColumnThatIsNoTable() {
        assertThat(SAMPLE.column(12).rows()).containsExactly(List.of("甲"));
        assertThat(SAMPLE.column(12).heading()).isEqualTo(new SeedHeading("第一章第一节", "范围"));
        assertThatThrownBy(() -> SAMPLE.column(2)).hasMessageContaining("专栏2 is not a pipe table");
        assertThatThrownBy(() -> SAMPLE.column(3)).hasMessageContaining("no 专栏3");
    }

    @Test
    void findsQuotesWithElidedPassagesOnlyInOrder() {
        int at = SAMPLE.findQuote("1. 不是表格。").orElseThrow();
        assertThat(SAMPLE.headingAt(at).label()).isEqualTo("第一章第一节 范围");

        assertThat(SAMPLE.findQuote("总则……不是表格")).hasValue(SAMPLE.text().indexOf("总则"));
        assertThat(SAMPLE.findQuote("不是表格……总则")).isEmpty();
        assertThat(SAMPLE.findQuote("不是 表格")).isEmpty();
    }

    @Test
    void readsTheRealPlansColumnsWithTheirChapters() {
        SeedDocument seed = PlanFixtures.planSeed();

        assertThat(seed.column(3).sourceSection()).isEqualTo("第四章第六节 专栏3 2025年城镇规模结构预测");
        assertThat(seed.column(5).rows()).hasSize(5).allSatisfy(row -> assertThat(row).hasSize(1));
        assertThatThrownBy(() -> seed.column(4)).hasMessageContaining("not a pipe table");
    }
}

package org.planmap.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeedPassagesTest {

    private static final SeedDocument PLAN = PlanFixtures.planSeed();
    private static final SeedPassages PLAN_PASSAGES = SeedPassages.of(PLAN, SeedPassages.Layout.PLAN);
    private static final SeedDocument TASKS = PlanFixtures.seed(LuliangTasks.SEED);
    private static final SeedPassages TASK_PASSAGES = SeedPassages.of(TASKS, SeedPassages.Layout.TASK_LIST);

    private static SeedPassage containing(SeedPassages passages, String fragment) {
        List<SeedPassage> found = passages.passages().stream().filter(p -> p.text().contains(fragment)).toList();
        assertThat(found).as(fragment).hasSize(1);
        return found.get(0);
    }

    @Test
    void thePlanStartsAtItsFirstChapterWithoutHeaderOrContents() {
        // The contents table names the chapter first; the body's heading is the line of its own.
        int chapter = PLAN.text().indexOf("\n第一章 规划背景\n") + 1;
        assertThat(PLAN.text().indexOf("第一章 规划背景")).isLessThan(chapter);
        assertThat(PLAN_PASSAGES.blocks().get(0)).isEqualTo(new SeedBlock.Heading(1, "第一章 规划背景",
                chapter, chapter + "第一章 规划背景".length()));
        assertThat(PLAN_PASSAGES.passages()).noneMatch(p -> p.text().contains("晋发改人口发")
                || p.text().contains("发展基础.....") || p.text().contains("规划期限为2021—2025年"));
        assertThat(PLAN_PASSAGES.passages().get(0).headingPath()).containsExactly("第一章 规划背景");
    }

    @Test
    void joinsParagraphsCutByAPageBreak() {
        SeedPassage first = containing(PLAN_PASSAGES, "城镇化进程不断加快");
        assertThat(first.headingPath()).containsExactly("第一章第一节 发展基础");
        assertThat(PLAN.text().substring(first.start(), first.end())).contains("城镇化进\n\n程不断加快");
        assertThat(first.text()).startsWith("“十三五”以来").endsWith("提高6.66个百分点。");

        // The zone's name itself is cut: "山西转型综合改革" / "示范区成为…".
        SeedPassage goals = containing(PLAN_PASSAGES, "山西转型综合改革示范区成为带动全省转型发展的两大引擎");
        assertThat(goals.headingPath()).containsExactly("第二章第三节 主要目标");
    }

    @Test
    void keepsParagraphsApartWhereASentenceEnds() {
        SeedPassage intro = containing(PLAN_PASSAGES, "力争“十四五”末实现以下目标：");
        assertThat(intro.text()).endsWith("实现以下目标：");
        SeedPassage jiaoFen = containing(PLAN_PASSAGES, "交汾文孝城镇组群一体联动发展");
        assertThat(jiaoFen.text()).startsWith("促进交汾文孝城镇组群一体联动发展。")
                .endsWith("打造吕梁融入山西中部城市群的战略支点。");
        assertThat(jiaoFen.headingPath()).containsExactly("第四章第三节 培育壮大区域性城镇群");
    }

    @Test
    void everyColumnIsOneTablePassageWithItsRows() {
        List<SeedPassage> tables = PLAN_PASSAGES.passages().stream()
                .filter(p -> p.kind() == SeedPassage.Kind.TABLE).toList();
        assertThat(tables).extracting(p -> p.headingPath().get(1)).containsExactly("专栏1新型城镇化主要指标",
                "专栏2区域中心城市城镇化发展水平及发展方向", "专栏3 2025年城镇规模结构预测", "专栏4新型城市建设工程",
                "专栏5现代社区建设工程");
        SeedPassage column3 = tables.get(2);
        assertThat(column3.headingPath()).containsExactly("第四章第六节 促进大中小城市和小城镇协调发展",
                "专栏3 2025年城镇规模结构预测");
        assertThat(column3.rows()).isEqualTo(PLAN.column(3).rows());
        assertThat(column3.text()).contains("\nI型小城市(20—50万人) | 20 | 古交市、");
        assertThat(tables.get(3).rows()).hasSize(7).allSatisfy(row -> assertThat(row).hasSize(1));
        assertThat(tables.get(3).rows().get(0).get(0)).startsWith("1.老旧小区改造。");
    }

    @Test
    void paragraphTextIsTheSeedsTextNormalised() {
        for (SeedPassage p : PLAN_PASSAGES.passages()) {
            if (p.kind() == SeedPassage.Kind.PARAGRAPH) {
                assertThat(p.text()).isEqualTo(SeedPassages.clean(PLAN.text().substring(p.start(), p.end())));
            }
        }
        assertThat(PLAN_PASSAGES.blocks()).isSortedAccordingTo((a, b) -> Integer.compare(a.start(), b.start()));
    }

    @Test
    void theTaskListHasPartsAndNumberedTasks() {
        assertThat(TASK_PASSAGES.blocks().get(0)).isInstanceOf(SeedBlock.Heading.class)
                .extracting(b -> ((SeedBlock.Heading) b).text()).isEqualTo("一、促进农业转移人口有序有效融入城市");
        assertThat(TASK_PASSAGES.blocks()).filteredOn(SeedBlock.Heading.class::isInstance)
                .extracting(b -> ((SeedBlock.Heading) b).text()).containsExactly(
                        "一、促进农业转移人口有序有效融入城市", "二、优化城镇化空间格局", "三、加快建设现代化城市",
                        "四、提升城市治理水平", "五、加快推动城乡融合发展", "六、组织实施");
        assertThat(containing(TASK_PASSAGES, "支持市域中心城市特色发展").headingPath())
                .containsExactly("二、优化城镇化空间格局", "（五）");
        // "(三)" in ASCII brackets is the same task number.
        assertThat(containing(TASK_PASSAGES, "提升农业转移人口技能素质").headingPath())
                .containsExactly("一、促进农业转移人口有序有效融入城市", "（三）");
        assertThat(containing(TASK_PASSAGES, "市人社局、市卫健委、市医保局").headingPath()).endsWith("（二）");
        assertThat(containing(TASK_PASSAGES, "强化协同").headingPath()).containsExactly("六、组织实施");
    }
}

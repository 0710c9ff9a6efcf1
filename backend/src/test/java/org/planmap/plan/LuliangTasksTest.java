package org.planmap.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LuliangTasksTest {

    private static final List<LuliangTask> TASKS = LuliangTasks.read(
            SeedPassages.of(PlanFixtures.seed(LuliangTasks.SEED), SeedPassages.Layout.TASK_LIST));

    private static List<BigDecimal> numbers(LuliangTask task) {
        return task.targets().stream().flatMap(t -> t.quantities().stream()).map(LuliangTask.Quantity::value).toList();
    }

    @Test
    void twentyTasksNumberedThroughPartsOneToFive() {
        assertThat(TASKS).extracting(LuliangTask::number).containsExactlyElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
        assertThat(TASKS.get(0).label()).isEqualTo("（一）");
        assertThat(TASKS.get(19).label()).isEqualTo("（二十）");
        assertThat(TASKS).extracting(LuliangTask::part).doesNotContain("六、组织实施");
        assertThat(TASKS).noneMatch(t -> t.title().equals("强化协同"));
        assertThat(TASKS.get(4).part()).isEqualTo("二、优化城镇化空间格局");
    }

    @Test
    void titlesAndDepartments() {
        assertThat(TASKS.get(0).title()).isEqualTo("有序放开城市落户限制");
        assertThat(TASKS.get(0).departments()).containsExactly("市公安局", "市发改委", "县级有关部门");
        // Task 2's clause is cut by a page break ("市人社" / "局") and closed with an ASCII bracket.
        assertThat(TASKS.get(1).departments()).containsExactly("市教育局", "市人社局", "市卫健委", "市医保局", "市财政局",
                "县级有关部门");
        // Task 15 writes "负责" without 等.
        assertThat(TASKS.get(14).departments()).containsExactly("市委农办", "市农业局", "市乡村振兴局", "县级有关部门");
        assertThat(TASKS).allSatisfy(t -> assertThat(t.departments()).isNotEmpty().noneMatch(String::isBlank));
    }

    @Test
    void textsAreWholeAcrossPageBreaks() {
        assertThat(TASKS.get(11).text()).contains("统筹划定生态保护红线、永久基本农田、城镇开发边界三条控制线")
                .contains("提出吕梁“山水林田”和谐统一的风貌总体特征及重点地区山水资源的保护要求");
        assertThat(TASKS.get(6).text()).contains("坚持以业兴镇").startsWith("促进特色小镇规范健康发展。");
    }

    @Test
    void quantitativeTargets() {
        assertThat(TASKS.get(1).targets()).extracting(LuliangTask.Target::clause)
                .containsExactly("建设改造63所寄宿制学校", "建设认定60所普惠性幼儿园");
        assertThat(TASKS.get(1).targets().get(0).quantities())
                .containsExactly(new LuliangTask.Quantity(new BigDecimal("63"), "所"));
        assertThat(numbers(TASKS.get(7))).containsExactly(new BigDecimal("4005"));
        assertThat(TASKS.get(15).targets().get(0).quantities())
                .containsExactly(new LuliangTask.Quantity(new BigDecimal("17"), "万亩"));
        assertThat(TASKS.get(16).targets()).extracting(LuliangTask.Target::clause)
                .containsExactly("高标准建设100个美丽宜居乡村", "年内覆盖95%以上行政村", "卫生厕所普及率达到70%");
        assertThat(TASKS.get(11).targets()).extracting(LuliangTask.Target::clause)
                .containsExactly("严格限制建设500米以上超高层建筑");
        assertThat(numbers(TASKS.get(18))).containsExactly(new BigDecimal("30"));
        assertThat(numbers(TASKS.get(19))).containsExactly(BigDecimal.ONE, BigDecimal.TEN);
        // PM2.5 and O3 are written with <sub>; their digits are no targets.
        assertThat(TASKS.get(8).text()).contains("PM<sub>2.5</sub>");
        assertThat(TASKS.get(8).targets()).isEmpty();
    }
}

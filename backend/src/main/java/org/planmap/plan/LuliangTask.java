package org.planmap.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * One of the 20 key tasks of 吕梁市2021年新型城镇化建设和城乡融合发展重点任务 (seed 000).
 *
 * @param number       1 to 20, as numbered through parts 一 to 五
 * @param label        the number as printed, full-width brackets: "（五）"
 * @param part         the part heading: "二、优化城镇化空间格局"
 * @param title        the first sentence without its 。: "有序放开城市落户限制"
 * @param text         the task after its label, joined across page breaks, departments clause included
 * @param departments  who is responsible, from the closing "（…等负责）", without the 等
 * @param targets      every clause that states a quantity
 * @param start        offset of the task in the seed text
 * @param end          end offset, exclusive
 */
public record LuliangTask(int number, String label, String part, String title, String text,
                          List<String> departments, List<Target> targets, int start, int end) {

    /** A clause of the text (between ，。；、) with the quantities it states: "建设改造63所寄宿制学校". */
    public record Target(String clause, List<Quantity> quantities) {

        public Target {
            quantities = List.copyOf(quantities);
        }
    }

    /** A number and the unit written after it ("所", "万亩", "%", "米", "年"; empty when none). */
    public record Quantity(BigDecimal value, String unit) {
    }

    public LuliangTask {
        departments = List.copyOf(departments);
        targets = List.copyOf(targets);
    }
}

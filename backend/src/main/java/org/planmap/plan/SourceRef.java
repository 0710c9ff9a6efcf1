package org.planmap.plan;

/**
 * Where a plan fact was read: the seed file name and its place in the plan, e.g.
 * "第四章第六节 专栏3 2025年城镇规模结构预测". Every row carries one so that the map can cite its source.
 */
public record SourceRef(String document, String section) {

    /**
     * The citation shown next to a derived value, as a reader is shown it everywhere (cards, layers, exports):
     * 《printed title》 section. The file name is how the program finds the text, not what a planner cites.
     */
    public String cite() {
        return PlanDocuments.SEEDS.stream().filter(info -> info.file().equals(document)).findFirst()
                .map(info -> "《" + info.title() + "》" + section)
                .orElseThrow(() -> new IllegalArgumentException("not a seed document: " + document));
    }
}

package org.planmap.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A source as a reader is shown it: the document's printed title and the section, 《title》 section.
 * {@code document} is the seed's file name, kept only so that a viewer can open the text at that place;
 * it is never the citation itself.
 */
public record Citation(String document, String title, String section) {

    /** 《山西省“十四五”新型城镇化规划》第四章第六节 专栏3 2025年城镇规模结构预测 */
    @JsonProperty
    public String text() {
        return "《" + title + "》" + section;
    }
}

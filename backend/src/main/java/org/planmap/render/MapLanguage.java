package org.planmap.render;

import org.planmap.plan.PlaceNamesInEnglish;
import org.planmap.style.MapStyles;

/**
 * The language a drawn map speaks (issue 17: map images follow the viewer's 中文/English): its title, legend,
 * scale and credit in the style file's words, its place names in Chinese or in pinyin.
 */
public enum MapLanguage {
    CHINESE, ENGLISH;

    /** A word the map carries, given in Chinese: itself, or its English from the style file. */
    public String word(MapStyles styles, String chinese) {
        return this == ENGLISH ? styles.inEnglish(chinese) : chinese;
    }

    /** A place name as a map label: 孝义市, or Xiaoyi (the pinyin, as the viewer's English labels show it). */
    public String placeName(String chinese) {
        return this == ENGLISH ? PlaceNamesInEnglish.label(chinese) : chinese;
    }
}

package org.planmap.render;

import org.planmap.style.MapStyles;
import org.planmap.style.PlaceNamesInEnglish;

/**
 * The language a drawn map or a report speaks (issue 17: map images and PDFs follow the viewer's 中文/English): its
 * title, legend, scale and credit in the style file's words, its place names in Chinese or in pinyin. Plan text
 * quoted in a report stays Chinese in either.
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

    /** A place name in a report's text: 孝义市, or 孝义市 Xiaoyi City (the Chinese kept, as the viewer's card has it). */
    public String placeText(String chinese) {
        return this == ENGLISH ? chinese + " " + PlaceNamesInEnglish.of(chinese) : chinese;
    }

    /** A report's own wording (a heading, a table label), which only that report carries, in both languages. */
    public String text(String chinese, String english) {
        return this == ENGLISH ? english : chinese;
    }
}

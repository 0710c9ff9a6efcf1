package org.planmap.plan;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * A place name as the viewer's English mode shows it beside the Chinese: the proper part in pinyin, the
 * generic part in English (孝义市 → Xiaoyi City, 晋南城镇圈 → Jinnan Urban Circle). A town group's name
 * is an abbreviation of its members, one character each, so it is spelt syllable by syllable
 * (交汾文孝 → Jiao-Fen-Wen-Xiao).
 */
public final class PlaceNamesInEnglish {

    /** Longest first, so that 城市群 wins over 市. */
    private static final List<Map.Entry<String, String>> GENERIC = List.of(
            Map.entry("综合改革示范区", "Comprehensive Reform Demonstration Zone"),
            Map.entry("一体化经济区", "Integration Economic Zone"),
            Map.entry("城市群", "City Cluster"),
            Map.entry("城镇圈", "Urban Circle"),
            Map.entry("城市核", "Urban Core"),
            Map.entry("市", "City"),
            Map.entry("县", "County"),
            Map.entry("区", "District"));

    /**
     * Characters read differently in these place names than pinyin4j's first reading gives (a dictionary
     * lists 长 as chang before zhang; 长子县 is Zhangzi). Checked against every name the plan's layers hold.
     */
    private static final Map<String, String> READINGS = Map.of(
            "长子", "zhangzi", "长治", "changzhi", "洪洞", "hongtong", "繁峙", "fanshi", "屯留", "tunliu", "隰", "xi",
            "尧都", "yaodu");

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_U_UNICODE);
    }

    private PlaceNamesInEnglish() {
    }

    /**
     * The English form as a map label: without City, County or District, which the label's size and colour
     * already say (Xiaoyi; Jinnan Urban Circle keeps its kind, which does not).
     */
    public static String label(String name) {
        return of(name).replaceFirst(" (City|County|District)$", "");
    }

    public static String of(String name) {
        for (Map.Entry<String, String> generic : GENERIC) {
            // 城区, 矿区, 郊区: a one-character district keeps its 区 in the name (Chengqu District).
            if (name.endsWith(generic.getKey()) && name.length() > generic.getKey().length()
                    && !(generic.getKey().equals("区") && name.length() == 2)) {
                return words(name.substring(0, name.length() - generic.getKey().length())) + " " + generic.getValue();
            }
        }
        if (name.length() == 2 && name.endsWith("区")) {
            return capitalise(syllables(name)) + " District";
        }
        return String.join("-", name.codePoints().mapToObj(Character::toString).map(c -> capitalise(syllables(c))).toList());
    }

    /** Up to three characters are one word (Jiancaoping); longer ones are words of two (Shanxi Zhongbu). */
    private static String words(String proper) {
        if (proper.length() <= 3) {
            return capitalise(syllables(proper));
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < proper.length(); i += 2) {
            out.append(out.isEmpty() ? "" : " ").append(capitalise(syllables(proper.substring(i, Math.min(i + 2, proper.length())))));
        }
        return out.toString();
    }

    private static String syllables(String chinese) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < chinese.length()) {
            String two = i + 2 <= chinese.length() ? chinese.substring(i, i + 2) : null;
            if (two != null && READINGS.containsKey(two)) {
                out.append(READINGS.get(two));
                i += 2;
                continue;
            }
            String one = chinese.substring(i, i + 1);
            out.append(READINGS.getOrDefault(one, reading(chinese.charAt(i))));
            i++;
        }
        return out.toString();
    }

    private static String reading(char c) {
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            return readings == null || readings.length == 0 ? String.valueOf(c) : readings[0];
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }

    private static String capitalise(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}

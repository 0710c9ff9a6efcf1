package org.planmap.plan;

/** Chinese numerals as the seeds use them for chapters, parts and tasks: 一 to 九十九. */
final class ChineseNumerals {

    private static final String DIGITS = "一二三四五六七八九";

    private ChineseNumerals() {
    }

    /** "五" is 5, "十" 10, "十二" 12, "二十" 20, "二十三" 23. */
    static int parse(String numeral) {
        int ten = numeral.indexOf('十');
        if (ten < 0) {
            return digit(numeral);
        }
        int tens = ten == 0 ? 1 : digit(numeral.substring(0, ten));
        int units = ten == numeral.length() - 1 ? 0 : digit(numeral.substring(ten + 1));
        return tens * 10 + units;
    }

    private static int digit(String s) {
        int d = s.length() == 1 ? DIGITS.indexOf(s.charAt(0)) : -1;
        if (d < 0) {
            throw new IllegalArgumentException("not a Chinese numeral: " + s);
        }
        return d + 1;
    }
}

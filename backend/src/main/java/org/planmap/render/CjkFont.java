package org.planmap.render;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;

/**
 * The font map images letter Chinese names in. Java2D's logical fonts draw empty boxes for Chinese unless
 * the system maps them to a CJK font, so planmap asks for Noto Sans CJK SC by family name (Debian's
 * {@code fonts-noto-cjk}, the same family app.css asks the browser for) and only falls back to the logical
 * sans-serif, which on most systems with any CJK font installed can still draw Chinese.
 */
public final class CjkFont {

    public static final String PREFERRED = "Noto Sans CJK SC";
    /** A sample a planner's map always needs: if this cannot be drawn, labels would be boxes. */
    public static final String SAMPLE = "山西省孝义市";

    private static final String FAMILY = pick();

    private CjkFont() {
    }

    public static String family() {
        return FAMILY;
    }

    /** True when the chosen family draws Chinese (false means labels would come out as boxes). */
    public static boolean drawsChinese() {
        return new Font(FAMILY, Font.PLAIN, 12).canDisplayUpTo(SAMPLE) == -1;
    }

    public static Font font(float size, boolean bold, boolean italic) {
        return new Font(FAMILY, (bold ? Font.BOLD : 0) | (italic ? Font.ITALIC : 0), 1).deriveFont(size);
    }

    private static String pick() {
        String[] families = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
        return Arrays.asList(families).contains(PREFERRED) ? PREFERRED : Font.SANS_SERIF;
    }
}

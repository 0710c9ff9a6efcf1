package org.planmap.encode.shapefile;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;

/**
 * Text fitted into a DBF byte budget in a given charset: characters the charset cannot represent (in GBK,
 * e.g. emoji or rare CJK Extension B characters) become {@code ?}, and text longer than the budget is cut
 * after the last whole character that fits, never inside a multi-byte GBK or UTF-8 sequence.
 */
record DbfText(String text, int bytes, boolean truncated, int replaced) {

    static final char REPLACEMENT = '?';

    static DbfText fit(String s, Charset charset, int maxBytes) {
        CharsetEncoder encoder = charset.newEncoder();
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        int replaced = 0;
        boolean truncated = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            i += ch.length();
            if (!encoder.canEncode(ch)) {
                ch = String.valueOf(REPLACEMENT);
                replaced++;
            }
            int n = ch.getBytes(charset).length;
            if (bytes + n > maxBytes) {
                truncated = true;
                break;
            }
            out.append(ch);
            bytes += n;
        }
        return new DbfText(out.toString(), bytes, truncated, replaced);
    }

    /** Just the text of {@link #fit}. */
    static String cut(String s, Charset charset, int maxBytes) {
        return fit(s, charset, maxBytes).text();
    }
}

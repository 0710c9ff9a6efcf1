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
        // Almost every value fits whole and is representable: one encoding of the string settles it, where the
        // character-by-character walk below cost a String and an encoding per character of 500 000 rows.
        if (s.length() <= maxBytes && encoder.canEncode(s)) {
            int whole = s.getBytes(charset).length;
            if (whole <= maxBytes) {
                return new DbfText(s, whole, false, 0);
            }
        }
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

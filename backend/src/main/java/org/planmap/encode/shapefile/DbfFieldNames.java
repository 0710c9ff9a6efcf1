package org.planmap.encode.shapefile;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * DBF field names for property names, which may be longer than the 10 bytes a DBF field name holds
 * ({@code tierPopulation}) or Chinese (2 bytes a character in GBK, 3 in UTF-8). The rule, deterministic and
 * written down in README so a planner can predict it:
 * <ol>
 * <li>characters other than letters, digits and {@code _} become {@code _};</li>
 * <li>a name longer than 10 bytes in the file's charset is cut to 10 bytes at a character boundary
 *     ({@code tierPopulation} → {@code tierPopula});</li>
 * <li>a name equal, ignoring case, to an earlier one (readers compare DBF names without case) gets
 *     {@code _2}, {@code _3}, … in place of its last characters, still within 10 bytes
 *     ({@code tierPopula} again → {@code tierPopu_2}).</li>
 * </ol>
 * Names are taken in field order, so the same layer always gives the same names. The zip carries the
 * mapping as {@code 字段对照.csv}.
 */
final class DbfFieldNames {

    static final int MAX_BYTES = 10;

    private DbfFieldNames() {
    }

    static List<String> assign(List<String> propertyNames, Charset charset) {
        List<String> names = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (String property : propertyNames) {
            String base = DbfText.cut(clean(property), charset, MAX_BYTES);
            String name = base;
            for (int n = 2; taken.contains(key(name)); n++) {
                String suffix = "_" + n;
                name = DbfText.cut(base, charset, MAX_BYTES - suffix.length()) + suffix;
            }
            taken.add(key(name));
            names.add(name);
        }
        return names;
    }

    private static String clean(String property) {
        String c = property.codePoints()
                .map(cp -> Character.isLetterOrDigit(cp) || cp == '_' ? cp : '_')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return c.isEmpty() ? "field" : c;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}

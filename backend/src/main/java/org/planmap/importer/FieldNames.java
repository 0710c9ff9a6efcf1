package org.planmap.importer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.planmap.store.Field;

/**
 * The attribute names both stores can hold, checked before anything is written. Refused, each with a 400 naming
 * the field: an empty name; one the store uses itself ({@code fid}, {@code geom}, {@code planmap_id}); two names
 * that differ only in case (SQLite and PostgreSQL identifiers compare so); a name over 63 bytes (PostgreSQL's
 * limit, which would silently cut it); control characters (invisible in every tool that shows the name); and more
 * than {@link #MAX_FIELDS} fields. Anything else, quotes and SQL comment marks included, is a name like any other:
 * every statement quotes it ({@code JdbcColumns.quote}).
 */
public final class FieldNames {

    public static final int MAX_FIELDS = 1000;
    static final int MAX_BYTES = 63;
    static final String CODE = "field-name-refused";
    private static final Set<String> RESERVED = Set.of("fid", "geom", "planmap_id");

    private FieldNames() {
    }

    public static void check(List<Field> fields) {
        if (fields.size() > MAX_FIELDS) {
            throw new ImportException(CODE, "属性字段过多：" + fields.size() + " 个（最多 " + MAX_FIELDS + " 个）",
                    "too many attribute fields: " + fields.size() + " (at most " + MAX_FIELDS + ")");
        }
        Map<String, String> seen = new HashMap<>();
        for (Field f : fields) {
            String name = f.name() == null ? "" : f.name();
            String folded = name.toLowerCase(Locale.ROOT);
            if (name.isBlank()) {
                throw refused(name, "字段名为空", "the name is empty");
            }
            if (RESERVED.contains(folded)) {
                throw refused(name, "为系统保留字段名（fid、geom、planmap_id）", "is reserved (fid, geom, planmap_id)");
            }
            if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
                throw refused(name, "过长（最多 " + MAX_BYTES + " 字节）", "is too long (at most " + MAX_BYTES + " bytes)");
            }
            if (name.chars().anyMatch(Character::isISOControl)) {
                throw refused(name, "含有控制字符", "holds a control character");
            }
            String other = seen.putIfAbsent(folded, name);
            if (other != null) {
                throw refused(name, "与字段“" + other + "”仅大小写不同", "differs from “" + other + "” only in case");
            }
        }
    }

    private static ImportException refused(String name, String zh, String en) {
        String shown = name.length() > 80 ? name.substring(0, 80) + "…" : name;
        return new ImportException(CODE, "字段名“" + shown + "”" + zh + "，请在源文件中改名后重新导入",
                "field name “" + shown + "” " + en + "; rename it in the source file and import again");
    }
}

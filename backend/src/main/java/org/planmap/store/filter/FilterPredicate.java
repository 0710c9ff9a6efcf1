package org.planmap.store.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.planmap.store.Feature;

/**
 * A {@link Filter} evaluated on features in memory (the resident layers), answering as the stores' SQL does: SQL's
 * three-valued logic (a predicate over a null property is unknown, and a feature is kept only when its filter is
 * true), strings ordered by code point (SQLite's BINARY, PostgreSQL's "C"), numbers by value whatever their type,
 * LIKE case-sensitive and S_INTERSECTS through a prepared geometry.
 */
public final class FilterPredicate implements Predicate<Feature> {

    private final Node root;

    private FilterPredicate(Filter filter) {
        this.root = node(filter);
    }

    /** Prepares {@code filter} once (patterns compiled, geometries prepared) for many features. */
    public static Predicate<Feature> of(Filter filter) {
        return filter == null ? f -> true : new FilterPredicate(filter);
    }

    @Override
    public boolean test(Feature feature) {
        return Boolean.TRUE.equals(root.eval(feature));
    }

    /** True, false or null for unknown. */
    private interface Node {
        Boolean eval(Feature f);
    }

    private static Node node(Filter filter) {
        if (filter instanceof Filter.And a) {
            return decidedBy(false, nodes(a.parts()));
        }
        if (filter instanceof Filter.Or o) {
            return decidedBy(true, nodes(o.parts()));
        }
        if (filter instanceof Filter.Not n) {
            Node inner = node(n.filter());
            return f -> {
                Boolean v = inner.eval(f);
                return v == null ? null : !v;
            };
        }
        if (filter instanceof Filter.Compare c) {
            return f -> {
                Object v = f.properties().get(c.property());
                if (v == null) {
                    return null;
                }
                int order = compare(v, c.value());
                return switch (c.op()) {
                    case EQ -> order == 0;
                    case NE -> order != 0;
                    case LT -> order < 0;
                    case LE -> order <= 0;
                    case GT -> order > 0;
                    case GE -> order >= 0;
                };
            };
        }
        if (filter instanceof Filter.Like l) {
            Pattern pattern = regex(l.pattern());
            return f -> {
                Object v = f.properties().get(l.property());
                return v == null ? null : pattern.matcher(v.toString()).matches();
            };
        }
        if (filter instanceof Filter.In in) {
            return f -> {
                Object v = f.properties().get(in.property());
                return v == null ? null : in.values().stream().anyMatch(x -> compare(v, x) == 0);
            };
        }
        if (filter instanceof Filter.Between b) {
            return f -> {
                Object v = f.properties().get(b.property());
                return v == null ? null : compare(v, b.low()) >= 0 && compare(v, b.high()) <= 0;
            };
        }
        if (filter instanceof Filter.IsNull n) {
            return f -> f.properties().get(n.property()) == null;
        }
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(((Filter.Intersects) filter).geometry());
        return f -> {
            Geometry g = f.geometry();
            return g != null && !g.isEmpty() && prepared.intersects(g);
        };
    }

    /**
     * AND ({@code decisive} false) or OR (true) in three-valued logic: one part that is {@code decisive} decides;
     * else unknown if any part is unknown.
     */
    private static Node decidedBy(boolean decisive, List<Node> parts) {
        return f -> {
            Boolean result = !decisive;
            for (Node p : parts) {
                Boolean v = p.eval(f);
                if (v != null && v == decisive) {
                    return decisive;
                }
                result = v == null ? null : result;
            }
            return result;
        };
    }

    private static List<Node> nodes(List<Filter> filters) {
        List<Node> out = new ArrayList<>();
        filters.forEach(x -> out.add(node(x)));
        return out;
    }

    /** Values of one kind (a checked filter never compares a text property with a number). */
    private static int compare(Object value, Object literal) {
        if (value instanceof Number a && literal instanceof Number b) {
            return a instanceof Long x && b instanceof Long y ? Long.compare(x, y)
                    : Double.compare(a.doubleValue(), b.doubleValue());
        }
        if (value instanceof Boolean a && literal instanceof Boolean b) {
            return Boolean.compare(a, b);
        }
        return codePointOrder(value.toString(), literal.toString());
    }

    private static int codePointOrder(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** The CQL2 LIKE pattern as a Java regex matching the whole value. */
    static Pattern regex(String like) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                re.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}

package org.planmap.store.filter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Geometry;
import org.planmap.store.Field;

/**
 * A {@link Filter} as an SQL condition and its parameters: every value is bound, never written into the SQL, and
 * every column is quoted by the store's {@link Dialect}. Both stores use it, each with its own dialect for what
 * SQLite and PostgreSQL say differently (LIKE, string order, the spatial test).
 *
 * @param params Strings, Longs, Doubles, Booleans and byte arrays (WKB), in the order of the SQL's {@code ?}
 */
public record SqlWhere(String sql, List<Object> params) {

    public SqlWhere {
        params = Collections.unmodifiableList(new ArrayList<>(params));   // byte arrays are allowed; nulls are not made
    }

    /** What one store's SQL says its own way. Methods that take {@code params} add the values they bind to it. */
    public interface Dialect {

        /** The quoted column of {@code field}; {@code ordered} when it is compared by order ({@code <}, BETWEEN). */
        String column(Field field, boolean ordered);

        /** {@code column} matches the CQL2 LIKE {@code pattern}: case-sensitive, {@code %}, {@code _}, {@code \}. */
        String like(String column, String pattern, List<Object> params);

        /** The feature's geometry (false when it has none) intersects {@code geometry}, in longitude/latitude. */
        String intersects(Geometry geometry, List<Object> params);
    }

    /** {@code filter} (already {@link Queryables#check checked} against {@code fields}) in {@code dialect}. */
    public static SqlWhere of(Filter filter, List<Field> fields, Dialect dialect) {
        List<Object> params = new ArrayList<>();
        String sql = new Translation(fields, dialect, params).sql(filter);
        return new SqlWhere(sql, params);
    }

    private record Translation(List<Field> fields, Dialect dialect, List<Object> params) {

        String sql(Filter filter) {
            if (filter instanceof Filter.And a) {
                return a.parts().stream().map(this::sql).collect(Collectors.joining(" AND ", "(", ")"));
            }
            if (filter instanceof Filter.Or o) {
                return o.parts().stream().map(this::sql).collect(Collectors.joining(" OR ", "(", ")"));
            }
            if (filter instanceof Filter.Not n) {
                return "(NOT " + sql(n.filter()) + ")";
            }
            if (filter instanceof Filter.Compare c) {
                boolean ordered = c.op() != Filter.Op.EQ && c.op() != Filter.Op.NE;
                params.add(c.value());
                return "(" + column(c.property(), ordered) + " " + c.op().sql + " ?)";
            }
            if (filter instanceof Filter.Like l) {
                return "(" + dialect.like(column(l.property(), false), l.pattern(), params) + ")";
            }
            if (filter instanceof Filter.In i) {
                params.addAll(i.values());
                return "(" + column(i.property(), false) + " IN (" + String.join(", ", Collections.nCopies(i.values().size(), "?"))
                        + "))";
            }
            if (filter instanceof Filter.Between b) {
                params.add(b.low());
                params.add(b.high());
                return "(" + column(b.property(), true) + " BETWEEN ? AND ?)";
            }
            if (filter instanceof Filter.IsNull n) {
                return "(" + column(n.property(), false) + " IS NULL)";
            }
            return "(" + dialect.intersects(((Filter.Intersects) filter).geometry(), params) + ")";
        }

        private String column(String property, boolean ordered) {
            Field field = fields.stream().filter(f -> f.name().equals(property)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("unchecked filter names " + property));
            return dialect.column(field, ordered);
        }
    }
}

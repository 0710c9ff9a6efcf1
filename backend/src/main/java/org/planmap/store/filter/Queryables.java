package org.planmap.store.filter;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.planmap.store.Field;

/**
 * What a filter may name: the layer's fields of a scalar type (text, integer, real, boolean) and its geometry as
 * {@value Filter#GEOMETRY}. Lists and maps (JSON fields) are not queryable: CQL2's array functions are not offered.
 * A filter is checked against them before any store sees it, so an unknown property or a value of the wrong type
 * is a 400 naming it instead of an SQL error or an empty answer.
 */
public final class Queryables {

    private Queryables() {
    }

    /** The fields a filter may name, in the layer's order. */
    public static List<Field> of(List<Field> fields) {
        return fields.stream().filter(f -> f.type() != Field.Type.JSON).toList();
    }

    static void requireGeometry(String property) {
        if (!property.equals(Filter.GEOMETRY)) {
            throw new FilterException("空间条件的属性应为 " + Filter.GEOMETRY + "，而非 " + property,
                    "the property of a spatial condition is " + Filter.GEOMETRY + ", not " + property);
        }
    }

    /** Throws a {@link FilterException} at the first property or value {@code fields} cannot answer. */
    public static void check(Filter filter, List<Field> fields) {
        if (filter instanceof Filter.And a) {
            a.parts().forEach(p -> check(p, fields));
        } else if (filter instanceof Filter.Or o) {
            o.parts().forEach(p -> check(p, fields));
        } else if (filter instanceof Filter.Not n) {
            check(n.filter(), fields);
        } else if (filter instanceof Filter.Compare c) {
            Field f = field(c.property(), fields);
            value(f, c.value());
            if (f.type() == Field.Type.BOOLEAN && c.op() != Filter.Op.EQ && c.op() != Filter.Op.NE) {
                throw new FilterException("布尔属性 " + f.name() + " 只能用 = 或 <> 比较",
                        "the boolean property " + f.name() + " compares only with = or <>");
            }
        } else if (filter instanceof Filter.Like l) {
            Field f = field(l.property(), fields);
            if (f.type() != Field.Type.STRING) {
                throw new FilterException("LIKE 只用于文字属性，" + f.name() + " 不是",
                        "LIKE applies to text properties; " + f.name() + " is not one");
            }
            if (l.pattern().replaceAll("\\\\\\\\", "").endsWith("\\")) {
                throw new FilterException("LIKE 模式不能以单个转义符 \\ 结尾", "a LIKE pattern cannot end with a lone escape \\");
            }
        } else if (filter instanceof Filter.In i) {
            Field f = field(i.property(), fields);
            i.values().forEach(v -> value(f, v));
        } else if (filter instanceof Filter.Between b) {
            Field f = field(b.property(), fields);
            if (f.type() == Field.Type.BOOLEAN) {
                throw new FilterException("BETWEEN 不用于布尔属性 " + f.name(),
                        "BETWEEN does not apply to the boolean property " + f.name());
            }
            value(f, b.low());
            value(f, b.high());
        } else if (filter instanceof Filter.IsNull n) {
            field(n.property(), fields);
        }
        // Intersects: its property was checked to be the geometry when parsed, and every layer has one
    }

    private static Field field(String name, List<Field> fields) {
        Optional<Field> found = of(fields).stream().filter(f -> f.name().equals(name)).findFirst();
        if (found.isPresent()) {
            return found.get();
        }
        String known = of(fields).stream().map(Field::name).collect(Collectors.joining(", "));
        if (name.equals(Filter.GEOMETRY)) {
            throw new FilterException("属性 geometry 只能用于 S_INTERSECTS", "the property geometry is only for S_INTERSECTS");
        }
        throw new FilterException("图层没有可查询的属性 " + name + "；可查询的属性：" + known,
                "the layer has no queryable property " + name + "; its queryables are " + known);
    }

    private static void value(Field f, Object v) {
        boolean fits = switch (f.type()) {
            case STRING -> v instanceof String;
            case INTEGER, REAL -> v instanceof Number;
            case BOOLEAN -> v instanceof Boolean;
            case JSON -> false;
        };
        if (!fits) {
            String type = switch (f.type()) {
                case STRING -> "文字 / text";
                case INTEGER, REAL -> "数 / a number";
                case BOOLEAN -> "布尔值 / a boolean";
                case JSON -> "JSON";
            };
            String[] t = type.split(" / ");
            throw new FilterException("属性 " + f.name() + " 应与" + t[0] + "比较，而非 " + v,
                    "the property " + f.name() + " compares with " + t[1] + ", not " + v);
        }
    }
}

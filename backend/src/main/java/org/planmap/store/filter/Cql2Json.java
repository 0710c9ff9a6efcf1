package org.planmap.store.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.planmap.JsonSyntax;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON encoding of CQL2 ({@code filter-lang=cql2-json}, OGC 21-065 annex B) into the same
 * {@link Filter} as {@link Cql2Text}: {@code {"op": "=", "args": [{"property": "tier"}, "I型小城市"]}}, with
 * {@code and}, {@code or}, {@code not}, the comparisons, {@code like}, {@code in} (its values a JSON array),
 * {@code between}, {@code isNull} and {@code s_intersects} (a GeoJSON geometry or {@code {"bbox": [...]}}).
 */
public final class Cql2Json {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    private Cql2Json() {
    }

    public static Filter parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            JsonSyntax fault = JsonSyntax.of(e);
            throw new FilterException("不是有效的 JSON（" + fault.zh() + "）", "not valid JSON (" + fault.en() + ")");
        }
        return predicate(root);
    }

    private static Filter predicate(JsonNode n) {
        if (!n.isObject() || !n.path("op").isString() || !n.path("args").isArray()) {
            throw new FilterException("每个条件应为 {\"op\": …, \"args\": […]}，而非 " + brief(n),
                    "each condition is {\"op\": …, \"args\": […]}, not " + brief(n));
        }
        String op = n.get("op").asString();
        JsonNode args = n.get("args");
        return switch (op.toLowerCase(Locale.ROOT)) {
            case "and", "or" -> {
                List<Filter> parts = new ArrayList<>();
                args.forEach(a -> parts.add(predicate(a)));
                if (parts.size() < 2) {
                    throw new FilterException(op + " 至少要两个条件", op + " takes at least two conditions");
                }
                yield op.equalsIgnoreCase("and") ? new Filter.And(parts) : new Filter.Or(parts);
            }
            case "not" -> new Filter.Not(predicate(arity(op, args, 1).get(0)));
            case "=", "<>", "<", "<=", ">", ">=" -> comparison(op, arity(op, args, 2));
            case "like" -> {
                List<JsonNode> a = arity(op, args, 2);
                if (!(literal(op, a.get(1)) instanceof String pattern)) {
                    throw new FilterException("like 的模式应为字符串", "the pattern of like must be a string");
                }
                yield new Filter.Like(property(op, a.get(0)), pattern);
            }
            case "between" -> {
                List<JsonNode> a = arity(op, args, 3);
                yield new Filter.Between(property(op, a.get(0)), literal(op, a.get(1)), literal(op, a.get(2)));
            }
            case "in" -> {
                List<JsonNode> a = arity(op, args, 2);
                if (!a.get(1).isArray() || a.get(1).isEmpty()) {
                    throw new FilterException("in 的第二个参数应为非空数组", "the second argument of in is a non-empty array");
                }
                List<Object> values = new ArrayList<>();
                a.get(1).forEach(v -> values.add(literal(op, v)));
                yield new Filter.In(property(op, a.get(0)), values);
            }
            case "isnull" -> new Filter.IsNull(property(op, arity(op, args, 1).get(0)));
            case "s_intersects" -> intersects(arity(op, args, 2));
            default -> throw new FilterException("不支持运算 " + op, "the operation " + op + " is not supported");
        };
    }

    private static Filter comparison(String op, List<JsonNode> a) {
        Filter.Op o = Filter.Op.of(op);
        if (a.get(0).has("property") && !a.get(1).has("property")) {
            return new Filter.Compare(property(op, a.get(0)), o, literal(op, a.get(1)));
        }
        if (a.get(1).has("property") && !a.get(0).has("property")) {
            return new Filter.Compare(property(op, a.get(1)), o.swapped(), literal(op, a.get(0)));
        }
        throw new FilterException("比较的一边应为属性、另一边应为值", "a comparison takes a property on one side and a value on the other");
    }

    private static Filter intersects(List<JsonNode> a) {
        JsonNode property = a.get(0).has("property") ? a.get(0) : a.get(1);
        JsonNode geometry = property == a.get(0) ? a.get(1) : a.get(0);
        Queryables.requireGeometry(property("s_intersects", property));
        return new Filter.Intersects(geometry(geometry));
    }

    private static Geometry geometry(JsonNode n) {
        if (n.has("bbox") && n.get("bbox").isArray() && (n.get("bbox").size() == 4 || n.get("bbox").size() == 6)) {
            JsonNode b = n.get("bbox");
            int upper = b.size() / 2;
            return GEOMETRIES.toGeometry(new Envelope(b.get(0).asDouble(), b.get(upper).asDouble(), b.get(1).asDouble(),
                    b.get(upper + 1).asDouble()));
        }
        try {
            if (n.isObject() && n.has("type") && n.has("coordinates") || n.path("type").asString("").equals("GeometryCollection")) {
                return new GeoJsonReader(GEOMETRIES).read(n.toString());
            }
        } catch (ParseException | RuntimeException e) {
            throw new FilterException("图形不是有效的 GeoJSON（" + e.getMessage() + "）",
                    "the geometry is not valid GeoJSON (" + e.getMessage() + ")");
        }
        throw new FilterException("s_intersects 应比较属性 geometry 与一个 GeoJSON 图形或 {\"bbox\": […]}",
                "s_intersects compares the property geometry with a GeoJSON geometry or {\"bbox\": […]}");
    }

    private static List<JsonNode> arity(String op, JsonNode args, int n) {
        if (args.size() != n) {
            throw new FilterException(op + " 应有 " + n + " 个参数，而非 " + args.size(),
                    op + " takes " + n + " arguments, not " + args.size());
        }
        List<JsonNode> out = new ArrayList<>();
        args.forEach(out::add);
        return out;
    }

    private static String property(String op, JsonNode n) {
        if (n.isObject() && n.path("property").isString()) {
            return n.get("property").asString();
        }
        throw new FilterException(op + " 的此参数应为属性 {\"property\": …}，而非 " + brief(n),
                "this argument of " + op + " is a property {\"property\": …}, not " + brief(n));
    }

    private static Object literal(String op, JsonNode n) {
        if (n.isString()) {
            return n.asString();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            return n.asLong();
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        throw new FilterException(op + " 的此参数应为字符串、数或布尔值，而非 " + brief(n),
                "this argument of " + op + " is a string, number or boolean, not " + brief(n));
    }

    private static String brief(JsonNode n) {
        String s = n.toString();
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}

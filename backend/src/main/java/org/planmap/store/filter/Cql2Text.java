package org.planmap.store.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Reads the text encoding of CQL2 ({@code filter-lang=cql2-text}, OGC 21-065 annex A) into a {@link Filter}:
 * a recursive-descent parser over the part of the grammar planmap answers. No CQL2 parser is on Maven Central
 * (GeoTools' is only in its own repository), and this part is small.
 *
 * <p>Keywords are case-insensitive; properties are plain identifiers or in double quotes; strings in single
 * quotes, a quote inside doubled ({@code ''}); geometries are WKT (POINT … GEOMETRYCOLLECTION, read by JTS) or
 * {@code BBOX(minx, miny, maxx, maxy)}. Whatever else CQL2 has (temporal and array functions, CASEI, arithmetic,
 * comparing two properties) is refused with the name of what was found and where.
 */
public final class Cql2Text {

    private static final Set<String> WKT = Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING",
            "MULTIPOLYGON", "GEOMETRYCOLLECTION");
    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "NULL");
    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    private final String text;
    private int pos;

    private Cql2Text(String text) {
        this.text = text;
    }

    public static Filter parse(String text) {
        Cql2Text parser = new Cql2Text(text);
        Filter filter = parser.orExpression();
        parser.skipSpace();
        if (parser.pos < text.length()) {
            throw parser.fault("条件已完整，后面不应再有内容", "the condition is complete; nothing may follow it");
        }
        return filter;
    }

    /** A property or a literal: one side of a comparison. */
    private sealed interface Operand {
    }

    private record Property(String name) implements Operand {
    }

    private record Literal(Object value) implements Operand {
    }

    private Filter orExpression() {
        List<Filter> parts = new ArrayList<>(List.of(andExpression()));
        while (keyword("OR")) {
            parts.add(andExpression());
        }
        return parts.size() == 1 ? parts.get(0) : new Filter.Or(parts);
    }

    private Filter andExpression() {
        List<Filter> parts = new ArrayList<>(List.of(factor()));
        while (keyword("AND")) {
            parts.add(factor());
        }
        return parts.size() == 1 ? parts.get(0) : new Filter.And(parts);
    }

    private Filter factor() {
        if (keyword("NOT")) {
            return new Filter.Not(factor());
        }
        if (symbol("(")) {
            Filter inner = orExpression();
            expect(")");
            return inner;
        }
        int start = skipSpace();
        String word = peekWord();
        if (word != null && lookingAtCall(word)) {
            String upper = word.toUpperCase(Locale.ROOT);
            if (upper.equals("S_INTERSECTS")) {
                pos += word.length();
                return intersects();
            }
            if (!Set.of("CASEI", "ACCENTI").contains(upper)) {
                pos = start;
                throw fault("不支持函数 " + word + "（空间条件只支持 S_INTERSECTS）",
                        "the function " + word + " is not supported (of the spatial functions only S_INTERSECTS is)");
            }
        }
        return predicate(operand());
    }

    private Filter intersects() {
        expect("(");
        Operand first = spatialOperand();
        expect(",");
        Operand second = spatialOperand();
        expect(")");
        if (first instanceof Literal l && second instanceof Property p) {
            return intersects(p, l);
        }
        if (first instanceof Property p && second instanceof Literal l) {
            return intersects(p, l);
        }
        throw fault("S_INTERSECTS 应比较图形属性 geometry 与一个图形", "S_INTERSECTS compares the property geometry with a geometry");
    }

    private static Filter intersects(Property p, Literal l) {
        Queryables.requireGeometry(p.name());
        return new Filter.Intersects((Geometry) l.value());
    }

    private Operand spatialOperand() {
        skipSpace();
        String word = peekWord();
        if (word != null && WKT.contains(word.toUpperCase(Locale.ROOT))) {
            return new Literal(wkt());
        }
        if (word != null && word.equalsIgnoreCase("BBOX") && lookingAtCall(word)) {
            pos += word.length();
            return new Literal(bbox());
        }
        Operand o = operand();
        if (o instanceof Literal) {
            throw fault("此处应为图形（WKT 或 BBOX）或属性 geometry", "expected a geometry (WKT or BBOX) or the property geometry");
        }
        return o;
    }

    /** The WKT from here to its balanced closing parenthesis, read by JTS. */
    private Geometry wkt() {
        int start = pos;
        int depth = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                break;
            }
        }
        if (depth != 0) {
            pos = start;
            throw fault("图形的括号不成对", "the geometry's parentheses do not match");
        }
        try {
            return new WKTReader(GEOMETRIES).read(text.substring(start, pos));
        } catch (ParseException | IllegalArgumentException e) {
            pos = start;
            throw fault("图形不是有效的 WKT（" + e.getMessage() + "）", "the geometry is not valid WKT (" + e.getMessage() + ")");
        }
    }

    private Geometry bbox() {
        expect("(");
        List<Double> v = new ArrayList<>();
        do {
            if (!(operand() instanceof Literal l && l.value() instanceof Number n)) {
                throw fault("BBOX 应为 4 个数", "BBOX takes 4 numbers");
            }
            v.add(n.doubleValue());
        } while (symbol(","));
        expect(")");
        if (v.size() != 4 && v.size() != 6) {
            throw fault("BBOX 应为 4 个（或 6 个）数", "BBOX takes 4 (or 6) numbers");
        }
        int upper = v.size() / 2;
        return GEOMETRIES.toGeometry(new Envelope(v.get(0), v.get(upper), v.get(1), v.get(upper + 1)));
    }

    private Filter predicate(Operand left) {
        if (keyword("IS")) {
            boolean not = keyword("NOT");
            if (!keyword("NULL")) {
                throw fault("IS 后应为 NULL 或 NOT NULL", "IS is followed by NULL or NOT NULL");
            }
            Filter f = new Filter.IsNull(property(left, "IS NULL"));
            return not ? new Filter.Not(f) : f;
        }
        boolean not = keyword("NOT");
        Filter f;
        if (keyword("LIKE")) {
            if (!(operand() instanceof Literal l && l.value() instanceof String pattern)) {
                throw fault("LIKE 后应为字符串模式（如 '孝%'）", "LIKE is followed by a string pattern (such as '孝%')");
            }
            f = new Filter.Like(property(left, "LIKE"), pattern);
        } else if (keyword("BETWEEN")) {
            Object low = literal(operand(), "BETWEEN");
            if (!keyword("AND")) {
                throw fault("BETWEEN 的两端之间应为 AND", "BETWEEN takes AND between its bounds");
            }
            f = new Filter.Between(property(left, "BETWEEN"), low, literal(operand(), "BETWEEN"));
        } else if (keyword("IN")) {
            expect("(");
            List<Object> values = new ArrayList<>();
            do {
                values.add(literal(operand(), "IN"));
            } while (symbol(","));
            expect(")");
            f = new Filter.In(property(left, "IN"), values);
        } else if (not) {
            throw fault("NOT 后应为 LIKE、BETWEEN 或 IN", "NOT here is followed by LIKE, BETWEEN or IN");
        } else {
            f = comparison(left);
        }
        return not ? new Filter.Not(f) : f;
    }

    private Filter comparison(Operand left) {
        skipSpace();
        Filter.Op op = null;
        for (String s : List.of("<>", "<=", ">=", "=", "<", ">")) {
            if (text.startsWith(s, pos)) {
                pos += s.length();
                op = Filter.Op.of(s);
                break;
            }
        }
        if (op == null) {
            throw fault("应为比较运算符（=、<>、<、<=、>、>=）或 LIKE、BETWEEN、IN、IS NULL",
                    "expected a comparison (=, <>, <, <=, >, >=) or LIKE, BETWEEN, IN, IS NULL");
        }
        Operand right = operand();
        if (left instanceof Property p && right instanceof Literal l) {
            return new Filter.Compare(p.name(), op, l.value());
        }
        if (left instanceof Literal l && right instanceof Property p) {
            return new Filter.Compare(p.name(), op.swapped(), l.value());
        }
        throw fault("比较的一边应为属性、另一边应为值（不支持两个属性或两个值相比）",
                "a comparison takes a property on one side and a value on the other (not two properties, not two values)");
    }

    private String property(Operand o, String what) {
        if (o instanceof Property p) {
            return p.name();
        }
        throw fault(what + " 的左边应为属性", "the left of " + what + " must be a property");
    }

    private Object literal(Operand o, String what) {
        if (o instanceof Literal l) {
            return l.value();
        }
        throw fault(what + " 的值应为字面值，而非属性", what + " takes literal values, not properties");
    }

    private Operand operand() {
        int start = skipSpace();
        if (pos >= text.length()) {
            throw fault("条件不完整", "the condition ends too soon");
        }
        char c = text.charAt(pos);
        if (c == '\'') {
            return new Literal(string());
        }
        if (c == '"') {
            return new Property(quotedIdentifier());
        }
        if (Character.isDigit(c) || c == '-' || c == '+' || c == '.') {
            return new Literal(number());
        }
        String word = peekWord();
        if (word == null) {
            throw fault("此处应为属性或值", "expected a property or a value");
        }
        String upper = word.toUpperCase(Locale.ROOT);
        if (lookingAtCall(word)) {
            throw fault(Set.of("DATE", "TIMESTAMP", "INTERVAL").contains(upper)
                    ? "图层没有日期属性，不支持 " + word : "不支持函数 " + word,
                    Set.of("DATE", "TIMESTAMP", "INTERVAL").contains(upper)
                    ? "the layers have no temporal properties; " + word + " is not supported"
                    : "the function " + word + " is not supported");
        }
        if (KEYWORDS.contains(upper)) {
            throw fault("此处应为属性或值，而非 " + word, "expected a property or a value, not " + word);
        }
        pos = start + word.length();
        if (upper.equals("TRUE") || upper.equals("FALSE")) {
            return new Literal(upper.equals("TRUE"));
        }
        return new Property(word);
    }

    private String string() {
        int start = pos++;
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\'' && pos < text.length() && text.charAt(pos) == '\'') {
                out.append('\'');
                pos++;
            } else if (c == '\\' && pos < text.length() && text.charAt(pos) == '\'') {
                out.append('\'');
                pos++;
            } else if (c == '\'') {
                return out.toString();
            } else {
                out.append(c);
            }
        }
        pos = start;
        throw fault("字符串缺少结束的单引号", "a string lacks its closing quote");
    }

    private String quotedIdentifier() {
        int start = pos++;
        int end = text.indexOf('"', pos);
        if (end < 0) {
            pos = start;
            throw fault("属性名缺少结束的双引号", "a quoted property name lacks its closing quote");
        }
        String name = text.substring(pos, end);
        pos = end + 1;
        return name;
    }

    private Object number() {
        int start = pos;
        if (text.charAt(pos) == '-' || text.charAt(pos) == '+') {
            pos++;
            skipSpace();
        }
        int digits = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || ".eE".indexOf(text.charAt(pos)) >= 0
                || (pos > digits && "+-".indexOf(text.charAt(pos)) >= 0 && "eE".indexOf(text.charAt(pos - 1)) >= 0))) {
            pos++;
        }
        String n = (text.charAt(start) == '-' ? "-" : "") + text.substring(digits, pos);
        try {
            return n.matches("-?\\d{1,18}") ? (Object) Long.parseLong(n) : (Object) Double.parseDouble(n);
        } catch (NumberFormatException e) {
            pos = start;
            throw fault("“" + n + "”不是数", "'" + n + "' is not a number");
        }
    }

    /** The identifier starting here (letters of any script, digits, {@code _ . :}), or null. */
    private String peekWord() {
        int end = pos;
        while (end < text.length()) {
            char c = text.charAt(end);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == ':') || end == pos && Character.isDigit(c)) {
                break;
            }
            end++;
        }
        return end == pos ? null : text.substring(pos, end);
    }

    /** Whether {@code word} at the current position is followed by an opening parenthesis: a function call. */
    private boolean lookingAtCall(String word) {
        int p = pos + word.length();
        while (p < text.length() && Character.isWhitespace(text.charAt(p))) {
            p++;
        }
        return p < text.length() && text.charAt(p) == '(';
    }

    private boolean keyword(String keyword) {
        int start = skipSpace();
        String word = peekWord();
        if (word != null && word.equalsIgnoreCase(keyword)) {
            pos += word.length();
            return true;
        }
        pos = start;
        return false;
    }

    private boolean symbol(String s) {
        skipSpace();
        if (text.startsWith(s, pos)) {
            pos += s.length();
            return true;
        }
        return false;
    }

    private void expect(String s) {
        if (!symbol(s)) {
            throw fault("此处应为“" + s + "”", "expected '" + s + "'");
        }
    }

    private int skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    private FilterException fault(String zh, String en) {
        String found = pos >= text.length() ? "结尾" : "“" + excerpt() + "”";
        String foundEn = pos >= text.length() ? "the end" : "'" + excerpt() + "'";
        return new FilterException("第 " + (pos + 1) + " 个字符处（" + found + "）：" + zh,
                "at character " + (pos + 1) + " (" + foundEn + "): " + en);
    }

    private String excerpt() {
        return text.substring(pos, Math.min(text.length(), pos + 20));
    }
}

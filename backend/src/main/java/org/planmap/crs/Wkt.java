package org.planmap.crs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A small reader for WKT1 coordinate system text (OGC 01-009 and ESRI's .prj flavour): nested
 * {@code KEYWORD[arg, …]} (or {@code KEYWORD(…)}) whose arguments are quoted strings, numbers, bare
 * words (e.g. {@code NORTH}) or further nodes. It only builds the tree; {@link PrjReader} interprets it.
 *
 * <p>Written as a tokenizer and recursive descent rather than regexes because .prj text nests to any
 * depth, quotes names that contain brackets and commas, and comes with or without line breaks.
 */
final class Wkt {

    /** One {@code KEYWORD[…]}; args hold {@link String} (quoted), {@link Double}, {@link Word} or {@link Node}. */
    record Node(String keyword, List<Object> args) {

        Optional<Node> child(String kw) {
            return args.stream().filter(a -> a instanceof Node n && n.keyword.equalsIgnoreCase(kw))
                    .map(Node.class::cast).findFirst();
        }

        List<Node> children(String kw) {
            return args.stream().filter(a -> a instanceof Node n && n.keyword.equalsIgnoreCase(kw))
                    .map(Node.class::cast).toList();
        }

        /** The quoted name, the first argument of almost every WKT1 node. */
        String name() {
            return !args.isEmpty() && args.get(0) instanceof String s ? s : "";
        }

        /** The i-th argument as a number; NaN when missing or not a number. */
        double number(int i) {
            return i < args.size() && args.get(i) instanceof Double d ? d : Double.NaN;
        }
    }

    /** An unquoted word argument such as {@code NORTH} in {@code AXIS["Northing",NORTH]}. */
    record Word(String text) {
    }

    private final String s;
    private int pos;

    private Wkt(String s) {
        this.s = s;
    }

    /** Parses one WKT node; the whole text must be that node (trailing whitespace allowed). */
    static Node parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.startsWith("\uFEFF")) {
            t = t.substring(1);   // a byte-order mark that Windows editors leave in .prj files
        }
        Wkt w = new Wkt(t);
        Node root = w.node();
        w.skipSpace();
        if (w.pos != t.length()) {
            throw w.error("text after the end of the WKT");
        }
        return root;
    }

    private Node node() {
        skipSpace();
        String kw = word();
        if (kw.isEmpty()) {
            throw error("a keyword such as PROJCS or GEOGCS");
        }
        skipSpace();
        char open = peek();
        if (open != '[' && open != '(') {
            throw error("'[' after " + kw);
        }
        char close = open == '[' ? ']' : ')';
        pos++;
        List<Object> args = new ArrayList<>();
        skipSpace();
        if (peek() == close) {
            pos++;
            return new Node(kw.toUpperCase(Locale.ROOT), args);
        }
        while (true) {
            args.add(argument());
            skipSpace();
            char c = peek();
            pos++;
            if (c == close) {
                return new Node(kw.toUpperCase(Locale.ROOT), args);
            }
            if (c != ',') {
                pos--;
                throw error("',' or '" + close + "' in " + kw);
            }
        }
    }

    private Object argument() {
        skipSpace();
        char c = peek();
        if (c == '"') {
            return quoted();
        }
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
            return number();
        }
        int start = pos;
        String w = word();
        if (w.isEmpty()) {
            throw error("a value");
        }
        skipSpace();
        if (peek() == '[' || peek() == '(') {
            pos = start;
            return node();
        }
        return new Word(w);
    }

    private String quoted() {
        StringBuilder b = new StringBuilder();
        pos++;
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                if (pos < s.length() && s.charAt(pos) == '"') {   // "" is an escaped quote in WKT
                    b.append('"');
                    pos++;
                } else {
                    return b.toString();
                }
            } else {
                b.append(c);
            }
        }
        throw error("a closing quote");
    }

    private Double number() {
        int start = pos;
        while (pos < s.length() && "+-.eE0123456789".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
        try {
            return Double.valueOf(s.substring(start, pos));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("a number");
        }
    }

    private String word() {
        int start = pos;
        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
            pos++;
        }
        return s.substring(start, pos);
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private CrsException error(String expected) {
        String near = s.substring(Math.max(0, pos - 20), Math.min(s.length(), pos + 20)).replaceAll("\\s+", " ");
        String at = pos >= s.length() ? "at the end" : "at character " + (pos + 1) + " near «" + near + "»";
        String atZh = pos >= s.length() ? "在末尾" : "在第 " + (pos + 1) + " 个字符附近「" + near + "」";
        return new CrsException(CrsException.UNREADABLE,
                "坐标系文件（.prj）不是有效的 WKT：" + atZh + "应为 " + expected,
                "the coordinate system (.prj) is not valid WKT: expected " + expected + " " + at);
    }
}

package org.planmap.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A seed document: the plan text as extracted from its PDF, markdown-ish with pipe tables. It answers
 * the questions the plan tables are checked against: what a 专栏 table says, whether a quote is in the
 * text, and which chapter and section a passage belongs to.
 */
public final class SeedDocument {

    /** Quotes may elide text between verbatim fragments with the Chinese ellipsis, as in print. */
    public static final String ELLIPSIS = "……";

    private static final Pattern CHAPTER = Pattern.compile("^(第[一二三四五六七八九十]+章)\\s+(\\S.*)$");
    private static final Pattern SECTION = Pattern.compile("^(第[一二三四五六七八九十]+节)\\s+(\\S.*)$");
    private static final Pattern SEPARATOR_CELL = Pattern.compile(":?-+:?");

    private final String name;
    private final String text;
    private final List<String> lines;
    /** Where each line starts in {@link #text}. */
    private final int[] lineStarts;
    /**
     * The heading in force at each line, null before the first chapter: found in one pass, because passages ask
     * for the heading of thousands of offsets and scanning from the top each time was most of a start's own work.
     */
    private final SeedHeading[] headings;

    private SeedDocument(String name, String text) {
        this.name = name;
        this.text = text;
        this.lines = List.of(text.split("\n", -1));
        this.lineStarts = new int[lines.size()];
        this.headings = new SeedHeading[lines.size()];
        String chapter = null;
        SeedHeading current = null;
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            lineStarts[i] = start;
            start += lines.get(i).length() + 1;
            String line = lines.get(i).strip();
            Matcher c = CHAPTER.matcher(line);
            Matcher s = SECTION.matcher(line);
            if (c.matches()) {
                chapter = c.group(1);
                current = new SeedHeading(chapter, c.group(2));
            } else if (s.matches() && chapter != null) {
                current = new SeedHeading(chapter + s.group(1), s.group(2));
            }
            headings[i] = current;
        }
    }

    public static SeedDocument of(String name, String text) {
        return new SeedDocument(name, text);
    }

    public static SeedDocument read(Path file) {
        try {
            return of(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    /** A seed packed in the jar under seeds/. */
    public static SeedDocument fromClasspath(String fileName) {
        String resource = "seeds/" + fileName;
        try (InputStream in = SeedDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return of(fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    /**
     * The pipe table of 专栏{@code number}. The title is either a table's header row ("| 专栏 1 … | | |")
     * or a line of its own followed by the table.
     */
    public SeedTable column(int number) {
        Pattern title = Pattern.compile("^\\|?\\s*专栏\\s*" + number + "(?!\\d)");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!title.matcher(line).find()) {
                continue;
            }
            SeedHeading heading = headingOfLine(i);
            if (isPipeRow(line)) {
                return new SeedTable(normaliseSpaces(cells(line).get(0)), pipeRows(i + 1), heading);
            }
            int next = i + 1;
            while (next < lines.size() && lines.get(next).isBlank()) {
                next++;
            }
            List<List<String>> rows = pipeRows(next);
            if (rows.isEmpty()) {
                throw new IllegalArgumentException(name + ": 专栏" + number + " is not a pipe table");
            }
            return new SeedTable(normaliseSpaces(line), rows, heading);
        }
        throw new IllegalArgumentException(name + ": no 专栏" + number);
    }

    /**
     * Where a quote starts, if every fragment between {@link #ELLIPSIS} marks occurs verbatim and in order.
     */
    public OptionalInt findQuote(String quote) {
        int start = -1;
        int from = 0;
        for (String fragment : quote.split(ELLIPSIS, -1)) {
            int at = fragment.isEmpty() ? -1 : text.indexOf(fragment, from);
            if (at < 0) {
                return OptionalInt.empty();
            }
            start = start < 0 ? at : start;
            from = at + fragment.length();
        }
        return OptionalInt.of(start);
    }

    /** The chapter and section the character at {@code offset} falls under. */
    public SeedHeading headingAt(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new StringIndexOutOfBoundsException("offset " + offset + " outside " + name);
        }
        int found = Arrays.binarySearch(lineStarts, offset);
        return headingOfLine(found >= 0 ? found : -found - 2);
    }

    private SeedHeading headingOfLine(int lineIndex) {
        SeedHeading current = headings[lineIndex];
        if (current == null) {
            throw new IllegalArgumentException(name + ": line " + (lineIndex + 1) + " precedes the first chapter");
        }
        return current;
    }

    /** Consecutive pipe rows from {@code start}, without markdown separator rows, cells normalised. */
    private List<List<String>> pipeRows(int start) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = start; i < lines.size() && isPipeRow(lines.get(i).strip()); i++) {
            List<String> cells = cells(lines.get(i).strip());
            if (cells.stream().allMatch(cell -> SEPARATOR_CELL.matcher(cell.strip()).matches())) {
                continue;
            }
            rows.add(cells.stream().map(SeedDocument::normaliseSpaces).toList());
        }
        return rows;
    }

    private static boolean isPipeRow(String line) {
        return line.startsWith("|");
    }

    private static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") && row.length() > 1 ? row.length() - 1 : row.length());
        return List.of(inner.split("\\|", -1));
    }

    /**
     * The whitespace rule for text copied out of a seed. The PDF extraction scatters spaces around Chinese
     * text ("I 型大城市", "2025 年", "km/km ² "); Chinese typesetting has no word spaces, so a run of
     * whitespace is dropped when either neighbour is a non-ASCII character, and otherwise (between two ASCII
     * characters, e.g. "专栏3 2025年") collapsed to one space. Leading and trailing whitespace is removed.
     */
    public static String normaliseSpaces(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!isSpace(text.charAt(i))) {
                out.append(text.charAt(i++));
                continue;
            }
            int end = i;
            while (end < n && isSpace(text.charAt(end))) {
                end++;
            }
            boolean inside = i > 0 && end < n;
            if (inside && text.charAt(i - 1) < 128 && text.charAt(end) < 128) {
                out.append(' ');
            }
            i = end;
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}

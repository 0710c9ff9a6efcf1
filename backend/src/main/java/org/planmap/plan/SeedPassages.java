package org.planmap.plan;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A seed's body as headings and passages in reading order. The document header, and the plan's table of
 * contents, come before the first chapter (the task list: before its first part) and are left out.
 *
 * <p>The seeds are PDF extractions: a page break cuts a paragraph into blocks separated by a blank line, in
 * mid-sentence and even mid-word ("城镇化进" / "程不断加快"). A paragraph block that does not end where a
 * sentence can end is therefore joined with the next paragraph block, unless that block opens a numbered
 * item. A 专栏 is one table passage, whether the seed sets it as a pipe table or as a title line over a list.
 */
public final class SeedPassages {

    /** How a seed marks its structure; the code is the document kind the API shows. */
    public enum Layout {
        /** The provincial plan: "第X章" and "第X节" lines, 专栏 tables. */
        PLAN("plan"),
        /** A task list: markdown headings for the parts "一、", numbered tasks "（一）" running through them. */
        TASK_LIST("task-list");

        private final String code;

        Layout(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }
    }

    private static final Pattern PLAN_HEADING = Pattern.compile("(第[一二三四五六七八九十]+([章节]))\\s+(\\S.*)");
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("#{1,6}\\s+(.*)");
    private static final Pattern PART = Pattern.compile("[一二三四五六七八九十]+、.*");
    private static final Pattern ITEM = Pattern.compile("^[（(]([一二三四五六七八九十]+)[)）]");
    private static final Pattern COLUMN_TITLE = Pattern.compile("^\\|?\\s*专栏\\s*(\\d+)(?!\\d)");
    /** Characters a sentence, and so a paragraph, can end with; ")" because the task list closes with it. */
    private static final String SENTENCE_END = "。：；！？”’）」』》】)";

    private final List<SeedBlock> blocks;

    private SeedPassages(List<SeedBlock> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    public static SeedPassages of(SeedDocument seed, Layout layout) {
        return new SeedPassages(new Parser(seed, layout).parse());
    }

    /** Headings and passages of the body, in order. */
    public List<SeedBlock> blocks() {
        return blocks;
    }

    public List<SeedPassage> passages() {
        return blocks.stream().filter(SeedPassage.class::isInstance).map(SeedPassage.class::cast).toList();
    }

    /** Passage text: whitespace normalised, markdown bold markers dropped (the seed bolds a few run-in titles). */
    static String clean(String raw) {
        return SeedDocument.normaliseSpaces(raw.replace("**", ""));
    }

    /** "(三)" and "（三）" are the same task number; the seed writes both. */
    static String itemLabel(String numeral) {
        return "（" + numeral + "）";
    }

    /** A run of non-blank lines of one kind; a heading is always a run of its own. */
    private record Run(Kind kind, int level, int start, int end, List<String> lines) {
        enum Kind { HEADING, PIPE, TEXT }
    }

    private static final class Parser {

        private final SeedDocument seed;
        private final Layout layout;
        private final String text;
        private final List<SeedBlock> out = new ArrayList<>();
        private String part = "";
        private int nextTask = 1;
        private Run columnTitle;

        Parser(SeedDocument seed, Layout layout) {
            this.seed = seed;
            this.layout = layout;
            this.text = seed.text();
        }

        List<SeedBlock> parse() {
            boolean inBody = false;
            for (Run run : runs()) {
                inBody |= run.kind() == Run.Kind.HEADING && run.level() == 1;
                if (!inBody) {
                    continue;
                }
                switch (run.kind()) {
                    case HEADING -> heading(run);
                    case PIPE -> table(run, columnNumber(columnTitle != null ? columnTitle : run));
                    case TEXT -> text(run);
                }
            }
            if (columnTitle != null) {
                throw new IllegalArgumentException(seed.name() + ": 专栏 title without a table at " + columnTitle.start());
            }
            return out;
        }

        private void heading(Run run) {
            String line = run.lines().get(0);
            Matcher plan = PLAN_HEADING.matcher(line);
            // The plan's headings keep the space after the number, as SeedHeading labels do ("第一章 规划背景").
            String heading = layout == Layout.PLAN && plan.matches()
                    ? plan.group(1) + " " + clean(plan.group(3))
                    : clean(line.replaceFirst("^#+", ""));
            out.add(new SeedBlock.Heading(run.level(), heading, run.start(), run.end()));
            if (layout == Layout.TASK_LIST && run.level() == 1) {
                part = heading;
            }
        }

        private void text(Run run) {
            if (layout == Layout.PLAN && columnTitle == null && run.lines().size() == 1
                    && COLUMN_TITLE.matcher(run.lines().get(0)).find()) {
                columnTitle = run;
                return;
            }
            if (columnTitle != null) {
                // 专栏4 is a title line over a numbered list: one row per item, as 专栏5 sets the same kind of list.
                List<List<String>> rows = run.lines().stream().map(line -> List.of(clean(line))).toList();
                addTable(clean(columnTitle.lines().get(0)), rows, columnTitle.start(), run.end());
                return;
            }
            paragraph(run);
        }

        private void paragraph(Run run) {
            String body = clean(text.substring(run.start(), run.end()));
            Matcher item = ITEM.matcher(body);
            boolean opensItem = item.find();
            if (!opensItem && !out.isEmpty() && out.get(out.size() - 1) instanceof SeedPassage previous
                    && previous.kind() == SeedPassage.Kind.PARAGRAPH && !endsSentence(previous.text())) {
                out.set(out.size() - 1, new SeedPassage(seed.name(), previous.headingPath(),
                        SeedPassage.Kind.PARAGRAPH, clean(text.substring(previous.start(), run.end())), List.of(),
                        previous.start(), run.end()));
                return;
            }
            List<String> path = new ArrayList<>();
            if (layout == Layout.PLAN) {
                path.add(seed.headingAt(run.start()).label());
            } else {
                path.add(part);
                // Tasks are numbered through all parts; a part that restarts at （一） (六、组织实施) lists
                // arrangements, not tasks.
                if (opensItem && ChineseNumerals.parse(item.group(1)) == nextTask) {
                    path.add(itemLabel(item.group(1)));
                    nextTask++;
                }
            }
            out.add(new SeedPassage(seed.name(), path, SeedPassage.Kind.PARAGRAPH, body, List.of(), run.start(),
                    run.end()));
        }

        private void table(Run run, int number) {
            SeedTable table = seed.column(number);
            int start = columnTitle != null ? columnTitle.start() : run.start();
            addTable(table.title(), table.rows(), start, run.end());
        }

        private void addTable(String title, List<List<String>> rows, int start, int end) {
            StringBuilder body = new StringBuilder(title);
            rows.forEach(row -> body.append('\n').append(String.join(" | ", row)));
            out.add(new SeedPassage(seed.name(), List.of(seed.headingAt(start).label(), title),
                    SeedPassage.Kind.TABLE, body.toString(), rows, start, end));
            columnTitle = null;
        }

        private int columnNumber(Run run) {
            Matcher m = COLUMN_TITLE.matcher(run.lines().get(0));
            if (!m.find()) {
                throw new IllegalArgumentException(seed.name() + ": a table without a 专栏 title at " + run.start());
            }
            return Integer.parseInt(m.group(1));
        }

        private static boolean endsSentence(String paragraph) {
            return !paragraph.isEmpty() && SENTENCE_END.indexOf(paragraph.charAt(paragraph.length() - 1)) >= 0;
        }

        private int headingLevel(String line) {
            if (layout == Layout.PLAN) {
                Matcher m = PLAN_HEADING.matcher(line);
                return !m.matches() ? 0 : m.group(2).equals("章") ? 1 : 2;
            }
            Matcher m = MARKDOWN_HEADING.matcher(line);
            return !m.matches() ? 0 : PART.matcher(clean(m.group(1))).matches() ? 1 : 2;
        }

        /** Maximal runs of non-blank lines of one kind, with offsets of their first and last visible character. */
        private List<Run> runs() {
            List<Run> runs = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            Run.Kind kind = null;
            int start = 0;
            int end = 0;
            int lineStart = 0;
            while (lineStart <= text.length()) {
                int lineEnd = text.indexOf('\n', lineStart);
                lineEnd = lineEnd < 0 ? text.length() : lineEnd;
                String raw = text.substring(lineStart, lineEnd);
                String line = raw.strip();
                int visible = lineStart + raw.indexOf(line);
                int level = line.isEmpty() ? 0 : headingLevel(line);
                Run.Kind lineKind = line.isEmpty() ? null
                        : level > 0 ? Run.Kind.HEADING : line.startsWith("|") ? Run.Kind.PIPE : Run.Kind.TEXT;
                if (kind != null && (lineKind != kind || kind == Run.Kind.HEADING)) {
                    runs.add(new Run(kind, headingLevel(lines.get(0)), start, end, List.copyOf(lines)));
                    lines.clear();
                    kind = null;
                }
                if (lineKind != null) {
                    if (kind == null) {
                        kind = lineKind;
                        start = visible;
                    }
                    lines.add(line);
                    end = visible + line.length();
                }
                lineStart = lineEnd + 1;
            }
            if (kind != null) {
                runs.add(new Run(kind, headingLevel(lines.get(0)), start, end, List.copyOf(lines)));
            }
            return runs;
        }
    }
}

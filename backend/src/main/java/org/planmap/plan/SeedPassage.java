package org.planmap.plan;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * A paragraph or a 专栏 table of a seed, the unit in which the plan's text is cited and searched.
 *
 * <p>{@code headingPath} locates it, outermost first: for the plan the section label ("第四章第三节
 * 培育壮大区域性城镇群", or the chapter before its first section) and, for a table, the 专栏 title; for the
 * task list the part ("二、优化城镇化空间格局") and, inside a task, its number ("（五）"). {@code text} is
 * whitespace-normalised and joined across page breaks; a table's text is its title and one line per row,
 * cells separated by " | ", so that hit offsets work the same way for both kinds. {@code rows} is empty for
 * a paragraph.
 */
public record SeedPassage(String document, List<String> headingPath, Kind kind, String text,
                          List<List<String>> rows, int start, int end) implements SeedBlock {

    public enum Kind {
        PARAGRAPH, TABLE;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SeedPassage {
        headingPath = List.copyOf(headingPath);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** The heading path in one line, as a citation. */
    public String heading() {
        return String.join(" ", headingPath);
    }
}

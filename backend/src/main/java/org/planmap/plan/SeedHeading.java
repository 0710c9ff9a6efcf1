package org.planmap.plan;

/**
 * The chapter and section a passage of a seed falls under: {@code number} like "第四章第三节" (or "第四章"
 * before the chapter's first section) and the heading's title.
 */
public record SeedHeading(String number, String title) {

    /** "第四章第三节 培育壮大区域性城镇群": the form used in the source_section column for prose quotes. */
    public String label() {
        return number + " " + title;
    }
}

package org.planmap.plan;

/**
 * One block of a seed's body in reading order: a heading or a passage. Offsets are character offsets into
 * the seed's text, end exclusive.
 */
public sealed interface SeedBlock permits SeedBlock.Heading, SeedPassage {

    int start();

    int end();

    /**
     * A chapter or section of the plan (level 1 and 2), or a part of the task list (level 1), text as printed
     * with spaces normalised ("第四章 构建大中小城市和小城镇协调发展格局", "二、优化城镇化空间格局").
     */
    record Heading(int level, String text, int start, int end) implements SeedBlock {
    }
}

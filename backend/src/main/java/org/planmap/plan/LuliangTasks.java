package org.planmap.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the key tasks of the 吕梁 task list from its passages: a task is a passage the parser numbered as
 * one (the running （一）…（二十）; 六、组织实施 restarts its numbering and holds no tasks).
 */
public final class LuliangTasks {

    public static final String SEED = "000_0a041ac12674b7fe.txt";

    private static final Pattern LABEL = Pattern.compile("^[（(][一二三四五六七八九十]+[)）]");
    /** The closing clause naming who is responsible; the seed closes it with either bracket. */
    private static final Pattern DEPARTMENTS = Pattern.compile("[（(]([^（）()]+?)等?负责[)）]$");
    private static final Pattern CLAUSE = Pattern.compile("[^，。；、]+");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern UNIT = Pattern.compile("^(?:[%％]|万?\\p{IsHan})");
    /**
     * Digits that are no quantity: subscripts of PM2.5 and O3, document numbers (〔2021〕424号) and dates
     * (2021年10月18日). Blanked out with spaces so that offsets and the clause text stay as printed.
     */
    private static final Pattern NOT_A_QUANTITY = Pattern.compile(
            "<sub>.*?</sub>|〔\\d{4}〕\\d+号|\\d{4}年(?:\\d{1,2}月(?:\\d{1,2}日)?)?");

    private LuliangTasks() {
    }

    public static List<LuliangTask> read(SeedPassages taskList) {
        List<LuliangTask> tasks = new ArrayList<>();
        for (SeedPassage passage : taskList.passages()) {
            if (passage.headingPath().size() < 2) {
                continue;
            }
            String label = passage.headingPath().get(1);
            String text = LABEL.matcher(passage.text()).replaceFirst("");
            int stop = text.indexOf('。');
            tasks.add(new LuliangTask(ChineseNumerals.parse(label.substring(1, label.length() - 1)), label,
                    passage.headingPath().get(0), stop < 0 ? text : text.substring(0, stop), text,
                    departments(text, label), targets(text), passage.start(), passage.end()));
        }
        return tasks;
    }

    private static List<String> departments(String text, String label) {
        Matcher m = DEPARTMENTS.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("task " + label + " names no responsible departments");
        }
        return Arrays.asList(m.group(1).split("、"));
    }

    private static List<LuliangTask.Target> targets(String text) {
        String masked = NOT_A_QUANTITY.matcher(text).replaceAll(r -> " ".repeat(r.group().length()));
        List<LuliangTask.Target> targets = new ArrayList<>();
        Matcher clause = CLAUSE.matcher(masked);
        while (clause.find()) {
            List<LuliangTask.Quantity> quantities = new ArrayList<>();
            Matcher number = NUMBER.matcher(clause.group());
            while (number.find()) {
                Matcher unit = UNIT.matcher(clause.group().substring(number.end()));
                quantities.add(new LuliangTask.Quantity(new BigDecimal(number.group()), unit.find() ? unit.group() : ""));
            }
            if (!quantities.isEmpty()) {
                targets.add(new LuliangTask.Target(text.substring(clause.start(), clause.end()), quantities));
            }
        }
        return targets;
    }
}

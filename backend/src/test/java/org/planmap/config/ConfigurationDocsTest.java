package org.planmap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.planmap.PlanmapApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/configuration.md against the metadata spring-boot-configuration-processor writes from the
 * {@code @ConfigurationProperties} records: every {@code planmap.*} option once, none that does not exist, and the
 * default the code has. An option added without its row, or a row left behind, fails here.
 */
class ConfigurationDocsTest {

    static final Path DOC = Path.of("..", "docs", "configuration.md");
    private static final Pattern ROW = Pattern.compile("^\\| `(planmap\\.[a-z0-9.-]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);

    /** Name → default (null: none), every planmap.* property in the metadata of this build's classes. */
    static Map<String, String> metadata() throws Exception {
        Path classes = Path.of(PlanmapApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JsonNode root = JsonMapper.builder().build()
                .readTree(Files.readString(classes.resolve("META-INF/spring-configuration-metadata.json")));
        Map<String, String> options = new TreeMap<>();
        for (JsonNode p : root.get("properties")) {
            String name = p.get("name").asString();
            if (name.startsWith("planmap.")) {
                JsonNode value = p.get("defaultValue");
                options.put(name, value == null || value.isNull() ? null : value.asString());
            }
        }
        return options;
    }

    /** What is wrong with {@code doc}'s table against {@code metadata}: nothing when they agree. */
    static List<String> disagreements(Map<String, String> metadata, String doc) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(doc);
        while (m.find()) {
            rows.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2).trim());
        }
        List<String> wrong = new ArrayList<>();
        rows.forEach((option, cells) -> {
            if (cells.size() > 1) {
                wrong.add(option + " is listed " + cells.size() + " times");
            }
            if (!metadata.containsKey(option)) {
                wrong.add(option + " is documented but is no option of the code");
            }
        });
        metadata.forEach((option, value) -> {
            List<String> cells = rows.get(option);
            if (cells == null) {
                wrong.add(option + " is not documented");
            } else if (value == null ? !cells.get(0).startsWith("none") : !cells.get(0).startsWith("`" + value + "`")) {
                wrong.add(option + " is documented with the default " + cells.get(0) + ", the code has "
                        + (value == null ? "none" : value));
            }
        });
        return wrong;
    }

    @Test
    void everyOptionIsDocumentedOnceWithItsDefault() throws Exception {
        Map<String, String> metadata = metadata();
        assertThat(metadata).as("metadata of the planmap.* records").containsKeys("planmap.data-dir",
                "planmap.import.max-upload-size", "planmap.render.overview-zoom", "planmap.export.cache");
        assertThat(disagreements(metadata, Files.readString(DOC))).as(DOC.toString()).isEmpty();
    }

    @Test
    void aMissingStaleTwiceListedOrWrongOptionIsFound() {
        Map<String, String> metadata = new TreeMap<>(Map.of("planmap.a", "1", "planmap.b", "2MB", "planmap.c", "x"));
        metadata.put("planmap.d", null);
        String doc = """
                | `planmap.a` | `1` | fine |
                | `planmap.b` | `4MB` | wrong default |
                | `planmap.b` | `2MB` | twice |
                | `planmap.d` | `0` | has none |
                | `planmap.editor-password` | none | stale |
                """;
        assertThat(disagreements(metadata, doc)).containsExactlyInAnyOrder(
                "planmap.b is listed 2 times",
                "planmap.editor-password is documented but is no option of the code",
                "planmap.b is documented with the default `4MB`, the code has 2MB",
                "planmap.c is not documented",
                "planmap.d is documented with the default `0`, the code has none");
    }
}

package org.planmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every relative link in README.md, CHANGELOG.md and docs/ reaches a file, and its {@code #anchor} a heading of that
 * file: the documents are split over many files that several people edit, and a moved section must not leave a
 * dead link behind.
 */
class DocsLinksTest {

    private static final Path REPO = Path.of(System.getProperty("planmap.repo-root", "..")).toAbsolutePath().normalize();
    /** {@code [text](target)} and {@code ![alt](target)}; a title after the target is allowed. */
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");

    private final Map<Path, Set<String>> anchors = new HashMap<>();

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path doc : documents()) {
            for (String target : links(doc)) {
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // http:, https:, mailto: — not ours to check offline
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(REPO.relativize(doc) + ": " + target + " (no such file)");
                } else if (hash >= 0 && resolved.toString().endsWith(".md")
                        && !anchorsOf(resolved).contains(target.substring(hash + 1))) {
                    broken.add(REPO.relativize(doc) + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void theReadmeStaysAFrontDoor() throws IOException {
        assertThat(Files.size(REPO.resolve("README.md"))).as("README.md bytes").isLessThanOrEqualTo(10_240);
    }

    @Test
    void anchorsAreGitHubs() {
        assertThat(slug("Map images, tiles and identify")).isEqualTo("map-images-tiles-and-identify");
        assertThat(slug("OGC API – Features (`/ogc`)")).isEqualTo("ogc-api--features-ogc");
        assertThat(slug("性能 Performance")).isEqualTo("性能-performance");
    }

    private static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(REPO.resolve("README.md"), REPO.resolve("CHANGELOG.md")));
        try (Stream<Path> files = Files.walk(REPO.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    private static List<String> links(Path doc) throws IOException {
        List<String> targets = new ArrayList<>();
        for (String line : prose(doc)) {
            Matcher m = LINK.matcher(line);
            while (m.find()) {
                targets.add(m.group(1));
            }
        }
        return targets;
    }

    private Set<String> anchorsOf(Path doc) {
        return anchors.computeIfAbsent(doc, d -> {
            Set<String> found = new HashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            try {
                for (String line : prose(d)) {
                    Matcher m = HEADING.matcher(line);
                    if (m.matches()) {
                        String slug = slug(m.group(1));
                        int n = seen.merge(slug, 1, Integer::sum);
                        found.add(n == 1 ? slug : slug + "-" + (n - 1));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return found;
        });
    }

    /** The lines outside fenced code blocks, where a {@code #} is a shell comment and brackets are code. */
    private static List<String> prose(Path doc) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** GitHub's heading anchor: lower case, punctuation dropped, each space a hyphen. */
    static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
    }
}

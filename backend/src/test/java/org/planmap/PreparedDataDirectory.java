package org.planmap;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.planmap.layer.LayerWriter;
import org.planmap.style.MapStyles;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A data directory as a first start leaves it (base layers, demonstration control lines, the kept ledger and
 * overview tiles), made once per test JVM by one real start on a copy of {@link TestStores}' demonstration lines.
 * The server tests start on copies of it, so each of their Spring contexts is a restart, which builds and draws
 * nothing, instead of a first start, which does all of it again (several CPU-seconds per context).
 * {@code RestartTest} checks that a restart computes nothing.
 */
public final class PreparedDataDirectory {

    private static Path prepared;
    /** Spring asks a dynamic property's value more than once: a directory is filled only the first time. */
    private static final Set<Path> filled = new HashSet<>();

    private PreparedDataDirectory() {
    }

    /**
     * Makes the prepared directory unless made already. Called before a test context loads, so that this start is
     * not nested in the start of another context.
     */
    public static synchronized void prepare() {
        if (prepared == null) {
            prepared = start();
        }
    }

    /**
     * Fills {@code dir} (created if missing) with a copy of the prepared data directory, unless filled already;
     * returns {@code dir}.
     */
    public static synchronized Path copyTo(Path dir) {
        prepare();
        if (!filled.add(dir.toAbsolutePath())) {
            return dir;
        }
        return TestDirectories.copy(prepared, dir);
    }

    private static Path start() {
        // On TestStores' demonstration lines, which other tests use too: the start finds them current and does not
        // generate them a second time in this JVM (RestartTest checks the same on a data directory of its own).
        Path dir = TestDirectories.copy(TestStores.demonstrationLines(), TestDirectories.temporary("planmap-prepared-"));
        // Closing the context closes the stores, so the copies hold whole SQLite files (no WAL left beside them).
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PlanmapApplication.class)
                .run("--server.port=0", "--planmap.data-dir=" + dir, "--planmap.small-layers.warm=false",
                        "--planmap.security.editor-password=prepared-data-directory-only")) {
            awaitKeptOverviewTiles(context.getBean(LayerWriter.class));
            return dir;
        }
    }

    /**
     * The dense layers' overview tiles are drawn after the start and kept (render.KeptOverview): with them in the
     * copies, the tests' servers read them back instead of each drawing them again while the tests run. Without
     * them after a minute the copies are made anyway; the servers then draw the tiles as a first start does.
     */
    private static void awaitKeptOverviewTiles(LayerWriter writer) {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        for (String layer : MapStyles.fromClasspath().denseLayers()) {
            while (writer.derived("overview-tiles/" + layer).isEmpty() && System.nanoTime() < until) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}

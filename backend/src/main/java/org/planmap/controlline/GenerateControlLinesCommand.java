package org.planmap.controlline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.planmap.boundary.BoundaryFiles;
import org.planmap.boundary.BoundarySet;
import org.planmap.plan.CountyDirectory;
import org.planmap.plan.PlanTables;
import org.planmap.store.gpkg.GeoPackageStore;

/**
 * {@code java -jar planmap.jar generate-control-lines [--total 500000] [--seed 427] --out DIR}: writes the
 * demonstration control lines as three GeoPackages, {@code DIR/<layer id>.gpkg}, one feature table each, for
 * editors to import like official files (that is how the dense-layer benchmark loads 500 000 polygons).
 *
 * <p>Streams: each line is generated county by county straight into the embedded store's writer, so memory
 * stays that of one county whatever the total. The files are written by the same code that writes planmap's
 * own store, then switched back from WAL to an ordinary journal so they are single self-contained files.
 */
public final class GenerateControlLinesCommand {

    public static final String NAME = "generate-control-lines";

    private GenerateControlLinesCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        DemoScale scale = DemoScale.DEFAULT;
        long seed = DemoControlLines.DEFAULT_SEED;
        Path dir = null;
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                String value = i + 1 < args.size() ? args.get(i + 1) : null;
                if (a.equals("--total") && value != null) {
                    scale = DemoScale.ofTotal(Long.parseLong(value));
                } else if (a.equals("--seed") && value != null) {
                    seed = Long.parseLong(value);
                } else if (a.equals("--out") && value != null) {
                    dir = Path.of(value);
                } else {
                    throw new IllegalArgumentException("unknown argument: " + a);
                }
                i++;
            }
            if (dir == null) {
                throw new IllegalArgumentException("--out is required");
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("usage: java -jar planmap.jar " + NAME + " [--total N] [--seed N] --out DIR");
            return 2;
        }
        try {
            write(dir, seed, scale, out);
            return 0;
        } catch (IOException | SQLException | RuntimeException e) {
            err.println("generation failed: " + e.getMessage());
            return 1;
        }
    }

    static void write(Path dir, long seed, DemoScale scale, PrintStream out) throws IOException, SQLException {
        BoundarySet boundaries = BoundaryFiles.fromClasspath();
        CountyDirectory directory = new CountyDirectory(boundaries, PlanTables.fromClasspath());
        Files.createDirectories(dir);
        long total = 0;
        long start = System.nanoTime();
        for (ControlLine line : ControlLine.values()) {
            Path work = Files.createTempDirectory(dir, ".generating-");
            Path file;
            try (GeoPackageStore store = GeoPackageStore.open(work)) {
                store.replace(DemoControlLines.info(line, seed),
                        sink -> DemoControlLines.generate(boundaries, directory, seed, scale, line, sink));
                file = store.file();
                total += store.layer(line.layerId()).orElseThrow().featureCount();
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=DELETE");
            }
            Path target = dir.resolve(line.layerId() + ".gpkg");
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
            try (var left = Files.list(work)) {
                for (Path p : left.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(work);
            out.println("wrote " + target.toAbsolutePath());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("%d features (seed %d) in %.1f s, %.0f features/s%n", total, seed, seconds, total / seconds);
    }
}

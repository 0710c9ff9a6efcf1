package org.planmap.controlline;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.planmap.TestStores;
import org.planmap.layer.LayerService;
import org.planmap.layer.LayerWriter;
import org.planmap.store.FeatureCursor;
import org.planmap.store.FeatureQuery;
import org.planmap.store.LayerInfo;
import org.planmap.store.VersionNote;
import org.planmap.store.gpkg.GeoPackageStore;

/**
 * The ledger after a dense farmland import, timed by hand in CPU-seconds rather than wall time, so that a change can
 * be judged on a machine others are loading: what {@code bench/dense} times as "ledger after the last import", without
 * the server around it. The farmland of a {@code generate-control-lines} run is imported (as the import road writes,
 * with a version note) into a store holding the plan's layers and the demonstration lines, {@code rounds} times; each
 * time the ledger follows the change on the writer's thread, and the process's CPU time (its threads, GC and JIT) is
 * read just before and just after it. Skipped unless asked for:
 * {@code mvn -o -pl backend test -Dtest=DenseLedgerBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dplanmap.ledger-bench=/tmp/dense-wt/gen -DargLine=-Xmx1g}
 */
@EnabledIfSystemProperty(named = "planmap.ledger-bench", matches = ".+")
class DenseLedgerBenchmark {

    @Test
    void timeTheLedgerAfterAnImport() throws Exception {
        run(Path.of(System.getProperty("planmap.ledger-bench")), Integer.getInteger("planmap.ledger-rounds", 3));
    }

    public static void main(String[] args) throws Exception {
        run(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 3);
    }

    static void run(Path generated, int rounds) throws Exception {
        String farmland = ControlLine.PERMANENT_BASIC_FARMLAND.layerId();
        Path work = Files.createTempDirectory("planmap-ledger-bench");
        // the generated file is shared and read-only: its copy is opened as a store of its own
        Path source = Files.createDirectories(work.resolve("source"));
        Files.copy(generated.resolve(farmland + ".gpkg"), source.resolve("planmap.gpkg"), StandardCopyOption.REPLACE_EXISTING);
        try (GeoPackageStore from = GeoPackageStore.open(source);
                GeoPackageStore store = TestStores.withDemonstrationLines(work.resolve("data"))) {
            LayerInfo layer = from.layer(farmland).orElseThrow();
            LayerWriter writer = new LayerWriter(store);
            LedgerService ledger = new LedgerService(new LayerService(store), writer,
                    LedgerServiceTest.inForce(store, writer));
            ledger.refresh();
            double[] cpu = new double[1];
            long[] wall = new long[1];
            writer.subscribe(change -> {
                if (change.layerId().equals(farmland)) {
                    cpu[0] = processCpuSeconds();
                    wall[0] = System.nanoTime();
                }
            });
            writer.subscribe(ledger);
            writer.subscribe(change -> {
                if (change.layerId().equals(farmland)) {
                    System.out.printf("ledger after importing %d features: %.2f s wall, %.2f CPU-s (process)%n",
                            layer.featureCount(), (System.nanoTime() - wall[0]) / 1e9, processCpuSeconds() - cpu[0]);
                }
            });
            for (int i = 0; i < rounds; i++) {
                // a new version each round, as the import road gives one
                LayerInfo imported = new LayerInfo(layer.id(), layer.title(), layer.geometryType(), layer.crs(),
                        layer.source(), 0, List.of(), layer.fields(), UUID.randomUUID().toString());
                writer.replace(imported, sink -> {
                    try (FeatureCursor all = from.query(FeatureQuery.of(farmland))) {
                        all.forEachRemaining(sink);
                    }
                }, () -> VersionNote.generated(VersionNote.IMPORT, "bench"));
            }
            // the kept totals to the last bit, less the first line (the inputs' versions): equal before and after a change
            String kept = writer.derived(KeptLedger.KEY).orElseThrow();
            System.out.println("county totals sha-256: " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(kept.substring(kept.indexOf('\n')).getBytes(StandardCharsets.UTF_8))));
        }
    }

    private static double processCpuSeconds() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime() / 1e9;
    }
}

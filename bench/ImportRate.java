import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.planmap.crs.CrsRef;
import org.planmap.importer.ImportLimits;
import org.planmap.importer.ImportService;
import org.planmap.importer.ImportStatus;
import org.planmap.importer.ImportTarget;
import org.planmap.importer.gpkg.GeoPackageReader;
import org.planmap.layer.LayerWriter;
import org.planmap.store.FeatureStore;
import org.planmap.store.gpkg.GeoPackageStore;
import org.planmap.store.postgis.PostgisStore;

/**
 * The import road alone, without a server or the ledger and tiles that follow an import: a GeoPackage imported
 * ROUNDS times into a fresh store (embedded, or PostGIS when a JDBC URL is given), printing per round the job's
 * wall time, its rate, the CPU the process spent on it (reading, converting and writing threads together, GC and
 * JIT included) and the CPU of the writing thread alone: the figures to compare on a loaded machine, where the
 * rate mostly measures the wait for a core. The first round includes the JIT's warm-up.
 * Usage (bench/import runs it): java -cp CLASSPATH bench/ImportRate.java FILE.gpkg ROUNDS [jdbc:postgresql://… USER]
 */
public final class ImportRate {

    /** The CPU time of the import's writing thread (the executor's, alive between imports), 0 before the first. */
    static long writerCpu() {
        var threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("planmap-import"))
                .mapToLong(t -> threads.getThreadCpuTime(t.getId())).sum();
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        Path dir = Files.createTempDirectory("planmap-import-rate");
        FeatureStore store = args.length > 2 ? PostgisStore.open(args[2], args[3], "", "planmap")
                : GeoPackageStore.open(dir);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ImportTarget target = new ImportTarget("permanent-basic-farmland", "永久基本农田", "MultiPolygon");
        try (ImportService imports = new ImportService(List.of(new GeoPackageReader()), new LayerWriter(store),
                ImportLimits.DEFAULT, List.of(target))) {
            for (int i = 1; i <= rounds; i++) {
                Path upload = dir.resolve("upload.gpkg");
                Files.copy(file, upload, StandardCopyOption.REPLACE_EXISTING);
                long cpu = os.getProcessCpuTime();
                long writerCpu = writerCpu();
                ImportStatus s = imports.submit(target, upload, file.getFileName().toString(), (CrsRef) null, "0", "bench");
                s = imports.await(s.id(), 3600);
                double cpuS = (os.getProcessCpuTime() - cpu) / 1e9;
                double writerS = (writerCpu() - writerCpu) / 1e9;
                if (s.report() == null) {
                    throw new IllegalStateException("import failed: " + s.error());
                }
                double wall = Duration.between(s.started(), s.finished()).toNanos() / 1e9;
                System.out.printf("round %d: %d features in %.2f s wall, %.0f features/s, %.2f CPU-s, writer %.2f CPU-s (load %s)%n", i,
                        s.report().features(), wall, s.report().features() / wall, cpuS, writerS,
                        Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            }
        } finally {
            store.close();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}

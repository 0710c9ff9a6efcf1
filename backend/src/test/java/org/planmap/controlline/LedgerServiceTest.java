package org.planmap.controlline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.TestStores;
import org.planmap.boundary.BoundaryFiles;
import org.planmap.boundary.BoundarySet;
import org.planmap.layer.LayerChanged;
import org.planmap.layer.LayerPublisher;
import org.planmap.layer.LayerService;
import org.planmap.layer.LayerWriter;
import org.planmap.plan.CountyDirectory;
import org.planmap.plan.CurrentBoundaries;
import org.planmap.plan.PlanTables;
import org.planmap.plan.StructureLayers;
import org.planmap.store.FeatureCursor;
import org.planmap.store.FeatureStore;
import org.planmap.store.LayerInfo;
import org.planmap.store.gpkg.GeoPackageStore;

/**
 * The ledger is kept in the store with the versions of the layers it was computed from: a service started again
 * on the same store reads it back — the same rows, nothing computed — and computes again only after one of those
 * layers changed.
 */
class LedgerServiceTest {

    static final BoundarySet BOUNDARIES = BoundaryFiles.fromClasspath();
    static final PlanTables TABLES = PlanTables.fromClasspath();
    static final CountyDirectory DIRECTORY = new CountyDirectory(BOUNDARIES, TABLES);

    /** The boundaries in force as a start leaves them: read from the store, at the stored counties' version. */
    static Supplier<CurrentBoundaries.Current> inForce(GeoPackageStore store, LayerWriter writer) {
        CurrentBoundaries boundaries = new CurrentBoundaries(BOUNDARIES, DIRECTORY, TABLES, writer, new LayerService(store));
        boundaries.load();
        return boundaries::current;
    }

    @Test
    void aRestartReadsTheKeptLedgerAndAChangeComputesItAgain(@TempDir Path dir) {
        List<ControlLineLedger.Row> computed;
        String conflictsVersion;
        try (GeoPackageStore store = TestStores.withDemonstrationLines(dir)) {
            LayerWriter writer = new LayerWriter(store);
            LedgerService first = new LedgerService(new LayerService(store), writer, inForce(store, writer));
            computed = first.rows(LedgerService.Level.GROUP);
            assertThat(first.computations()).isEqualTo(1);
            conflictsVersion = store.layer(ConflictLayer.ID).orElseThrow().version();
        }
        try (GeoPackageStore store = GeoPackageStore.open(dir)) {
            LayerWriter writer = new LayerWriter(store);
            List<LayerChanged> changes = new ArrayList<>();
            writer.subscribe(changes::add);
            LedgerService restarted = new LedgerService(new LayerService(store), writer, inForce(store, writer));
            writer.subscribe(restarted);
            assertThat(restarted.rows(LedgerService.Level.GROUP)).isEqualTo(computed);
            assertThat(restarted.rows(LedgerService.Level.COUNTY)).hasSize(BOUNDARIES.counties().size());
            assertThat(restarted.computations()).as("read back, not computed").isZero();
            assertThat(changes).as("nothing written").isEmpty();
            assertThat(store.layer(ConflictLayer.ID).orElseThrow().version()).isEqualTo(conflictsVersion);

            // a new seed stands for an import: a new version of the development boundary
            LayerInfo before = store.layer(ControlLine.URBAN_DEVELOPMENT_BOUNDARY.layerId()).orElseThrow();
            new DemoControlLinePublisher(writer).replace(ControlLine.URBAN_DEVELOPMENT_BOUNDARY, BOUNDARIES, DIRECTORY, 428,
                    org.planmap.store.VersionNote.generated(org.planmap.store.VersionNote.DEMO, "test"));
            assertThat(restarted.computations()).as("the change was followed before the writer returned").isEqualTo(1);
            assertThat(changes).first().isEqualTo(new LayerChanged(before.id(), before.version(),
                    store.layer(before.id()).orElseThrow().version()));
            assertThat(changes).extracting(LayerChanged::layerId).contains(ConflictLayer.ID);
            assertThat(restarted.rows(LedgerService.Level.GROUP)).isNotEqualTo(computed);
            assertThat(restarted.computations()).isEqualTo(1);
        }
    }

    /**
     * Every cursor a recompute opens on the store (one per county for a dense line) is closed again. A page left open
     * keeps its read connection, and once the store's few are all held the recompute waits for ever: the timeout makes
     * that hang a failure (it takes seconds when nothing leaks).
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aRecomputeClosesEveryCursorItOpens(@TempDir Path dir) {
        try (GeoPackageStore store = TestStores.withPlanLayers(dir)) {
            LayerWriter writer = new LayerWriter(store);
            LayerPublisher publisher = new LayerPublisher(writer);
            new StructureLayers(BOUNDARIES).all(TABLES).forEach(publisher::publish);
            // farmland too dense to be kept resident: the recompute reads it from the store, county by county
            DemoControlLines.generate(BOUNDARIES, DIRECTORY, DemoControlLines.DEFAULT_SEED, DemoScale.ofTotal(8_000))
                    .values().forEach(publisher::publish);
            AtomicInteger opened = new AtomicInteger();
            AtomicInteger open = new AtomicInteger();
            LedgerService ledger = new LedgerService(new LayerService(counting(store, opened, open)), writer,
                    inForce(store, writer));
            assertThat(ledger.rows(LedgerService.Level.GROUP)).isNotEmpty();
            assertThat(ledger.computations()).isEqualTo(1);
            assertThat(opened.get()).as("cursors opened on the store").isGreaterThan(BOUNDARIES.counties().size());
            assertThat(open.get()).as("cursors left open").isZero();
        }
    }

    /** {@code store} counting the cursors its queries open ({@code opened}) and those not closed yet ({@code open}). */
    static FeatureStore counting(FeatureStore store, AtomicInteger opened, AtomicInteger open) {
        return TestStores.intercepted(store, (method, proceed) -> {
            Object answer = proceed.call();
            if (!(answer instanceof FeatureCursor cursor)) {
                return answer;
            }
            opened.incrementAndGet();
            open.incrementAndGet();
            AtomicBoolean closed = new AtomicBoolean();
            return TestStores.whenClosed(cursor, () -> {
                if (closed.compareAndSet(false, true)) {
                    open.decrementAndGet();
                }
            });
        });
    }
}

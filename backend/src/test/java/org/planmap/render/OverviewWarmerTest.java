package org.planmap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.TestStores;
import org.planmap.controlline.ControlLine;
import org.planmap.layer.ByteCache;
import org.planmap.layer.LayerService;
import org.planmap.layer.LayerWriter;
import org.planmap.store.Feature;
import org.planmap.store.FeatureCursor;
import org.planmap.store.FeatureQuery;
import org.planmap.store.LayerInfo;
import org.planmap.store.gpkg.GeoPackageStore;
import org.planmap.style.MapStyles;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Overview tiles drawn once are kept in the store with the layer's version and read back by the next server (a
 * restart) instead of being drawn again; tiles kept for another version, or drawn by other code, are drawn anew.
 * One kept tile is replaced by marker bytes: a server that shows them read the kept tiles, one that does not drew.
 */
@Timeout(120)
class OverviewWarmerTest {

    static final String UDB = ControlLine.URBAN_DEVELOPMENT_BOUNDARY.layerId();
    static final MapStyles STYLES = MapStyles.fromClasspath();
    static final byte[] MARKER = {'k', 'e', 'p', 't'};

    GeoPackageStore store;
    LayerWriter writer;
    LayerService layers;

    @BeforeEach
    void publishDemonstrationLines(@TempDir Path dir) {
        store = TestStores.withDemonstrationLines(dir);
        writer = new LayerWriter(store);
        layers = new LayerService(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A fresh server's tiles: empty caches, as after a restart. */
    Tiles freshTiles() {
        return new Tiles(new MapRenderer(layers, STYLES), layers, new ByteCache<>(1 << 24), new ByteCache<>(1 << 24), 8);
    }

    /** Starts a warmer on fresh tiles as a start does, and returns the layer's overview once all of it is cached. */
    Map<Tiles.Key, byte[]> warm(Tiles tiles, String drawnBy) throws InterruptedException {
        try (OverviewWarmer warmer = new OverviewWarmer(tiles, layers, List.of(UDB), writer, drawnBy)) {
            warmer.layersChanged();
            return await(() -> tiles.cachedOverview(UDB));
        }
    }

    static <T> T await(Supplier<Optional<T>> what) throws InterruptedException {
        Optional<T> found = what.get();
        while (found.isEmpty()) {
            Thread.sleep(20);
            found = what.get();
        }
        return found.get();
    }

    @Test
    void aRestartReadsTheKeptTilesBackAndOtherCodeDrawsThemAgain() throws Exception {
        Map<Tiles.Key, byte[]> drawn = warm(freshTiles(), "drawer-1");
        assertThat(drawn).hasSizeGreaterThan(40);
        String kept = await(() -> writer.derived(KeptOverview.key(UDB)));
        assertThat(KeptOverview.read(kept, UDB, layers.layer(UDB).version(), "drawer-1")).hasValueSatisfying(
                tiles -> assertThat(tiles).containsOnlyKeys(drawn.keySet()));

        assertThat(drawn.keySet()).extracting(Tiles.Key::grid).as("both grids' overviews")
                .contains(TileGrid.WEB_MERCATOR, TileGrid.CGCS2000);
        Tiles.Key marked = drawn.keySet().iterator().next();
        Tiles.Key markedC = drawn.keySet().stream().filter(k -> k.grid() == TileGrid.CGCS2000).findFirst().orElseThrow();
        Map<Tiles.Key, byte[]> tampered = new LinkedHashMap<>(drawn);
        tampered.put(marked, MARKER);
        tampered.put(markedC, MARKER);
        writer.keepDerived(KeptOverview.key(UDB), KeptOverview.text(marked.version(), "drawer-1", tampered));

        Map<Tiles.Key, byte[]> restarted = warm(freshTiles(), "drawer-1");
        assertThat(restarted.get(marked)).as("read back, not drawn").isEqualTo(MARKER);
        assertThat(restarted.get(markedC)).as("a CGCS2000 tile read back, not drawn").isEqualTo(MARKER);
        assertThat(restarted.keySet()).isEqualTo(drawn.keySet());

        Map<Tiles.Key, byte[]> otherCode = warm(freshTiles(), "drawer-2");
        assertThat(otherCode.get(marked)).as("drawn again").isEqualTo(drawn.get(marked));
        assertThat(await(() -> writer.derived(KeptOverview.key(UDB)).filter(t -> t.contains("\tdrawer-2\n"))))
                .as("and kept for the new code").isNotEmpty();
    }

    /**
     * An import is followed by the drawing of both grids' overviews in one read of the layer, before the import is
     * done: the first tile a WMTS client of the CGCS2000 set asks for is then in memory, and it is byte for byte what
     * a drawing on demand makes. A fresh warmer's tiles, so nothing was cached before the import.
     */
    @Test
    void anImportDrawsTheCgcs2000OverviewAheadAsADrawingOnDemandWould() {
        Tiles tiles = freshTiles();
        LayerInfo udb = layers.layer(UDB);
        List<Feature> all = store.query(FeatureQuery.of(UDB)).toList();
        try (OverviewWarmer warmer = new OverviewWarmer(tiles, layers, List.of(UDB), writer, "drawer-1")) {
            writer.subscribe(warmer);
            // returns once the warmer has drawn the new version's overview
            writer.replace(udb.withContents(all.size() / 2, udb.bbox(), "imported"), all.subList(0, all.size() / 2));
        }
        // 太原 at CGCS2000 level 8: 112.5–113.9°E, 36.6–38.0°N
        Tiles.Key taiyuan = new Tiles.Key(UDB, "imported", TileGrid.CGCS2000, 8, 208, 37);
        assertThat(tiles.overview(UDB)).contains(taiyuan).allMatch(tiles::cached);
        byte[] ahead = tiles.tile(UDB, null, TileGrid.CGCS2000, 8, 208, 37).png();
        byte[] onDemand = freshTiles().tile(UDB, null, TileGrid.CGCS2000, 8, 208, 37).png();
        assertThat(onDemand.length).as("a drawn tile, not the empty one").isGreaterThan(1000);
        assertThat(ahead).isEqualTo(onDemand);
        assertThat(writer.derived(KeptOverview.key(UDB)).flatMap(t -> KeptOverview.read(t, UDB, "imported", "drawer-1")))
                .as("kept for a restart").hasValueSatisfying(kept -> assertThat(kept.get(taiyuan)).isEqualTo(ahead));
    }

    @Test
    void tilesKeptForAnotherVersionAreNotReadBack() throws Exception {
        Map<Tiles.Key, byte[]> drawn = warm(freshTiles(), "drawer-1");
        await(() -> writer.derived(KeptOverview.key(UDB)));
        Tiles.Key marked = drawn.keySet().iterator().next();
        Map<Tiles.Key, byte[]> tampered = new LinkedHashMap<>(drawn);
        tampered.put(marked, MARKER);
        writer.keepDerived(KeptOverview.key(UDB), KeptOverview.text("an-older-version", "drawer-1", tampered));

        assertThat(warm(freshTiles(), "drawer-1").get(marked)).isEqualTo(drawn.get(marked));
    }

    /**
     * A server stopping while the overview is being drawn closes the warmer (Spring closes it before the store it
     * reads) and then the store. The read is held after its first feature, as a slow read of a dense layer is, and
     * ignores interruption, as a store read does: the warmer must wait for it. Before, it returned at once, the store
     * closed under the read, and every such shutdown logged a WARN "stmt pointer is closed".
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aShutdownWhileDrawingWaitsForTheDrawingAndLogsNoWarning(CapturedOutput output) throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch readDone = new CountDownLatch(1);
        LayerService slow = new LayerService(TestStores.intercepted(store, (method, proceed) -> {
            Object result = proceed.call();
            if (!method.getName().equals("query")) {
                return result;
            }
            AtomicBoolean first = new AtomicBoolean(true);
            FeatureCursor cursor = ((FeatureCursor) result).map(f -> {
                if (first.getAndSet(false)) {
                    reading.countDown();
                    pauseIgnoringInterrupts(Duration.ofMillis(300));
                }
                return f;
            });
            return TestStores.whenClosed(cursor, readDone::countDown);
        }));
        Tiles tiles = new Tiles(new MapRenderer(slow, STYLES), slow, new ByteCache<>(1 << 24), new ByteCache<>(1 << 24), 8);
        OverviewWarmer warmer = new OverviewWarmer(tiles, slow, List.of(UDB), writer, "drawer-1");
        int logFrom = output.getOut().length();
        warmer.layersChanged();
        assertThat(reading.await(60, TimeUnit.SECONDS)).as("the drawing began").isTrue();

        warmer.close();
        assertThat(readDone.getCount()).as("the read was over when the warmer closed").isZero();
        store.close();
        assertThat(output.getOut().substring(logFrom)).doesNotContain("WARN").doesNotContain("ERROR");
    }

    static void pauseIgnoringInterrupts(Duration pause) {
        long end = System.nanoTime() + pause.toNanos();
        boolean interrupted = false;
        for (long left = pause.toNanos(); left > 0; left = end - System.nanoTime()) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

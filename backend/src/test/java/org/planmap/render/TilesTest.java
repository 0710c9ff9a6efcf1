package org.planmap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.TestStores;
import org.planmap.layer.ByteCache;
import org.planmap.layer.LayerService;
import org.planmap.store.Feature;
import org.planmap.store.FeatureQuery;
import org.planmap.store.FeatureStore;
import org.planmap.store.LayerInfo;
import org.planmap.store.gpkg.GeoPackageStore;
import org.planmap.style.MapStyles;

/**
 * What {@link Tiles} promises when drawings overlap, on the demonstration control lines: a tile asked for twice
 * while it is drawn is drawn once, and overview tiles drawn for a version the layer no longer has are not kept.
 * The store holds a read at its door until the test lets it through, so the overlap is certain, not timed.
 */
@Timeout(60)
class TilesTest {

    static final String UDB = "urban-development-boundary";
    static final MapStyles STYLES = MapStyles.fromClasspath();

    GeoPackageStore stored;
    Gate gate;
    LayerService layers;
    Tiles tiles;
    final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void publishDemonstrationLines(@TempDir Path dir) {
        stored = TestStores.withDemonstrationLines(dir);
        gate = new Gate(stored);
        layers = new LayerService(gate.inFront);
        tiles = new Tiles(new MapRenderer(layers, STYLES), layers, new ByteCache<>(1 << 24), new ByteCache<>(1 << 24), 8);
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        stored.close();
    }

    @Test
    void aTileAskedForWhileItIsDrawnIsDrawnOnce() throws Exception {
        int[] taiyuan = {10, 832, 395};
        gate.hold();
        Future<byte[]> first = threads.submit(() -> tiles.tile(UDB, null, TileGrid.WEB_MERCATOR, taiyuan[0], taiyuan[1], taiyuan[2]).png());
        gate.entered.await();   // the first request is drawing, held at the store's door
        AtomicReference<Thread> second = new AtomicReference<>();
        Future<byte[]> again = threads.submit(() -> {
            second.set(Thread.currentThread());
            return tiles.tile(UDB, null, TileGrid.WEB_MERCATOR, taiyuan[0], taiyuan[1], taiyuan[2]).png();
        });
        // Parked: waiting for the first drawing (or, were it drawing itself, held at the door like the first).
        while (second.get() == null || second.get().getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        gate.letThrough();
        assertThat(again.get()).isEqualTo(first.get());
        assertThat(gate.reads.get()).as("reads of the layer").isEqualTo(1);
        assertThat(first.get().length).as("a drawn tile, not the empty one").isGreaterThan(1000);
    }

    @Test
    void aGeographicTileIsDrawnAndCachedApartFromTheMercatorTileOfTheSameNumbers() {
        // 太原 on the CGCS2000 grid: level 10, column 832, row 148 (112.5–112.9°E, 37.6–38.0°N)
        byte[] c = tiles.tile(UDB, null, TileGrid.CGCS2000, 10, 832, 148).png();
        assertThat(c.length).as("a drawn tile, not the empty one").isGreaterThan(1000);
        String version = layers.layer(UDB).version();
        assertThat(tiles.cached(new Tiles.Key(UDB, version, TileGrid.CGCS2000, 10, 832, 148))).isTrue();
        assertThat(tiles.cached(new Tiles.Key(UDB, version, TileGrid.WEB_MERCATOR, 10, 832, 148))).isFalse();
        // Mercator 10/832/148 lies at 60°N: the shared empty tile, whatever the geographic one holds
        assertThat(tiles.tile(UDB, null, TileGrid.WEB_MERCATOR, 10, 832, 148).png()).isNotEqualTo(c);
        assertThat(tiles.etag(UDB, null, TileGrid.CGCS2000, 10, 832, 148))
                .isNotEqualTo(tiles.etag(UDB, null, TileGrid.WEB_MERCATOR, 10, 832, 148));
    }

    @Test
    void overviewTilesOfAVersionReplacedMeanwhileAreNotKept() throws Exception {
        gate.hold();
        Future<Tiles.DrawnOverview> drawing = threads.submit(() -> tiles.drawOverview(UDB));
        gate.entered.await();
        List<Tiles.Key> before = tiles.overview(UDB);
        LayerInfo udb = stored.layer(UDB).orElseThrow();
        stored.replace(udb.withContents(0, List.of(), "newer"), all(UDB));
        gate.letThrough();
        assertThat(drawing.get().tiles()).isZero();
        assertThat(before).isNotEmpty().noneMatch(tiles::cached);
        assertThat(tiles.overview(UDB)).extracting(Tiles.Key::version).containsOnly("newer");
        assertThat(tiles.overview(UDB)).noneMatch(tiles::cached);

        assertThat(tiles.drawOverview(UDB).tiles()).isEqualTo(tiles.overview(UDB).size());
        assertThat(tiles.overview(UDB)).allMatch(tiles::cached);
    }

    List<Feature> all(String layerId) {
        List<Feature> features = new ArrayList<>();
        stored.query(FeatureQuery.of(layerId)).toList().forEach(features::add);
        return features;
    }

    /** The real store, with a door in front of its reads that the test can close and open. */
    static final class Gate {
        final FeatureStore inFront;
        final AtomicInteger reads = new AtomicInteger();
        final CountDownLatch entered = new CountDownLatch(1);
        volatile CountDownLatch door = new CountDownLatch(0);

        Gate(FeatureStore behind) {
            this.inFront = TestStores.intercepted(behind, (method, proceed) -> {
                if (method.getName().equals("query")) {
                    reads.incrementAndGet();
                    entered.countDown();
                    door.await();
                }
                return proceed.call();
            });
        }

        void hold() {
            door = new CountDownLatch(1);
        }

        void letThrough() {
            door.countDown();
        }
    }
}

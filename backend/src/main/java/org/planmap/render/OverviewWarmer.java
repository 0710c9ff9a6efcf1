package org.planmap.render;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.planmap.layer.LayerChanged;
import org.planmap.layer.LayerService;
import org.planmap.layer.LayerWriter;
import org.planmap.store.LayerInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws the dense layers' overview tiles ahead, so the first screen a planner sees after an import (or a
 * restart) comes from memory: drawn on demand, those tiles took seconds each, as each reads most of a layer of
 * hundreds of thousands of polygons. Both grids' ({@link Tiles#overview}): the viewer's Web Mercator and the
 * CGCS2000 set a 一张图 platform's WMTS client opens with, all in one read of the layer. One background thread, one layer at a time; a layer that changes again
 * meanwhile is dropped and drawn at its newer version. At start nothing waits for it: the layers stored before
 * are drawn once the server answers ({@link #layersChanged}), and a tile asked for meanwhile is drawn on demand.
 * What is drawn is kept in the store with the layer's version ({@link KeptOverview}), so a restart, or another
 * server sharing the store, reads those tiles back instead of drawing them again.
 */
public final class OverviewWarmer implements LayerWriter.Listener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OverviewWarmer.class);

    /** How long {@link #close} waits for a drawing to notice it was interrupted (the read looks at every feature). */
    private static final long STOP_WAIT_SECONDS = 10;

    private final Tiles tiles;
    private final LayerService layers;
    private final List<String> layerIds;
    private final LayerWriter writer;
    private final String drawnBy;
    /** The version last queued per layer: a queued drawing of an older one is skipped. */
    private final Map<String, String> queued = new ConcurrentHashMap<>();
    /**
     * One thread, so drawing ahead takes at most one of the cores from requests. Its low priority is a hint
     * only (Linux JVMs ignore it unless started with thread priorities enabled).
     */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "planmap-overview-tiles");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    /** Set by {@link #close}: the store is about to close, what fails now fails because of that. */
    private volatile boolean closed;

    /**
     * @param layerIds the layers drawn as tiles (the dense ones)
     * @param writer   where the drawn tiles are kept ({@link LayerWriter#keepDerived})
     * @param drawnBy  names the code and styles that draw the tiles: kept tiles drawn by others are drawn again
     */
    public OverviewWarmer(Tiles tiles, LayerService layers, List<String> layerIds, LayerWriter writer,
            String drawnBy) {
        this.tiles = tiles;
        this.layers = layers;
        this.layerIds = List.copyOf(layerIds);
        this.writer = writer;
        this.drawnBy = drawnBy;
    }

    /** Reads the layers' versions and queues a drawing for each of these layers with a version not yet queued. */
    public synchronized void layersChanged() {
        if (closed) {
            return;
        }
        for (LayerInfo layer : layers.layers()) {
            String id = layer.id();
            String version = layer.version();
            if (layerIds.contains(id) && !version.equals(queued.put(id, version))) {
                worker.submit(() -> draw(id, version));
            }
        }
    }

    /**
     * A tile of this layer was asked for: if its version was never queued here — another server sharing the
     * PostGIS store replaced it, so this one saw no import — its overview tiles are drawn ahead now. One lookup
     * in the catalog (held in memory by both stores) per tile request.
     */
    public void layerSeen(String layerId) {
        if (layerIds.contains(layerId) && !layers.layer(layerId).version().equals(queued.get(layerId))) {
            layersChanged();
        }
    }

    private void draw(String layerId, String version) {
        if (!version.equals(queued.get(layerId))) {
            return;
        }
        long start = System.nanoTime();
        try {
            Optional<Map<Tiles.Key, byte[]>> kept = writer.derived(KeptOverview.key(layerId))
                    .flatMap(text -> KeptOverview.read(text, layerId, version, drawnBy));
            if (kept.isPresent()) {
                tiles.restore(kept.get());
                log.info("read back {} overview tiles of {} as kept in {} ms", kept.get().size(), layerId,
                        (System.nanoTime() - start) / 1_000_000);
                return;
            }
            Tiles.DrawnOverview drawn = tiles.drawOverview(layerId);
            if (drawn.tiles() > 0) {
                log.info("drew {} overview tiles of {} ahead ({} KB) in {} ms", drawn.tiles(), layerId, drawn.bytes() / 1024,
                        (System.nanoTime() - start) / 1_000_000);
                tiles.cachedOverview(layerId)
                        .filter(all -> all.keySet().stream().allMatch(key -> key.version().equals(version)))
                        .ifPresent(all -> writer.keepDerived(KeptOverview.key(layerId),
                                KeptOverview.text(version, drawnBy, all)));
            }
        } catch (RuntimeException e) {
            if (closed) {
                log.debug("stopped drawing the overview tiles of {}: the server is stopping ({})", layerId, e.toString());
            } else {
                // requests then draw these tiles themselves, as they would without this
                log.warn("could not draw the overview tiles of {} ahead: {}", layerId, e.toString());
            }
        }
    }

    /**
     * A dense layer changed here (an import, a reset, the ledger's conflicts): its overview tiles are drawn before
     * the writer goes on, so a viewer opened when an import is reported done finds its first screen ready, not
     * drawing. Returns early if interrupted.
     */
    @Override
    public void layerChanged(LayerChanged change) {
        String id = change.layerId();
        String version = change.newVersion();
        if (!layerIds.contains(id) || version == null) {
            return;
        }
        long start = System.nanoTime();
        Future<?> drawing;
        synchronized (this) {
            if (closed) {
                return;
            }
            queued.put(id, version);
            drawing = worker.submit(() -> draw(id, version));
        }
        try {
            drawing.get();
            log.info("overview tiles of {} ready in {} ms", id, (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops the drawing under way before the store closes (Spring closes this bean first, as it depends on the
     * store): left running, it read on from a closed store and logged a warning at every shutdown mid-drawing.
     */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("the overview tiles were still being drawn {} s after the server began to stop", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

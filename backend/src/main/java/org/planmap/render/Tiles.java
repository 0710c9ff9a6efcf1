package org.planmap.render;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;
import org.planmap.crs.CrsRef;
import org.planmap.layer.ByteCache;
import org.planmap.layer.LayerService;
import org.planmap.layer.UnknownLayerException;
import org.planmap.style.MapStyles.LayerStyle;
import org.planmap.store.FeatureQuery;
import org.planmap.store.LayerInfo;

/**
 * 256-pixel tiles of one layer in a {@link TileGrid} (the viewer's Web Mercator XYZ grid, or CGCS2000
 * longitude/latitude), drawn by the same renderer and styles as map images and kept as PNG bytes in a
 * {@link ByteCache} keyed by the layer's version and the grid. A tile that misses the layer's extent is the one
 * shared transparent PNG, answered without a store query.
 *
 * <p>The overview tiles (zoom {@code overviewZoom} and below of both grids: where the viewer opens, and where a
 * WMTS client of the CGCS2000 set does) have a cache of their own, so a long session of street-level tiles cannot
 * push them out, and can all be drawn ahead in one read of the layer ({@link #drawOverview}). A tile being drawn is drawn once: whoever asks for it meanwhile waits for
 * that drawing rather than starting a second one.
 */
public final class Tiles {

    /** How many features are drawn between two checks that the layer still has the version being drawn. */
    private static final int VERSION_CHECK_EVERY = 10_000;

    /** A tile's bytes and its entity tag: layer version and address, so an import changes it. */
    public record Tile(byte[] png, String etag) {
    }

    /** What {@link #drawOverview} drew and cached. */
    public record DrawnOverview(int tiles, long bytes) {
    }

    private static final byte[] EMPTY = Png.encode(new BufferedImage(WebMercator.TILE_SIZE, WebMercator.TILE_SIZE,
            BufferedImage.TYPE_INT_ARGB));

    private final MapRenderer renderer;
    private final LayerService layers;
    /** One cached tile: the layer's version is part of it, so an import leaves the old tiles unreachable. */
    public record Key(String layerId, String version, TileGrid grid, int z, int x, int y) {
    }

    private final ByteCache<Key> overviewCache;
    private final ByteCache<Key> cache;
    private final int overviewZoom;
    /** Tiles being drawn now; null completes a drawing that was given up (its waiters then draw it themselves). */
    private final Map<Key, CompletableFuture<byte[]>> drawing = new ConcurrentHashMap<>();

    /**
     * @param overviewCache the tiles of zoom {@code overviewZoom} and below
     * @param cache         the tiles above
     */
    public Tiles(MapRenderer renderer, LayerService layers, ByteCache<Key> overviewCache, ByteCache<Key> cache,
            int overviewZoom) {
        this.renderer = renderer;
        this.layers = layers;
        this.overviewCache = overviewCache;
        this.cache = cache;
        this.overviewZoom = overviewZoom;
    }

    /** The layer's version, without drawing: enough to answer a conditional request. */
    public String etag(String layerId, Integer version, TileGrid grid, int z, int x, int y) {
        return etag(layers.layer(FeatureQuery.of(layerId).version(version)), grid, z, x, y);
    }

    /**
     * The tile of the layer as it is now or, with {@code version}, as it was in that kept version. Tiles are cached by
     * the content hash of what they show, so an old version's tiles are never the current one's, and a restored
     * version's are (its content is the same). An old version's tiles go to the cache of the street-level tiles
     * whatever their zoom: looking back must not push the viewer's opening tiles out.
     */
    public Tile tile(String layerId, Integer version, TileGrid grid, int z, int x, int y) {
        if (!grid.exists(z, x, y)) {
            throw new IllegalArgumentException("no tile " + grid + " " + z + "/" + x + "/" + y);
        }
        LayerInfo layer = layers.layer(FeatureQuery.of(layerId).version(version));
        LayerStyle style = style(layerId);
        String etag = etag(layer, grid, z, x, y);
        if (!grid.meets(layer.bbox(), z, x, y)) {
            return new Tile(EMPTY, etag);
        }
        Viewport view = grid.tile(z, x, y);
        Key key = new Key(layerId, layer.version(), grid, z, x, y);
        ByteCache<Key> kept = version == null ? cacheOf(key) : cache;
        byte[] png = kept.get(key);
        while (png == null) {
            png = drawOnce(key, kept, () -> draw(style, view, version));
        }
        return new Tile(png, etag);
    }

    /** True when the tile of the layer's present version is in memory. */
    public boolean cached(Key key) {
        return cacheOf(key).get(key) != null;
    }

    /**
     * The overview tiles of the layer's present version that have something to draw: those {@link #drawOverview}
     * draws. They are the viewer's (Web Mercator), where it opens and what the first requests after a start ask for,
     * and the same levels of the CGCS2000 set, where a 一张图 platform's WMTS client opens: on demand, such a tile
     * of a dense layer reads most of the layer, as a Mercator one does.
     */
    public List<Key> overview(String layerId) {
        LayerInfo layer = layers.layer(layerId);
        List<Key> keys = new ArrayList<>();
        for (TileGrid grid : TileGrid.values()) {
            for (int z = grid.minZoom(); z <= overviewZoom; z++) {
                grid.range(layer.bbox(), z).ifPresent(r -> {
                    for (int x = r.minX(); x <= r.maxX(); x++) {
                        for (int y = r.minY(); y <= r.maxY(); y++) {
                            keys.add(new Key(layerId, layer.version(), grid, r.z(), x, y));
                        }
                    }
                });
            }
        }
        return keys;
    }

    /**
     * Draws the layer's overview tiles that are neither cached nor being drawn, all in one read of the layer:
     * at these zooms every tile reads a large part of it, and the lowest read all of it, so one read costs
     * what drawing a single z0 tile did. Gives up, caching nothing, as soon as the layer has another version.
     *
     * @return the tiles drawn and cached (none when given up)
     */
    public DrawnOverview drawOverview(String layerId) {
        LayerStyle style = style(layerId);
        Map<Key, CompletableFuture<byte[]>> claimed = new LinkedHashMap<>();
        for (Key key : overview(layerId)) {
            CompletableFuture<byte[]> mine = new CompletableFuture<>();
            if (!cached(key) && drawing.putIfAbsent(key, mine) == null) {
                claimed.put(key, mine);
            }
        }
        Map<Key, byte[]> drawn = new LinkedHashMap<>();
        try {
            if (!claimed.isEmpty()) {
                drawn = drawTogether(style, claimed.keySet().iterator().next().version(), List.copyOf(claimed.keySet()));
                drawn.forEach((key, png) -> cacheOf(key).put(key, png));
            }
        } finally {
            Map<Key, byte[]> done = drawn;
            claimed.forEach((key, future) -> {
                drawing.remove(key, future);
                future.complete(done.get(key));
            });
        }
        return new DrawnOverview(drawn.size(), drawn.values().stream().mapToLong(png -> png.length).sum());
    }

    /**
     * The layer's overview tiles as cached now at its present version, all of them, or empty when any is missing
     * (not drawn yet, or pushed out of the cache).
     */
    public Optional<Map<Key, byte[]>> cachedOverview(String layerId) {
        Map<Key, byte[]> all = new LinkedHashMap<>();
        for (Key key : overview(layerId)) {
            byte[] png = overviewCache.get(key);
            if (png == null) {
                return Optional.empty();
            }
            all.put(key, png);
        }
        return Optional.of(all);
    }

    /** Caches tiles drawn earlier (by this server before a restart, or by another one sharing the store). */
    public void restore(Map<Key, byte[]> tiles) {
        tiles.forEach((key, png) -> cacheOf(key).put(key, png));
    }

    /** Thrown from inside the read to stop it: the layer changed, the drawing is of no use. */
    private static final class Superseded extends RuntimeException {
        Superseded() {
            super("the layer has a newer version", null, false, false);
        }
    }

    private Map<Key, byte[]> drawTogether(LayerStyle style, String version, List<Key> keys) {
        List<Canvas> canvases = keys.stream().map(k -> new Canvas(k, k.grid().tile(k.z(), k.x(), k.y()), style)).toList();
        Envelope all = new Envelope();
        canvases.forEach(c -> all.expandToInclude(c.bounds));
        long[] read = {0};
        boolean[] superseded = {false};
        try {
            layers.forEach(MapRenderer.drawnIn(style, all), CrsRef.WGS84, f -> {
                if (++read[0] % VERSION_CHECK_EVERY == 0 && !current(style.id(), version)) {
                    superseded[0] = true;
                    throw new Superseded();
                }
                if (f.geometry() == null) {
                    return;
                }
                Envelope e = f.geometry().getEnvelopeInternal();
                for (Canvas c : canvases) {
                    if (c.bounds.intersects(e)) {
                        c.drawing.accept(f);
                    }
                }
            });
            Map<Key, byte[]> out = new LinkedHashMap<>();
            canvases.forEach(c -> out.put(c.key, c.png()));
            return current(style.id(), version) ? out : Map.of();
        } catch (RuntimeException e) {
            // a store may wrap what its reader threw
            if (superseded[0]) {
                return Map.of();
            }
            throw e;
        } finally {
            canvases.forEach(c -> c.g.dispose());
        }
    }

    /** One tile being drawn among others. */
    private static final class Canvas {
        final Key key;
        final Envelope bounds;
        final BufferedImage image = new BufferedImage(WebMercator.TILE_SIZE, WebMercator.TILE_SIZE,
                BufferedImage.TYPE_INT_ARGB);
        final Graphics2D g = image.createGraphics();
        final MapRenderer.Drawing drawing;

        Canvas(Key key, Viewport view, LayerStyle style) {
            this.key = key;
            this.bounds = MapRenderer.queryBounds(view);
            MapRenderer.prepare(g);
            this.drawing = new MapRenderer.Drawing(g, view, style);
        }

        byte[] png() {
            drawing.finish();
            return drawing.drewAny() ? Png.encode(image) : EMPTY;
        }
    }

    private boolean current(String layerId, String version) {
        try {
            return layers.layer(layerId).version().equals(version);
        } catch (UnknownLayerException e) {
            return false;
        }
    }

    /**
     * Draws and caches the tile, or waits for the drawing already under way: a second drawing would take as
     * long, on the same two cores, and hold a second copy of the features. Null when that drawing was given up.
     */
    private byte[] drawOnce(Key key, ByteCache<Key> kept, Supplier<byte[]> draw) {
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> running = drawing.putIfAbsent(key, mine);
        if (running != null) {
            return running.join();
        }
        byte[] png = null;
        try {
            png = kept.get(key);   // drawn and cached between the caller's look and this claim
            if (png == null) {
                png = draw.get();
                kept.put(key, png);
            }
            return png;
        } finally {
            drawing.remove(key, mine);
            mine.complete(png);
        }
    }

    private byte[] draw(LayerStyle style, Viewport view, Integer version) {
        BufferedImage image = new BufferedImage(view.width(), view.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            MapRenderer.prepare(g);
            MapRenderer.Drawing drawing = new MapRenderer.Drawing(g, view, style);
            renderer.forEachFeature(style, view, version, drawing);
            drawing.finish();
            return drawing.drewAny() ? Png.encode(image) : EMPTY;
        } finally {
            g.dispose();
        }
    }

    private LayerStyle style(String layerId) {
        return renderer.styles().layer(layerId).orElseThrow(() -> new UnknownLayerException(layerId));
    }

    /**
     * The overview tiles of both grids have a cache of their own: they are few (a level-8 tile is 1.4° wide), so
     * neither grid's clients can push out what the other's open with.
     */
    private ByteCache<Key> cacheOf(Key key) {
        return key.z() <= overviewZoom ? overviewCache : cache;
    }

    /** The layer's version, the grid and the address: an import or another grid is another tag. */
    private static String etag(LayerInfo layer, TileGrid grid, int z, int x, int y) {
        return "\"" + layer.version() + "-" + grid.key() + "-" + z + "-" + x + "-" + y + "\"";
    }
}

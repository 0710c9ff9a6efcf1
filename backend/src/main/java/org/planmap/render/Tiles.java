package org.planmap.render;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.planmap.layer.ByteCache;
import org.planmap.layer.LayerService;
import org.planmap.layer.UnknownLayerException;
import org.planmap.render.MapStyles.LayerStyle;
import org.planmap.store.LayerInfo;

/**
 * 256-pixel XYZ tiles of one layer in Web Mercator, drawn by the same renderer and styles as map images and
 * kept as PNG bytes in a {@link ByteCache} keyed by the layer's version. A tile that misses the layer's
 * extent is the one shared transparent PNG, answered without a store query.
 */
public final class Tiles {

    public static final int MAX_ZOOM = 18;

    /** A tile's bytes and its entity tag: layer version and address, so an import changes it. */
    public record Tile(byte[] png, String etag) {
    }

    private static final byte[] EMPTY = Png.encode(new BufferedImage(WebMercator.TILE_SIZE, WebMercator.TILE_SIZE,
            BufferedImage.TYPE_INT_ARGB));

    private final MapRenderer renderer;
    private final LayerService layers;
    /** One cached tile: the layer's version is part of it, so an import leaves the old tiles unreachable. */
    public record Key(String layerId, String version, int z, int x, int y) {
    }

    private final ByteCache<Key> cache;

    public Tiles(MapRenderer renderer, LayerService layers, ByteCache<Key> cache) {
        this.renderer = renderer;
        this.layers = layers;
        this.cache = cache;
    }

    /** True when {@code z/x/y} names a tile: z in 0..18, x and y in 0..2^z−1. */
    public static boolean exists(int z, int x, int y) {
        return z >= 0 && z <= MAX_ZOOM && x >= 0 && y >= 0 && x < (1 << z) && y < (1 << z);
    }

    /** The layer's version, without drawing: enough to answer a conditional request. */
    public String etag(String layerId, int z, int x, int y) {
        return etag(layers.layer(layerId), z, x, y);
    }

    public Tile tile(String layerId, int z, int x, int y) {
        if (!exists(z, x, y)) {
            throw new IllegalArgumentException("no tile " + z + "/" + x + "/" + y);
        }
        LayerInfo layer = layers.layer(layerId);
        LayerStyle style = renderer.styles().layer(layerId).orElseThrow(() -> new UnknownLayerException(layerId));
        String etag = etag(layer, z, x, y);
        Viewport view = Viewport.tile(z, x, y);
        if (!meets(layer.bbox(), MapRenderer.queryBounds(view))) {
            return new Tile(EMPTY, etag);
        }
        Key key = new Key(layerId, layer.version(), z, x, y);
        byte[] png = cache.get(key);
        if (png == null) {
            png = draw(style, view);
            cache.put(key, png);
        }
        return new Tile(png, etag);
    }

    private byte[] draw(LayerStyle style, Viewport view) {
        BufferedImage image = new BufferedImage(view.width(), view.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            MapRenderer.prepare(g);
            MapRenderer.Drawing drawing = new MapRenderer.Drawing(g, view, style);
            renderer.forEachFeature(style.id(), view, drawing);
            drawing.finish();
            return drawing.drewAny() ? Png.encode(image) : EMPTY;
        } finally {
            g.dispose();
        }
    }

    private static String etag(LayerInfo layer, int z, int x, int y) {
        return "\"" + layer.version() + "-" + z + "-" + x + "-" + y + "\"";
    }

    private static boolean meets(List<Double> bbox, Envelope view) {
        return bbox.size() == 4 && view.intersects(new Envelope(bbox.get(0), bbox.get(2), bbox.get(1), bbox.get(3)));
    }
}

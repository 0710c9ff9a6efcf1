package org.planmap.render;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.planmap.crs.CrsRef;

/**
 * A pyramid of 256-pixel tiles over a plane: from a top-left corner, zoom {@code z} cuts the world's width into
 * 2^z columns, and each level's pixel is half the one above. The renderer draws any tile of any grid the same way
 * (a {@link Viewport} of the tile's rectangle); only where the rectangle lies differs.
 */
public enum TileGrid {

    /** The viewer's XYZ tiles, WMTS GoogleMapsCompatible: EPSG:3857, zoom 0 one square tile up to ±85.05°. */
    WEB_MERCATOR("w", CrsRef.WEB_MERCATOR, Plane.WEB_MERCATOR, -WebMercator.HALF, WebMercator.HALF,
            2 * WebMercator.HALF, 1, 0),
    /**
     * 天地图's {@code c}: CGCS2000 longitude/latitude in plate carrée from (−180°, 90°); level 1 is 2 × 1 tiles of
     * 180° (0.703125° a pixel), so a level has twice as many columns as rows. Level 0 would be one tile of 360° × 180°,
     * half of it beyond the pole, and 天地图 has none.
     */
    CGCS2000("c", CrsRef.CGCS2000, Plane.LON_LAT, -180, 90, 360, 2, 1);

    public static final int MAX_ZOOM = 18;

    private final String key;
    private final CrsRef crs;
    private final Plane plane;
    private final double left;
    private final double top;
    private final double worldWidth;
    private final int columnsPerRow;
    private final int minZoom;

    TileGrid(String key, CrsRef crs, Plane plane, double left, double top, double worldWidth, int columnsPerRow,
            int minZoom) {
        this.key = key;
        this.crs = crs;
        this.plane = plane;
        this.left = left;
        this.top = top;
        this.worldWidth = worldWidth;
        this.columnsPerRow = columnsPerRow;
        this.minZoom = minZoom;
    }

    /** A short name for cache keys and entity tags ({@code w}, {@code c}: 天地图's names of the two). */
    public String key() {
        return key;
    }

    /** The grid {@link #key} names. */
    public static Optional<TileGrid> ofKey(String key) {
        return Arrays.stream(values()).filter(g -> g.key.equals(key)).findFirst();
    }

    public CrsRef crs() {
        return crs;
    }

    public Plane plane() {
        return plane;
    }

    public int minZoom() {
        return minZoom;
    }

    /** The top-left corner of every level, in the plane's x and y. */
    public double left() {
        return left;
    }

    public double top() {
        return top;
    }

    /** All the tiles of a level cover this rectangle of the plane. */
    public Envelope world() {
        return new Envelope(left, left + worldWidth, top - worldWidth / columnsPerRow, top);
    }

    public long columns(int z) {
        return 1L << z;
    }

    public long rows(int z) {
        return (1L << z) / columnsPerRow;
    }

    /** Plane units per pixel at zoom {@code z}. */
    public double resolution(int z) {
        return tileSpan(z) / WebMercator.TILE_SIZE;
    }

    /** True when {@code z/x/y} names a tile of the grid. */
    public boolean exists(int z, int x, int y) {
        return z >= minZoom && z <= MAX_ZOOM && x >= 0 && y >= 0 && x < columns(z) && y < rows(z);
    }

    /** The tile {@code z/x/y} at 256 pixels. */
    public Viewport tile(int z, int x, int y) {
        double size = tileSpan(z);
        double minX = left + x * size;
        double maxY = top - y * size;
        return new Viewport(plane, new Envelope(minX, minX + size, maxY - size, maxY), WebMercator.TILE_SIZE,
                WebMercator.TILE_SIZE);
    }

    /** The columns {@code minX..maxX} and rows {@code minY..maxY} of zoom {@code z}, all inclusive. */
    public record TileRange(int z, int minX, int maxX, int minY, int maxY) {
    }

    /**
     * The tiles of zoom {@code z} that may show something of a layer with this bounding box (longitude,
     * latitude): exactly those whose bounds, widened by the renderer's stroke margin, meet the box — the tiles
     * {@link Tiles#tile} draws rather than answering with the empty tile. Empty for an empty layer and for a
     * zoom the grid does not have.
     */
    public Optional<TileRange> range(List<Double> bbox, int z) {
        if (bbox.size() != 4 || z < minZoom || z > MAX_ZOOM) {
            return Optional.empty();
        }
        int lastX = (int) columns(z) - 1;
        int lastY = (int) rows(z) - 1;
        // Start one tile beyond the box on every side (a stroke's margin may reach into it), then drop the edge
        // tiles whose widened bounds miss the box. A tile's bounds and the box are both rectangles, so a column
        // meets the box when its tile in any row the box covers does, and likewise for a row.
        int x0 = Math.max(0, column(bbox.get(0), z) - 1);
        int x1 = Math.min(lastX, column(bbox.get(2), z) + 1);
        int y0 = Math.max(0, row(bbox.get(3), z) - 1);
        int y1 = Math.min(lastY, row(bbox.get(1), z) + 1);
        int midX = Math.max(0, Math.min(lastX, column((bbox.get(0) + bbox.get(2)) / 2, z)));
        int midY = Math.max(0, Math.min(lastY, row((bbox.get(1) + bbox.get(3)) / 2, z)));
        while (x0 <= x1 && !meets(bbox, z, x0, midY)) {
            x0++;
        }
        while (x1 >= x0 && !meets(bbox, z, x1, midY)) {
            x1--;
        }
        while (y0 <= y1 && !meets(bbox, z, midX, y0)) {
            y0++;
        }
        while (y1 >= y0 && !meets(bbox, z, midX, y1)) {
            y1--;
        }
        return x0 <= x1 && y0 <= y1 ? Optional.of(new TileRange(z, x0, x1, y0, y1)) : Optional.empty();
    }

    /** True when the tile's bounds, widened by the stroke margin, meet the longitude/latitude box. */
    boolean meets(List<Double> bbox, int z, int x, int y) {
        return bbox.size() == 4 && MapRenderer.queryBounds(tile(z, x, y))
                .intersects(new Envelope(bbox.get(0), bbox.get(2), bbox.get(1), bbox.get(3)));
    }

    private double tileSpan(int z) {
        return worldWidth / (1L << z);
    }

    private int column(double lon, int z) {
        return (int) Math.floor((plane.x(lon) - left) / tileSpan(z));
    }

    private int row(double lat, int z) {
        return (int) Math.floor((top - plane.y(lat)) / tileSpan(z));
    }
}

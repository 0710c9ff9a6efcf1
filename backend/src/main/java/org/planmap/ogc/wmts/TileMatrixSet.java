package org.planmap.ogc.wmts;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.planmap.crs.CrsRef.AxisOrder;
import org.planmap.render.TileGrid;

/**
 * A WMTS tile matrix set: one tile matrix per zoom of a renderer {@link TileGrid}, so a WMTS tile is the grid's tile
 * of the same zoom, column and row, drawn once and cached once.
 *
 * <ul>
 * <li>{@code GoogleMapsCompatible}: the viewer's XYZ grid, EPSG:3857, zooms 0–18 (WMTS 1.0.0 Annex E.4).
 * <li>{@code c}: 天地图's CGCS2000 geographic set, EPSG:4490, levels 1–18, level 1 = 2 × 1 tiles of 0.703125° a
 * pixel from (90°N, 180°W). Named as 天地图 names it, so a 一张图 platform's tile template for 天地图 reaches
 * planmap by its host and layer alone.
 * </ul>
 *
 * @param titleZh           what clients list
 * @param wellKnownScaleSet the OGC well-known scale set the matrices follow, which clients use to align sets; null
 *                          when none applies
 */
public record TileMatrixSet(String id, String titleZh, TileGrid grid, String wellKnownScaleSet,
        List<TileMatrix> matrices) {

    /**
     * WMTS 1.0.0 (OGC 07-057r7) assumes a "standardized rendering pixel" of 0.28 mm when it turns a ground
     * resolution into a scale denominator.
     */
    static final double PIXEL_SIZE_M = 0.00028;

    public static final TileMatrixSet GOOGLE_MAPS_COMPATIBLE = of("GoogleMapsCompatible", "Web 墨卡托（谷歌地图兼容）",
            TileGrid.WEB_MERCATOR, "urn:ogc:def:wkss:OGC:1.0:GoogleMapsCompatible");
    /**
     * No well-known scale set: GoogleCRS84Quad has the same scales level for level, but it is defined in CRS84
     * (longitude first) with one 360° × 360° tile at level 0, and a client aligning by it would misplace these.
     */
    public static final TileMatrixSet CGCS2000 = of("c", "CGCS2000 经纬度（天地图 c 兼容）", TileGrid.CGCS2000, null);

    public static final List<TileMatrixSet> ALL = List.of(GOOGLE_MAPS_COMPATIBLE, CGCS2000);

    public TileMatrixSet {
        matrices = List.copyOf(matrices);
    }

    /**
     * The matrices of every zoom of the grid, identified by the zoom. Scale denominator = resolution (plane units
     * a pixel) × metres a unit at the equator ÷ 0.28 mm: Mercator 2π·6 378 137 m / (256 · 2^z) / 0.28 mm =
     * 559 082 264.029 / 2^z; CGCS2000 (360° / (256 · 2^z)) × (2π·6 378 137 m / 360°) / 0.28 mm, the same numbers
     * (level 1: 279 541 132.014).
     */
    static TileMatrixSet of(String id, String titleZh, TileGrid grid, String wellKnownScaleSet) {
        return new TileMatrixSet(id, titleZh, grid, wellKnownScaleSet, IntStream.rangeClosed(grid.minZoom(),
                TileGrid.MAX_ZOOM).mapToObj(z -> new TileMatrix(String.valueOf(z), z,
                        grid.resolution(z) * grid.plane().metresPerUnit() / PIXEL_SIZE_M, grid.columns(z),
                        grid.rows(z))).toList());
    }

    public static Optional<TileMatrixSet> byId(String id) {
        return ALL.stream().filter(s -> s.id.equals(id)).findFirst();
    }

    public Optional<TileMatrix> matrix(String id) {
        return matrices.stream().filter(m -> m.id.equals(id)).findFirst();
    }

    /** The CRS as WMTS writes it, an OGC URN. */
    public String crs() {
        return "urn:ogc:def:crs:EPSG::" + grid.crs().epsg();
    }

    /**
     * True when the CRS's EPSG definition puts northing or latitude first, as WMTS wants corners written:
     * EPSG:3857 "x y", but EPSG:4490 "latitude longitude" (TopLeftCorner "90 -180").
     */
    boolean northFirst() {
        return grid.crs().declaredAxisOrder() != AxisOrder.EAST_NORTH;
    }

    /**
     * One zoom's grid: {@code columns} × {@code rows} tiles of 256 pixels from the set's top-left corner.
     */
    public record TileMatrix(String id, int zoom, double scaleDenominator, long columns, long rows) {
    }
}

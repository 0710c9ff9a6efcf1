package org.planmap.ogc.wmts;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.planmap.render.Tiles;
import org.planmap.render.WebMercator;

/**
 * A WMTS tile matrix set: one tile matrix per zoom, each a grid of 256-pixel tiles from a top-left corner at a
 * scale. Only GoogleMapsCompatible is served: it is the grid of the viewer's XYZ tiles, so a WMTS tile is the
 * XYZ tile of the same zoom, column and row, drawn once and cached once.
 *
 * @param crs               the CRS as WMTS writes it (an OGC URN)
 * @param wellKnownScaleSet the OGC well-known scale set the matrices follow, which clients use to align sets
 */
public record TileMatrixSet(String id, String crs, String wellKnownScaleSet, List<TileMatrix> matrices) {

    /**
     * WMTS 1.0.0 (OGC 07-057r7) assumes a "standardized rendering pixel" of 0.28 mm when it turns a ground
     * resolution into a scale denominator.
     */
    static final double PIXEL_SIZE_M = 0.00028;

    /** EPSG:3857 at zooms 0–18, the set of Annex E.4 of WMTS 1.0.0; its identifiers are the zooms. */
    public static final TileMatrixSet GOOGLE_MAPS_COMPATIBLE = new TileMatrixSet("GoogleMapsCompatible",
            "urn:ogc:def:crs:EPSG::3857", "urn:ogc:def:wkss:OGC:1.0:GoogleMapsCompatible",
            IntStream.rangeClosed(0, Tiles.MAX_ZOOM).mapToObj(z -> new TileMatrix(String.valueOf(z), z,
                    WebMercator.resolution(z) / PIXEL_SIZE_M, -WebMercator.HALF, WebMercator.HALF, 1L << z)).toList());

    public static final List<TileMatrixSet> ALL = List.of(GOOGLE_MAPS_COMPATIBLE);

    public TileMatrixSet {
        matrices = List.copyOf(matrices);
    }

    public static Optional<TileMatrixSet> byId(String id) {
        return ALL.stream().filter(s -> s.id.equals(id)).findFirst();
    }

    public Optional<TileMatrix> matrix(String id) {
        return matrices.stream().filter(m -> m.id.equals(id)).findFirst();
    }

    /**
     * One zoom's grid: {@code size} × {@code size} tiles of {@value WebMercator#TILE_SIZE} pixels.
     *
     * @param left,top the top-left corner in the CRS's axis order (EPSG:3857: easting, northing)
     */
    public record TileMatrix(String id, int zoom, double scaleDenominator, double left, double top, long size) {
    }
}

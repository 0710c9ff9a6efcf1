package org.planmap.ogc.wmts;

import java.util.List;
import java.util.stream.Collectors;
import org.planmap.layer.LayerService;
import org.planmap.ogc.wmts.TileMatrixSet.TileMatrix;
import org.planmap.style.MapStyles;
import org.planmap.render.TileGrid;
import org.planmap.render.TileGrid.TileRange;
import org.planmap.render.Tiles;
import org.planmap.store.LayerInfo;

/**
 * WMTS over the tile renderer: which layers it offers (every stored layer the renderer has a style for and that
 * has features), its capabilities, and which XYZ tile a GetTile request names. The tiles themselves come from
 * {@link Tiles}, the viewer's tile cache, so both doors answer the same bytes.
 */
final class Wmts {

    private final LayerService layers;
    private final MapStyles styles;

    Wmts(LayerService layers, MapStyles styles) {
        this.layers = layers;
        this.styles = styles;
    }

    /** A tile of one of the renderer's grids. */
    record TileAddress(String layerId, TileGrid grid, int z, int x, int y) {
    }

    List<LayerInfo> tiledLayers() {
        return layers.layers().stream()
                .filter(l -> styles.layer(l.id()).isPresent() && l.bbox().size() == 4).toList();
    }

    /** @param root the service's address, {@code http://host:port/wmts} */
    byte[] capabilities(String root) {
        return WmtsCapabilities.write(root, tiledLayers());
    }

    /** The tile a request names, or the OWS exception that says why it names none. */
    TileAddress locate(TileRequest r) {
        LayerInfo layer = tiledLayers().stream().filter(l -> l.id().equals(r.layer())).findFirst()
                .orElseThrow(() -> OwsException.invalid("LAYER", "没有瓦片图层“" + r.layer() + "”",
                        "there is no tiled layer '" + r.layer() + "'"));
        if (!r.style().equals(WmtsCapabilities.STYLE)) {
            throw OwsException.invalid("STYLE", "只有样式 default", "the only style is 'default'");
        }
        if (!r.format().equals(WmtsCapabilities.FORMAT)) {
            throw OwsException.invalid("FORMAT", "只提供 image/png", "the only format is image/png");
        }
        String sets = TileMatrixSet.ALL.stream().map(TileMatrixSet::id).collect(Collectors.joining(", "));
        TileMatrixSet set = TileMatrixSet.byId(r.matrixSet()).orElseThrow(() -> OwsException.invalid("TILEMATRIXSET",
                "只有 " + sets, "the sets are " + sets));
        int first = set.grid().minZoom();
        TileMatrix matrix = set.matrix(r.matrix()).orElseThrow(() -> OwsException.invalid("TILEMATRIX",
                "应为 " + first + "~" + TileGrid.MAX_ZOOM + " 级", "must be a level of " + first + ".."
                        + TileGrid.MAX_ZOOM));
        long row = index("TILEROW", r.row());
        long col = index("TILECOL", r.col());
        // Within the limits the capabilities declare: beyond them the layer has nothing to draw.
        TileRange range = set.grid().range(layer.bbox(), matrix.zoom()).orElse(null);
        boolean rowIn = range != null && row >= range.minY() && row <= range.maxY();
        boolean colIn = range != null && col >= range.minX() && col <= range.maxX();
        if (!rowIn || !colIn) {
            throw OwsException.outOfRange(rowIn ? "TILECOL" : "TILEROW", matrix.id(), row, col, range == null ? "—"
                    : range.minY() + "–" + range.maxY() + " / " + range.minX() + "–" + range.maxX());
        }
        return new TileAddress(layer.id(), set.grid(), matrix.zoom(), (int) col, (int) row);
    }

    private static long index(String name, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw OwsException.invalid(name, "“" + text + "”不是整数", "'" + text + "' is not a whole number");
        }
    }
}

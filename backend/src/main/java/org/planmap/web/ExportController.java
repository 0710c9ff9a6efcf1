package org.planmap.web;

import org.planmap.http.LayerSelection;
import org.planmap.http.StreamedResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import org.planmap.settings.ExportProperties;
import org.planmap.settings.PlanmapProperties;
import org.planmap.layer.ByteCache;
import org.planmap.layer.FeaturePage;
import org.planmap.layer.LayerService;
import org.planmap.style.MapStyles;
import org.planmap.store.LayerInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A layer as a file to download: {@code format} (Shapefile, GeoPackage, KML, CSV, GeoJSON), optionally only
 * the features in {@code bbox} (EPSG:4326), under an {@code adcode} prefix or matching a CQL2 {@code filter}, in the
 * CRS asked for. The same
 * query as the map's features, through another encoder.
 */
@RestController
@RequestMapping("/api/layers")
class ExportController {

    /** Files up to this share of the cache are kept for the next download; larger ones stream and are gone. */
    private static final int CACHED_SHARE = 16;

    private final LayerService layers;
    private final MapStyles styles;
    private final Path workDir;

    private final ByteCache<ExportRequest.Key> files;
    private final int cachedFileBytes;

    ExportController(LayerService layers, MapStyles styles, ExportProperties limits, PlanmapProperties properties) {
        this.layers = layers;
        this.styles = styles;
        this.files = new ByteCache<>(limits.cache().toBytes());
        this.cachedFileBytes = (int) Math.min(Integer.MAX_VALUE, limits.cache().toBytes() / CACHED_SHARE);
        // Shapefiles and GeoPackages are built as files beside the store, on its disk, not in a small /tmp.
        this.workDir = properties.dataDir().resolve("exports");
    }

    /**
     * Parameters and the layer are judged before the first byte, so bad input is a problem document; then the
     * features stream from the store's cursor into the encoder and out, whatever their number. Small files are
     * kept: planners download the same few again and again (the province's counties as a Shapefile).
     */
    @GetMapping("/{id}/export")
    void export(@PathVariable String id, LayerSelection selection, @RequestParam(required = false) String format,
            @RequestParam(required = false) String crs, @RequestParam(required = false) String encoding,
            HttpServletResponse response) throws IOException {
        ExportRequest export = ExportRequest.parse(id, selection, format, crs, encoding, workDir, styles);
        LayerInfo layer = layers.layer(export.query());
        ExportRequest.Key key = export.key(layer);
        Runnable headers = () -> {
            response.setContentType(export.encoder().mediaType());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, export.attachment(layer));
        };
        byte[] cached = files.get(key);
        if (cached != null) {
            response.setContentLength(cached.length);
            StreamedResponse.send(response, headers, out -> out.write(cached));
            return;
        }
        try (FeaturePage page = layers.page(export.query(), export.crs())) {
            StreamedResponse.send(response, headers, cachedFileBytes, out -> export.encoder().write(page, out))
                    .ifPresent(file -> files.put(key, file));
        }
    }
}

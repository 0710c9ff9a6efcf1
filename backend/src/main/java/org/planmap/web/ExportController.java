package org.planmap.web;

import org.planmap.http.StreamedResponse;
import org.planmap.http.QueryParams;
import org.planmap.http.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import org.locationtech.jts.geom.Envelope;
import org.planmap.settings.ExportProperties;
import org.planmap.settings.PlanmapProperties;
import org.planmap.crs.CrsRef;
import org.planmap.encode.ExportFormats;
import org.planmap.encode.FeatureEncoder;
import org.planmap.encode.shapefile.ShapefileEncoder;
import org.planmap.layer.ByteCache;
import org.planmap.layer.FeaturePage;
import org.planmap.layer.LayerService;
import org.planmap.style.MapStyles;
import org.planmap.store.FeatureQuery;
import org.planmap.store.LayerInfo;
import org.planmap.store.filter.Filter;
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

    /** One export as asked, normalised; the layer's version makes an import miss every older file. */
    private record Key(String layerId, String version, String format, Charset charset, int epsg, Envelope bbox,
            String adcodePrefix, Filter filter) {
    }

    private final ByteCache<Key> files;
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
    void export(@PathVariable String id,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String crs,
            @RequestParam(required = false) String bbox,
            @RequestParam(required = false) String adcode,
            @RequestParam(required = false) String encoding,
            @RequestParam(required = false) String filter,
            @RequestParam(name = "filter-lang", required = false) String filterLang,
            @RequestParam(name = "version", required = false) String versionText,
            HttpServletResponse response) throws IOException {
        Integer version = QueryParams.version(versionText);
        LayerInfo layer = layers.layer(FeatureQuery.of(id).version(version));
        Charset charset = charset(encoding);
        FeatureEncoder encoder = ExportFormats.encoder(format == null ? "" : format, charset, workDir, styles)
                .orElseThrow(() -> ApiException.badParameter("format", "应为 " + String.join("、", ExportFormats.NAMES),
                        "must be one of " + String.join(", ", ExportFormats.NAMES)));
        CrsRef target = crs == null || crs.isBlank() ? CrsRef.WGS84 : CrsRef.parse(crs);
        encoder.checkCrs(target);
        String prefix = QueryParams.adcodePrefix(adcode);
        FeatureQuery query = FeatureQuery.of(id).version(version).bbox(QueryParams.bbox(bbox)).adcodePrefix(prefix)
                .filter(Filter.parse(filter, filterLang));
        Key key = new Key(id, layer.version(), encoder.format(), charset, target.epsg(), query.bbox(), prefix, query.filter());
        String scope = (version == null ? "" : "-v" + version) + (prefix == null ? "" : "-" + prefix) + (bbox == null || bbox.isBlank() ? "" : "-bbox")
                + (query.filter() == null ? "" : "-filter");
        String suffix = scope + "-EPSG" + target.epsg() + "." + encoder.fileExtension();
        Runnable headers = () -> {
            response.setContentType(encoder.mediaType());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    Downloads.attachment(layer.title().replaceAll("[\\\\/:*?\"<>|]", "_") + suffix, id + suffix));
        };
        byte[] cached = files.get(key);
        if (cached != null) {
            response.setContentLength(cached.length);
            StreamedResponse.send(response, headers, out -> out.write(cached));
            return;
        }
        try (FeaturePage page = layers.page(query, target)) {
            StreamedResponse.send(response, headers, cachedFileBytes, out -> encoder.write(page, out))
                    .ifPresent(file -> files.put(key, file));
        }
    }

    private static Charset charset(String encoding) {
        if (encoding == null || encoding.isBlank()) {
            return ShapefileEncoder.CHARSETS.get(0);
        }
        return ShapefileEncoder.CHARSETS.stream().filter(c -> c.name().equalsIgnoreCase(encoding.strip())).findFirst()
                .orElseThrow(() -> ApiException.badParameter("encoding", "应为 UTF-8 或 GBK（Shapefile 属性表的文字编码）",
                        "must be UTF-8 or GBK (the Shapefile's DBF text encoding)"));
    }
}

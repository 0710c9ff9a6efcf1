package org.planmap.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import org.locationtech.jts.geom.Envelope;
import org.planmap.config.ExportProperties;
import org.planmap.crs.CrsRef;
import org.planmap.encode.ExportFormats;
import org.planmap.encode.FeatureEncoder;
import org.planmap.encode.shapefile.ShapefileEncoder;
import org.planmap.layer.ByteCache;
import org.planmap.layer.FeaturePage;
import org.planmap.layer.LayerService;
import org.planmap.store.FeatureQuery;
import org.planmap.store.LayerInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A layer as a file to download: {@code format} (Shapefile, GeoPackage, KML, CSV, GeoJSON), optionally only
 * the features in {@code bbox} (EPSG:4326) or under an {@code adcode} prefix, in the CRS asked for. The same
 * query as the map's features, through another encoder.
 */
@RestController
@RequestMapping("/api/layers")
class ExportController {

    private final LayerService layers;
    private final ExportProperties limits;

    /** One export as asked, normalised; the layer's version makes an import miss every older file. */
    private record Key(String layerId, String version, String format, Charset charset, int epsg, Envelope bbox,
            String adcodePrefix) {
    }

    private final ByteCache<Key> files;

    ExportController(LayerService layers, ExportProperties limits) {
        this.layers = layers;
        this.limits = limits;
        this.files = new ByteCache<>(limits.cache().toBytes());
    }

    /**
     * Encoded whole before the first byte is sent, so that a failure is still a problem document and not a
     * cut file, and kept: planners download the same few files again and again (the province's counties as a
     * Shapefile), and each costs tens of milliseconds of CPU to encode.
     */
    @GetMapping("/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable String id,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String crs,
            @RequestParam(required = false) String bbox,
            @RequestParam(required = false) String adcode,
            @RequestParam(required = false) String encoding) throws IOException {
        LayerInfo layer = layers.layer(id);
        Charset charset = charset(encoding);
        FeatureEncoder encoder = ExportFormats.encoder(format == null ? "" : format, charset)
                .orElseThrow(() -> ApiException.badParameter("format", "应为 " + String.join("、", ExportFormats.NAMES),
                        "must be one of " + String.join(", ", ExportFormats.NAMES)));
        CrsRef target = crs == null || crs.isBlank() ? CrsRef.WGS84 : CrsRef.parse(crs);
        encoder.checkCrs(target);
        String prefix = QueryParams.adcodePrefix(adcode);
        FeatureQuery query = new FeatureQuery(id, QueryParams.bbox(bbox), prefix, null, 0);
        Key key = new Key(id, layer.version(), encoder.format(), charset, target.epsg(), query.bbox(), prefix);
        byte[] file = files.get(key);
        if (file == null) {
            file = encode(query, target, encoder);
            files.put(key, file);
        }
        String scope = (prefix == null ? "" : "-" + prefix) + (bbox == null || bbox.isBlank() ? "" : "-bbox");
        String suffix = scope + "-EPSG" + target.epsg() + "." + encoder.fileExtension();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(encoder.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        Downloads.attachment(layer.title().replaceAll("[\\\\/:*?\"<>|]", "_") + suffix, id + suffix))
                .body(file);
    }

    private byte[] encode(FeatureQuery query, CrsRef target, FeatureEncoder encoder) throws IOException {
        long count = layers.count(query);
        if (count > limits.maxFeatures()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "export-too-large",
                    "要导出的要素有 " + count + " 个，超过单次导出上限 " + limits.maxFeatures()
                            + " 个：请用 bbox（当前视图）或 adcode（某市、县）缩小范围，或经 OGC API（/ogc）分页读取",
                    count + " features match, more than the " + limits.maxFeatures() + " one export may hold: narrow it "
                            + "with bbox or adcode, or page through it with OGC API - Features (/ogc)");
        }
        FeaturePage page = layers.features(query, target);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encoder.write(page, out);
        return out.toByteArray();
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

package org.planmap.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.planmap.encode.GeoJsonEncoder;
import org.planmap.layer.CachedLayers;
import org.planmap.layer.FeaturePage;
import org.planmap.layer.LayerService;
import org.planmap.layer.ZoomBand;
import org.planmap.store.FeatureQuery;
import org.planmap.store.LayerInfo;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The layer catalog and each layer's features as GeoJSON in EPSG:4326. */
@RestController
@RequestMapping("/api/layers")
class LayerController {

    private final LayerService layers;
    private final CachedLayers cache;
    private final GeoJsonEncoder geoJson = new GeoJsonEncoder();

    LayerController(LayerService layers, CachedLayers cache) {
        this.layers = layers;
        this.cache = cache;
    }

    @GetMapping
    List<LayerInfo> catalog() {
        return layers.layers();
    }

    @GetMapping("/{id}")
    LayerInfo layer(@PathVariable String id) {
        return layers.layer(id);
    }

    @GetMapping("/{id}/features")
    ResponseEntity<byte[]> features(@PathVariable String id,
            @RequestParam(required = false) String bbox,
            @RequestParam(required = false) String adcode,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Long offset,
            @RequestParam(required = false) Integer zoom,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ZoomBand> band = QueryParams.zoom(zoom);
        if (bbox == null && adcode == null && limit == null && offset == null) {
            // Usually answered by CachedLayerHandler already; this serves what it leaves (a version check due, a
            // band not built yet, HEAD, extra parameters).
            Optional<CachedLayers.Answer> cached = cache.answer(id, band);
            if (cached.isPresent()) {
                CachedLayerResponses.send(cached.get(), request, response);
                return null;
            }
        } else if (zoom != null) {
            throw ApiException.badParameter("zoom", "zoom 用于整层概化数据，不能与 bbox、adcode、limit、offset 同用",
                    "zoom selects a generalised whole layer; it does not combine with bbox, adcode, limit or offset");
        }
        FeaturePage page = layers.features(new FeatureQuery(id, QueryParams.bbox(bbox), QueryParams.adcodePrefix(adcode),
                QueryParams.limit(limit),
                QueryParams.offset(offset)));
        // Encoded whole rather than streamed asynchronously: pages are bounded by the limit, and the bytes
        // are what a cache (and ETag) will hold; async dispatch bought nothing but a thread hand-over.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        geoJson.write(page, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(geoJson.mediaType()))
                .body(out.toByteArray());
    }
}

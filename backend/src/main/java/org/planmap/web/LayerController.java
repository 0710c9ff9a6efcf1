package org.planmap.web;

import org.planmap.http.LayerSelection;
import org.planmap.http.StreamedResponse;
import org.planmap.http.QueryParams;
import org.planmap.http.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.planmap.encode.GeoJsonEncoder;
import org.planmap.encode.CachedLayers;
import org.planmap.layer.FeaturePage;
import org.planmap.layer.LayerService;
import org.planmap.layer.ZoomBand;
import org.planmap.store.FeatureQuery;
import org.planmap.store.LayerInfo;
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
    void features(@PathVariable String id, LayerSelection selection, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Long offset, @RequestParam(required = false) Integer zoom,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ZoomBand> band = QueryParams.zoom(zoom);
        FeatureQuery selected = selection.query(id);
        if (limit == null && offset == null && selected.equals(FeatureQuery.of(id))) {
            // Usually answered by CachedLayerHandler already; this serves what it leaves (a version check due, a
            // band not built yet, HEAD, extra parameters).
            Optional<CachedLayers.EncodedLayer> cached = cache.answer(id, band);
            if (cached.isPresent()) {
                CachedLayerResponses.send(cached.get(), request, response);
                return;
            }
        } else if (zoom != null) {
            throw ApiException.badParameter("zoom", "zoom 用于当前整层的概化数据，不能与 bbox、adcode、limit、offset、filter、version 同用",
                    "zoom selects a generalised whole layer as it is now; it does not combine with bbox, adcode, limit, "
                            + "offset, filter or version");
        }
        FeatureQuery query = selected.limit(QueryParams.limit(limit)).offset(QueryParams.offset(offset));
        try (FeaturePage page = layers.page(query)) {
            StreamedResponse.send(response, () -> response.setContentType(geoJson.mediaType()),
                    out -> geoJson.write(page, out));
        }
    }
}

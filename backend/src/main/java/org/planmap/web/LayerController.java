package org.planmap.web;

import java.util.List;
import org.planmap.encode.GeoJsonEncoder;
import org.planmap.layer.FeaturePage;
import org.planmap.layer.LayerService;
import org.planmap.store.FeatureQuery;
import org.planmap.store.LayerInfo;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The layer catalog and each layer's features as GeoJSON in EPSG:4326. */
@RestController
@RequestMapping("/api/layers")
class LayerController {

    private final LayerService layers;
    private final GeoJsonEncoder geoJson = new GeoJsonEncoder();

    LayerController(LayerService layers) {
        this.layers = layers;
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
    ResponseEntity<StreamingResponseBody> features(@PathVariable String id,
            @RequestParam(required = false) String bbox,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Long offset) {
        FeaturePage page = layers.features(new FeatureQuery(id, QueryParams.bbox(bbox), QueryParams.limit(limit),
                QueryParams.offset(offset)));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(geoJson.mediaType()))
                .body(out -> geoJson.write(page, out));
    }
}

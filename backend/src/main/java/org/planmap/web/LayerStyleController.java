package org.planmap.web;

import org.planmap.layer.LayerService;
import org.planmap.style.MapStyles;
import org.planmap.style.Qml;
import org.planmap.style.Sld;
import org.planmap.style.Symbology;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A layer's web-map style for desktop GIS and map servers: SLD 1.0 (GeoServer, ArcGIS, the 一张图 platforms) and QGIS
 * QML, the same two files the Shapefile and GeoPackage exports carry.
 */
@RestController
@RequestMapping("/api/layers")
class LayerStyleController {

    private final LayerService layers;
    private final MapStyles styles;

    LayerStyleController(LayerService layers, MapStyles styles) {
        this.layers = layers;
        this.styles = styles;
    }

    @GetMapping("/{id}/style.sld")
    ResponseEntity<String> sld(@PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(Sld.MEDIA_TYPE + ";charset=UTF-8"))
                .body(Sld.of(symbology(id)));
    }

    @GetMapping("/{id}/style.qml")
    ResponseEntity<String> qml(@PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(Qml.MEDIA_TYPE + ";charset=UTF-8"))
                .body(Qml.of(symbology(id)));
    }

    private Symbology symbology(String id) {
        return Symbology.of(styles, layers.layer(id));
    }
}

package org.planmap.ogc.wmts;

import jakarta.servlet.http.HttpServletRequest;
import org.planmap.http.TileResponse;
import org.planmap.layer.LayerService;
import org.planmap.layer.UnknownLayerException;
import org.planmap.ogc.wmts.Wmts.TileAddress;
import org.planmap.render.MapRenderer;
import org.planmap.render.OverviewWarmer;
import org.planmap.render.Tiles;
import org.planmap.security.PublicBaseUrl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OGC WMTS 1.0.0 at {@code /wmts}: GetCapabilities and GetTile in KVP and RESTful form, for the 一张图 platforms,
 * ArcGIS, QGIS and GDAL. A tile is the renderer's tile of the set's grid ({@link TileResponse}); refusals are OWS exception
 * reports ({@link OwsException}), not problem documents, since WMTS clients read those.
 */
@RestController
@RequestMapping("/wmts")
class WmtsController {

    private static final MediaType XML = MediaType.parseMediaType(Xml.MEDIA_TYPE);

    private final Wmts wmts;
    private final Tiles tiles;
    private final OverviewWarmer overviews;
    private final PublicBaseUrl baseUrl;
    private final HttpServletRequest request;

    /** {@code request} is Spring's proxy to the current request. */
    WmtsController(LayerService layers, MapRenderer renderer, Tiles tiles, OverviewWarmer overviews,
            PublicBaseUrl baseUrl, HttpServletRequest request) {
        this.wmts = new Wmts(layers, renderer.styles());
        this.tiles = tiles;
        this.overviews = overviews;
        this.baseUrl = baseUrl;
        this.request = request;
    }

    @GetMapping({"", "/"})
    ResponseEntity<byte[]> kvp(@RequestParam MultiValueMap<String, String> query,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        KvpRequest kvp = KvpRequest.parse(query);
        return kvp.tile() == null ? capabilities() : tile(wmts.locate(kvp.tile()), ifNoneMatch);
    }

    @GetMapping("/1.0.0/WMTSCapabilities.xml")
    ResponseEntity<byte[]> capabilities() {
        return ResponseEntity.ok().contentType(XML).body(wmts.capabilities(baseUrl.of(request) + request.getContextPath()
                + "/wmts"));
    }

    @GetMapping("/1.0.0/{layer}/{style}/{matrixSet}/{matrix}/{row}/{col}.png")
    ResponseEntity<byte[]> restTile(@PathVariable String layer, @PathVariable String style,
            @PathVariable String matrixSet, @PathVariable String matrix, @PathVariable String row,
            @PathVariable String col, @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        TileAddress address;
        try {
            address = wmts.locate(new TileRequest(layer, style, WmtsCapabilities.FORMAT, matrixSet, matrix, row, col));
        } catch (OwsException e) {
            throw e.asNotFound();
        }
        return tile(address, ifNoneMatch);
    }

    private ResponseEntity<byte[]> tile(TileAddress a, String ifNoneMatch) {
        return TileResponse.of(tiles, overviews, a.layerId(), a.grid(), a.z(), a.x(), a.y(), ifNoneMatch);
    }

    @ExceptionHandler(OwsException.class)
    ResponseEntity<byte[]> refused(OwsException e) {
        return ResponseEntity.status(e.status()).contentType(XML).body(e.report());
    }

    /** The layer was deleted between the look at the catalog and the drawing. */
    @ExceptionHandler(UnknownLayerException.class)
    ResponseEntity<byte[]> layerGone(UnknownLayerException e) {
        return refused(OwsException.invalid("LAYER", "图层已删除", "the layer was deleted").asNotFound());
    }
}

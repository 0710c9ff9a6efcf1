package org.planmap.web;

import org.planmap.http.QueryParams;
import org.planmap.http.ApiException;
import org.planmap.http.StreamedResponse;
import org.planmap.http.TileResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.planmap.settings.RenderProperties;
import org.planmap.layer.LayerService;
import org.planmap.render.Identify;
import org.planmap.render.MapImage;
import org.planmap.render.MapLanguage;
import org.planmap.render.MapRenderer;
import org.planmap.render.Png;
import org.planmap.render.OverviewWarmer;
import org.planmap.render.TileGrid;
import org.planmap.render.Tiles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Server-drawn maps: a map image to download, tiles of the dense layers, and what lies under a click. */
@RestController
@RequestMapping("/api")
class MapController {

    /** The viewer's layers switched on at start. */
    static final String DEFAULT_LAYERS = "counties,cities,province,labels,town-groups";
    /** The county is always identified: it is what a planner asks about a place first. */
    static final String COUNTIES = "counties";

    private final MapImage mapImage;
    private final Tiles tiles;
    private final Identify identify;
    private final MapRenderer renderer;
    private final LayerService layers;
    private final RenderProperties limits;
    private final OverviewWarmer overviews;

    MapController(MapImage mapImage, Tiles tiles, Identify identify, MapRenderer renderer, LayerService layers,
            RenderProperties limits, OverviewWarmer overviews) {
        this.overviews = overviews;
        this.mapImage = mapImage;
        this.tiles = tiles;
        this.identify = identify;
        this.renderer = renderer;
        this.layers = layers;
        this.limits = limits;
    }

    /**
     * A map image of {@code layers} (comma-separated ids); {@code id@N} draws kept version N of that layer (the number
     * as /api/layers/{id}/versions lists it), legend and labels included, the other layers as they are now. The
     * picture is drawn whole before the first byte (a bad layer is still a problem document), its raster bounded by
     * {@code max-pixels}; its PNG is deflated straight to the response.
     */
    @GetMapping("/map.png")
    void map(@RequestParam(required = false) String bbox,
            @RequestParam(required = false) String width, @RequestParam(required = false) String height,
            @RequestParam(required = false) String layers, @RequestParam(required = false) String lang,
            HttpServletResponse response) throws IOException {
        Envelope box = QueryParams.mapBox(bbox);
        MapLanguage language = language(lang);
        int w = (int) whole("width", width == null ? "1200" : width, limits.minSize(), limits.maxSize());
        int h = (int) whole("height", height == null ? "900" : height, limits.minSize(), limits.maxSize());
        if ((long) w * h > limits.maxPixels()) {
            throw ApiException.badParameter("width×height", "图片像素过多（最多 " + limits.maxPixels() + " 像素）",
                    "too many pixels (at most " + limits.maxPixels() + ")");
        }
        BufferedImage image = mapImage.render(box, w, h, QueryParams.mapLayers(layers, DEFAULT_LAYERS), language);
        StreamedResponse.send(response, () -> {
            response.setContentType(MediaType.IMAGE_PNG_VALUE);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    Downloads.attachment("山西省新型城镇化规划地图.png", "planmap-map.png"));
        }, out -> Png.write(image, out));
    }

    @GetMapping("/tiles/{layerId}/{z}/{x}/{y}.png")
    ResponseEntity<byte[]> tile(@PathVariable String layerId, @PathVariable String z, @PathVariable String x,
            @PathVariable String y, @RequestParam(required = false) String version,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        int zoom = (int) whole("z", z, 0, TileGrid.MAX_ZOOM);
        long last = (1L << zoom) - 1;
        int col = (int) whole("x", x, 0, last);
        int row = (int) whole("y", y, 0, last);
        return TileResponse.of(tiles, overviews, layerId, QueryParams.version(version), TileGrid.WEB_MERCATOR, zoom,
                col, row, ifNoneMatch);
    }

    @GetMapping("/identify")
    List<Identify.Hit> identify(@RequestParam(required = false) String lat, @RequestParam(required = false) String lng,
            @RequestParam(required = false) String layers, @RequestParam(required = false) String zoom) {
        double latitude = number("lat", lat, -85, 85);
        double longitude = number("lng", lng, -180, 180);
        double z = number("zoom", zoom == null ? "10" : zoom, 0, TileGrid.MAX_ZOOM);
        List<String> ids = new ArrayList<>(layers == null
                ? renderer.styles().denseLayers().stream().filter(this::stored).toList() : list(layers));
        if (!ids.contains(COUNTIES)) {
            ids.add(COUNTIES);
        }
        return identify.at(longitude, latitude, z, ids);
    }

    private boolean stored(String id) {
        return layers.layers().stream().anyMatch(l -> l.id().equals(id));
    }

    /** The viewer's lang= (zh, the default, or en), which a map's or a report's words and place names follow. */
    static MapLanguage language(String lang) {
        if (lang == null || lang.equals("zh")) {
            return MapLanguage.CHINESE;
        }
        if (lang.equals("en")) {
            return MapLanguage.ENGLISH;
        }
        throw ApiException.badParameter("lang", "语言只能是 zh（中文）或 en（English）", "lang must be zh or en");
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static double number(String name, String text, double min, double max) {
        if (text == null || text.isBlank()) {
            throw ApiException.badParameter(name, "必须填写", "is required");
        }
        double v;
        try {
            v = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(name, "“" + text + "”不是数字", "'" + text + "' is not a number");
        }
        if (!(v >= min && v <= max)) {
            throw ApiException.badParameter(name, "应在 " + fmt(min) + "~" + fmt(max) + " 之间",
                    "must be within " + fmt(min) + ".." + fmt(max));
        }
        return v;
    }

    /** A whole number within min..max (tile addresses, pixel sizes). */
    private static double whole(String name, String text, double min, double max) {
        double v = number(name, text, min, max);
        if (v != Math.rint(v)) {
            throw ApiException.badParameter(name, "应为整数", "must be a whole number");
        }
        return v;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}

package org.planmap.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.planmap.settings.PlanmapProperties;
import org.planmap.importer.ImportLimits;
import org.planmap.layer.ZoomBand;
import org.planmap.plan.CountyCards;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the viewer may offer beyond its offline default: the configured tile basemaps; the upload limit, so
 * the import dialog refuses a file that is too large before sending it; the zoom bands the server keeps
 * generalised copies for; and the city whose 2021 task list the plan documents hold.
 */
@RestController
class ViewerConfigController {

    /** One tile basemap; {@code overlay} is a labels layer drawn above it (天地图's 注记). */
    record TileBasemap(String id, String title, String url, List<String> subdomains, String overlay,
            int maxZoom, String attribution) {
    }

    private final List<TileBasemap> basemaps = new ArrayList<>();
    private final long maxUploadBytes;

    ViewerConfigController(PlanmapProperties properties, ImportLimits limits) {
        this.maxUploadBytes = limits.maxUploadBytes();
        String key = properties.basemap().tiandituKey();
        if (key != null && !key.isBlank()) {
            // The "_w" services are Web Mercator tiles of CGCS2000 data: aligned with WGS84 boundaries
            // to decimetres, and addressed like any XYZ tile set (no zoom offset, unlike the "_c" ones).
            for (String[] layer : List.of(new String[] {"vec", "cva", "天地图 矢量"}, new String[] {"img", "cia", "天地图 影像"})) {
                basemaps.add(new TileBasemap("tianditu-" + layer[0], layer[2], wmts(layer[0], key),
                        List.of("0", "1", "2", "3", "4", "5", "6", "7"), wmts(layer[1], key), 18, "© 国家地理信息公共服务平台 天地图"));
            }
        }
        if (properties.basemap().osm()) {
            basemaps.add(new TileBasemap("osm", "OpenStreetMap", "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                    List.of(), null, 19, "© OpenStreetMap contributors"));
        }
    }

    private static String wmts(String layer, String key) {
        return "https://t{s}.tianditu.gov.cn/" + layer + "_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER="
                + layer + "&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=" + key;
    }

    @GetMapping("/api/viewer-config")
    Map<String, Object> config() {
        return Map.of("basemaps", basemaps, "maxUploadBytes", maxUploadBytes,
                "zoomBands", Arrays.stream(ZoomBand.values()).map(ZoomBand::finestZoom).toList(),
                "taskListCity", CountyCards.TASK_LIST_CITY);
    }
}

package org.planmap.http;

import org.planmap.http.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.planmap.layer.ZoomBand;
import org.planmap.render.MapLayers;

/** Parses and checks the query parameters shared by feature endpoints; bad values become 400s. */
public final class QueryParams {

    public static final int MAX_LIMIT = 10_000;
    public static final int MAX_ZOOM = 30;

    private QueryParams() {
    }

    /** {@code minLon,minLat,maxLon,maxLat} in EPSG:4326, or null when absent. */
    public static Envelope bbox(String bbox) {
        if (bbox == null || bbox.isBlank()) {
            return null;
        }
        double[] v = numbers("bbox", bbox, "应为 最小经度,最小纬度,最大经度,最大纬度 四个数",
                "expected minLon,minLat,maxLon,maxLat", 4);
        if (!lonLat(v[0], v[1]) || !lonLat(v[2], v[3])) {
            // Latitude first is the usual slip (GIS tools that follow EPSG:4326's axis order write it so).
            boolean swapped = lonLat(v[1], v[0]) && lonLat(v[3], v[2]);
            String hintZh = swapped ? "；经纬度似乎写反了，应为 最小经度,最小纬度,最大经度,最大纬度，如 " + swap(v) : "";
            String hintEn = swapped ? "; longitude and latitude look swapped: the order is minLon,minLat,maxLon,maxLat, "
                    + "here " + swap(v) : "";
            throw ApiException.badParameter("bbox", "经度须在 -180~180、纬度须在 -90~90 之间（EPSG:4326）" + hintZh,
                    "longitude must be within -180..180 and latitude within -90..90 (EPSG:4326)" + hintEn);
        }
        if (v[0] > v[2] || v[1] > v[3]) {
            throw ApiException.badParameter("bbox", "最小值大于最大值", "a minimum exceeds its maximum");
        }
        return new Envelope(v[0], v[2], v[1], v[3]);
    }

    private static boolean lonLat(double lon, double lat) {
        return lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
    }

    private static String swap(double[] v) {
        return plain(v[1]) + "," + plain(v[0]) + "," + plain(v[3]) + "," + plain(v[2]);
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** A box a map is drawn of: required, and with width and height (map images and printed maps alike). */
    public static Envelope mapBox(String bbox) {
        Envelope box = bbox(bbox);
        if (box == null || box.getWidth() <= 0 || box.getHeight() <= 0) {
            throw ApiException.badParameter("bbox", "必须给出范围 最小经度,最小纬度,最大经度,最大纬度，且不能为零宽高",
                    "a non-empty minLon,minLat,maxLon,maxLat is required");
        }
        return box;
    }

    /**
     * Comma-separated finite numbers, as many as one of {@code counts}; {@code expectedZh/En} say what they
     * should be when the count is wrong.
     */
    public static double[] numbers(String name, String text, String expectedZh, String expectedEn, int... counts) {
        String[] parts = text.split(",");
        if (Arrays.stream(counts).noneMatch(c -> c == parts.length)) {
            throw ApiException.badParameter(name, expectedZh, expectedEn);
        }
        double[] v = new double[parts.length];
        for (int i = 0; i < v.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw ApiException.badParameter(name, "“" + parts[i] + "”不是数字", "'" + parts[i] + "' is not a number");
            }
            if (!Double.isFinite(v[i])) {
                throw ApiException.badParameter(name, "坐标必须是有限数", "coordinates must be finite");
            }
        }
        return v;
    }

    /** A division-code prefix: {@code 14} the province, {@code 1411} 吕梁市, {@code 141181} 孝义市; null when absent. */
    public static String adcodePrefix(String adcode) {
        if (adcode == null || adcode.isBlank()) {
            return null;
        }
        if (!adcode.strip().matches("\\d{2,6}")) {
            throw ApiException.badParameter("adcode", "区划代码前缀应为 2~6 位数字，如 1411（吕梁市）",
                    "an adcode prefix is 2 to 6 digits, such as 1411 (Lüliang)");
        }
        return adcode.strip();
    }

    public static Integer limit(Integer limit) {
        if (limit == null) {
            return MAX_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badParameter("limit", "应在 1~" + MAX_LIMIT + " 之间", "must be within 1.." + MAX_LIMIT);
        }
        return limit;
    }

    public static long offset(Long offset) {
        if (offset == null) {
            return 0;
        }
        if (offset < 0) {
            throw ApiException.badParameter("offset", "不能为负", "must not be negative");
        }
        return offset;
    }

    /**
     * A kept version's number as {@code /api/layers/{id}/versions} lists it (1, 2, 3 …), or null when absent: the
     * one reading of {@code version} for every door (features, OGC items, tiles, map images, exports, the versions'
     * own paths), so a bad one is refused alike everywhere.
     */
    public static Integer version(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (!t.matches("0*[1-9]\\d{0,8}")) {
            throw ApiException.badParameter("version", "应为版本号（1、2、3……，见 /api/layers/{id}/versions）",
                    "must be a version number (1, 2, 3 …, as /api/layers/{id}/versions lists them)");
        }
        return Integer.valueOf(t.replaceFirst("^0+", ""));
    }

    /**
     * The layers of a drawn map (map.png, print.pdf, atlas.pdf): comma-separated ids, {@code defaults} when absent;
     * {@code id@N} draws kept version N of that layer. A map names several layers, so the version goes with the
     * layer it is of, read by {@link #version} like every other door's.
     */
    public static MapLayers mapLayers(String layers, String defaults) {
        List<String> ids = new ArrayList<>();
        Map<String, Integer> versions = new LinkedHashMap<>();
        for (String part : (layers == null ? defaults : layers).split(",")) {
            String named = part.strip();
            int at = named.lastIndexOf('@');
            String id = at < 0 ? named : named.substring(0, at).strip();
            if (id.isEmpty()) {
                continue;
            }
            if (at >= 0) {
                Integer number = version(named.substring(at + 1));
                if (number == null) {
                    throw ApiException.badParameter("version", "“" + named + "”的 @ 后应为版本号",
                            "'" + named + "' needs a version number after @");
                }
                versions.put(id, number);
            }
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            throw ApiException.badParameter("layers", "至少选择一个图层", "name at least one layer");
        }
        return new MapLayers(ids, versions);
    }

    /** The band for a web-map zoom level 0–30; empty (full precision) when absent or beyond the last band. */
    public static Optional<ZoomBand> zoom(Integer zoom) {
        if (zoom == null) {
            return Optional.empty();
        }
        if (zoom < 0 || zoom > MAX_ZOOM) {
            throw ApiException.badParameter("zoom", "应在 0~" + MAX_ZOOM + " 之间", "must be within 0.." + MAX_ZOOM);
        }
        return ZoomBand.forZoom(zoom);
    }
}

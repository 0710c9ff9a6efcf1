package org.planmap.crs;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A coordinate reference system planmap supports, by EPSG code, with its EPSG name for display.
 *
 * <p>The supported set is what Chinese planning data and web maps use: WGS 84 (4326), CGCS2000 geographic
 * (4490), Web Mercator (3857) and the CGCS2000 3-degree Gauss-Krüger zones. Those come in two series
 * that differ only in the false easting (checked against proj4j-epsg's {@code nad/epsg} and GDAL 3.6):
 * EPSG:4513–4533 are zones 25–45 with the zone number prefixed to the easting (x_0 = zone·10⁶ + 500 000,
 * e.g. zone 37 = CM 111°E → 37 500 000) and EPSG:4534–4554 are CM 75°E…135°E with x_0 = 500 000.
 * Anything else (UTM, Beijing 1954, Xi'an 1980, 6-degree zones) is refused rather than half-supported.
 *
 * <p>Axis order: EPSG declares 4326/4490 as latitude, longitude and 4513–4554 as northing, easting
 * ({@link #declaredAxisOrder()}), but Shapefile, GeoJSON and GeoPackage store x = easting/longitude,
 * y = northing/latitude whatever the CRS says, and so does every JTS geometry in planmap. The transforms
 * ({@link Reprojector}) assume that traditional order; the declared order is only informative.
 *
 * <p>Equality is by EPSG code: the name is a label.
 */
public record CrsRef(int epsg, String name) {

    public enum Kind { GEOGRAPHIC, WEB_MERCATOR, GAUSS_KRUGER }

    /** The order EPSG declares (not the order planmap's data use: that is always x = east). */
    public enum AxisOrder { LAT_LON, EAST_NORTH, NORTH_EAST }

    public static final CrsRef WGS84 = of(4326);
    public static final CrsRef CGCS2000 = of(4490);
    public static final CrsRef WEB_MERCATOR = of(3857);

    static final int FIRST_PREFIXED = 4513;   // zone 25, CM 75°E
    static final int FIRST_PLAIN = 4534;      // CM 75°E
    static final int LAST_PLAIN = 4554;       // CM 135°E

    private static final List<CrsRef> SUPPORTED = Stream.concat(Stream.of(WGS84, CGCS2000, WEB_MERCATOR),
            IntStream.rangeClosed(FIRST_PREFIXED, LAST_PLAIN).mapToObj(CrsRef::of)).toList();

    private static final Pattern EPSG_FORMS = Pattern.compile(
            "(?:epsg:|urn:ogc:def:crs:epsg:[0-9.]*:|https?://www\\.opengis\\.net/def/crs/epsg/[0-9.]+/)(\\d{1,6})");
    private static final Pattern CRS84_FORMS = Pattern.compile(
            "(?:urn:ogc:def:crs:ogc:[0-9.]*:|https?://www\\.opengis\\.net/def/crs/ogc/[0-9.]+/)?crs84");

    public CrsRef {
        if (!isSupported(epsg)) {
            throw unsupported("EPSG:" + epsg);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a CRS needs a display name");
        }
    }

    /** The supported CRS with this EPSG code and its EPSG name; refuses any other code. */
    public static CrsRef of(int epsg) {
        if (!isSupported(epsg)) {
            throw unsupported("EPSG:" + epsg);
        }
        return new CrsRef(epsg, epsgName(epsg));
    }

    /**
     * Reads {@code EPSG:4547}, {@code urn:ogc:def:crs:EPSG::4490}, {@code http://www.opengis.net/def/crs/EPSG/0/4490}
     * or the OGC CRS84 forms (= 4326 in longitude, latitude order, which is the order planmap uses anyway).
     */
    public static CrsRef parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (CRS84_FORMS.matcher(t).matches()) {
            return WGS84;
        }
        Matcher m = EPSG_FORMS.matcher(t);
        if (!m.matches()) {
            throw new CrsException(CrsException.UNSUPPORTED,
                    "无法识别的坐标系写法“" + text + "”，应写作 EPSG:4490、urn:ogc:def:crs:EPSG::4490 或 "
                            + "http://www.opengis.net/def/crs/EPSG/0/4490",
                    "unrecognised CRS reference '" + text + "'; write EPSG:4490, urn:ogc:def:crs:EPSG::4490 or "
                            + "http://www.opengis.net/def/crs/EPSG/0/4490");
        }
        return of(Integer.parseInt(m.group(1)));
    }

    /** Every supported CRS: 4326, 4490, 3857, then 4513–4554. */
    public static List<CrsRef> supported() {
        return SUPPORTED;
    }

    public static boolean isSupported(int epsg) {
        return epsg == 4326 || epsg == 4490 || epsg == 3857 || (epsg >= FIRST_PREFIXED && epsg <= LAST_PLAIN);
    }

    /** The 3-degree Gauss-Krüger zone with central meridian {@code cm} (75…135), prefixed or not. */
    public static CrsRef gaussKruger(int cm, boolean zonePrefix) {
        if (cm < 75 || cm > 135 || cm % 3 != 0) {
            throw new IllegalArgumentException("no 3-degree zone has central meridian " + cm);
        }
        return of((zonePrefix ? FIRST_PREFIXED : FIRST_PLAIN) + (cm - 75) / 3);
    }

    /** {@code EPSG:4326}. */
    public String code() {
        return "EPSG:" + epsg;
    }

    public Kind kind() {
        return switch (epsg) {
            case 4326, 4490 -> Kind.GEOGRAPHIC;
            case 3857 -> Kind.WEB_MERCATOR;
            default -> Kind.GAUSS_KRUGER;
        };
    }

    public boolean isGeographic() {
        return kind() == Kind.GEOGRAPHIC;
    }

    public AxisOrder declaredAxisOrder() {
        return switch (kind()) {
            case GEOGRAPHIC -> AxisOrder.LAT_LON;
            case WEB_MERCATOR -> AxisOrder.EAST_NORTH;
            case GAUSS_KRUGER -> AxisOrder.NORTH_EAST;
        };
    }

    /** True for EPSG:4513–4533, whose eastings start with the zone number. */
    public boolean zonePrefixed() {
        return epsg >= FIRST_PREFIXED && epsg < FIRST_PLAIN;
    }

    /** Central meridian in degrees for a Gauss-Krüger zone; 0 otherwise. */
    public int centralMeridian() {
        if (kind() != Kind.GAUSS_KRUGER) {
            return 0;
        }
        return 75 + 3 * (epsg - (zonePrefixed() ? FIRST_PREFIXED : FIRST_PLAIN));
    }

    /** The 3-degree zone number (25–45) for a Gauss-Krüger zone, prefixed or not; 0 otherwise. */
    public int zone() {
        return kind() == Kind.GAUSS_KRUGER ? centralMeridian() / 3 : 0;
    }

    /** A short Chinese label, e.g. {@code CGCS2000 3度带 第37带，中央经线111°E，带号前缀}. */
    public String nameZh() {
        return switch (epsg) {
            case 4326 -> "WGS 84 经纬度";
            case 4490 -> "CGCS2000 经纬度";
            case 3857 -> "Web 墨卡托";
            default -> "CGCS2000 3度带 第" + zone() + "带，中央经线" + centralMeridian() + "°E"
                    + (zonePrefixed() ? "，带号前缀" : "");
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CrsRef other && other.epsg == epsg;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(epsg);
    }

    @Override
    public String toString() {
        return code() + " " + name;
    }

    private static String epsgName(int epsg) {
        if (epsg == 4326) {
            return "WGS 84";
        }
        if (epsg == 4490) {
            return "China Geodetic Coordinate System 2000";
        }
        if (epsg == 3857) {
            return "WGS 84 / Pseudo-Mercator";
        }
        return epsg < FIRST_PLAIN
                ? "CGCS2000 / 3-degree Gauss-Kruger zone " + (25 + epsg - FIRST_PREFIXED)
                : "CGCS2000 / 3-degree Gauss-Kruger CM " + (75 + 3 * (epsg - FIRST_PLAIN)) + "E";
    }

    static CrsException unsupported(String what) {
        return new CrsException(CrsException.UNSUPPORTED,
                "不支持的坐标系 " + what + "。planmap 支持：EPSG:4326（WGS 84）、EPSG:4490（CGCS2000 经纬度）、"
                        + "EPSG:3857（Web 墨卡托）、EPSG:4513–4554（CGCS2000 3度带高斯-克吕格）；请先转换为其中之一",
                "unsupported coordinate system " + what + ". planmap supports EPSG:4326 (WGS 84), EPSG:4490 "
                        + "(CGCS2000), EPSG:3857 (Web Mercator) and EPSG:4513-4554 (CGCS2000 3-degree Gauss-Kruger); "
                        + "convert the data to one of them first");
    }
}

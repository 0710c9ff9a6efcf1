package org.planmap.crs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.planmap.crs.Wkt.Node;

/**
 * Identifies the EPSG code of a .prj / WKT1 text, ESRI flavour ({@code CGCS2000_3_Degree_GK_CM_111E},
 * {@code Gauss_Kruger}, no AUTHORITY) or OGC/GDAL flavour ({@code AUTHORITY["EPSG","4546"]}).
 *
 * <p>Rule: an {@code AUTHORITY["EPSG",n]} on the root node wins. Otherwise the CRS is matched on its
 * parameters, never on names (ArcGIS, GDAL and hand-made files all spell names differently): the
 * ellipsoid (a = 6378137 with 1/f = 298.257222101 is CGCS2000/GRS80, 1/f = 298.257223563 is WGS 84), the
 * prime meridian and angular unit, and for projected CRSs the projection (Transverse Mercator or
 * Gauss_Kruger; Web Mercator), central meridian, false easting (500 000, or zone·10⁶ + 500 000 for the
 * prefixed zones), false northing 0, scale 1, latitude of origin 0 and metres. Anything else is refused
 * with a message that says what was found, so a planner can tell a UTM file from a Xi'an 1980 one.
 *
 * <p>Why this small matcher and not Apache SIS: planners' .prj files name a handful of CRSs (CGCS2000
 * geographic and 3-degree zones, WGS 84, Web Mercator), all of which this class recognises exactly, with a
 * result that depends on nothing but the text. SIS would add ≈ 12 MB (sis-referencing, -metadata,
 * -utility 3.5 MB, the EPSG database in sis-embedded-data 4.4 MB and Derby 3.7 MB), put the EPSG dataset
 * under the EPSG terms of use (not Apache-2.0; Apache ships it as "non-free") into our jar, and still need
 * a lenient, axis-ignoring search to turn an ESRI .prj into a code, whose answer can depend on the EPSG
 * database version and may be several candidates. A GRS80 datum of another country (NAD83, ETRS89) passes
 * the ellipsoid test here; its coordinates are then refused by {@link Reprojector}'s extent check.
 */
public final class PrjReader {

    private static final double WGS84_INVF = 298.257223563;
    private static final double GRS80_INVF = 298.257222101;   // CGCS2000's 1/f, equal to GRS80's to 1e-9
    private static final double SEMI_MAJOR = 6378137.0;
    private static final double DEGREE = Math.PI / 180;

    /** The ellipsoid only: a GRS80 datum is taken for CGCS2000 (see the class comment). */
    private enum Datum {
        WGS84("WGS 84 椭球", "the WGS 84 ellipsoid"),
        CGCS2000("CGCS2000/GRS80 椭球", "the CGCS2000/GRS80 ellipsoid"),
        SPHERE("球体", "a sphere");

        final String zh;
        final String en;

        Datum(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }
    }

    private PrjReader() {
    }

    /** The CRS of a .prj file (ASCII/UTF-8, with or without a byte-order mark). */
    public static CrsRef identify(Path prj) {
        try {
            return identify(Files.readString(prj, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + prj, e);
        }
    }

    /** The CRS of a WKT1 text; refuses anything not supported with a {@link CrsException}. */
    public static CrsRef identify(String wkt) {
        Node root = Wkt.parse(wkt);
        switch (root.keyword()) {
            case "GEOGCS", "PROJCS" -> { }
            case "GEOGCRS", "PROJCRS", "GEODCRS", "BOUNDCRS", "COMPOUNDCRS" -> throw new CrsException(
                    CrsException.UNRECOGNISED,
                    "坐标系为 WKT2 格式（" + root.keyword() + "），请以 WKT1/ESRI 格式保存 .prj（ArcGIS、QGIS 的默认写法）",
                    "the coordinate system is WKT2 (" + root.keyword() + "); save the .prj as WKT1/ESRI, "
                            + "as ArcGIS and QGIS write it by default");
            default -> throw refuse(root, "不是地理或投影坐标系（" + root.keyword() + "）",
                    "not a geographic or projected CRS (" + root.keyword() + ")");
        }
        Optional<Node> authority = root.child("AUTHORITY");
        if (authority.isPresent() && authority.get().name().equalsIgnoreCase("EPSG")) {
            int code = epsgCode(authority.get());
            if (CrsRef.isSupported(code)) {
                return CrsRef.of(code);
            }
            throw CrsRef.unsupported("EPSG:" + code + "（" + root.name() + "）");
        }
        return root.keyword().equals("GEOGCS") ? geographic(root) : projected(root);
    }

    private static CrsRef geographic(Node geogcs) {
        return switch (datum(geogcs, geogcs)) {
            case WGS84 -> CrsRef.WGS84;
            case CGCS2000 -> CrsRef.CGCS2000;
            case SPHERE -> throw refuse(geogcs, "球体上的经纬度", "latitude/longitude on a sphere");
        };
    }

    private static CrsRef projected(Node projcs) {
        Node geogcs = projcs.child("GEOGCS").orElseThrow(() -> refuse(projcs, "缺少 GEOGCS", "no GEOGCS"));
        Datum datum = datum(geogcs, projcs);
        String projection = projcs.child("PROJECTION").map(n -> norm(n.name())).orElse("");
        Map<String, Double> p = parameters(projcs);
        double unit = projcs.child("UNIT").map(u -> u.number(1)).orElse(Double.NaN);
        if (!near(unit, 1, 1e-12)) {
            throw refuse(projcs, "长度单位不是米（" + unit + "）", "the linear unit is not metres (" + unit + ")");
        }
        double cm = p.getOrDefault("centralmeridian", p.getOrDefault("longitudeofcenter", Double.NaN));
        double fe = p.getOrDefault("falseeasting", Double.NaN);
        double fn = p.getOrDefault("falsenorthing", Double.NaN);
        if (projection.equals("transversemercator") || projection.equals("gausskruger")) {
            double k = p.getOrDefault("scalefactor", Double.NaN);
            double lat0 = p.getOrDefault("latitudeoforigin", 0.0);
            boolean grid = datum == Datum.CGCS2000 && near(k, 1, 1e-12) && near(lat0, 0, 1e-12)
                    && near(fn, 0, 1e-6) && cm >= 75 && cm <= 135 && near(cm % 3, 0, 1e-9);
            if (grid && near(fe, 500000, 1e-6)) {
                return CrsRef.gaussKruger((int) Math.round(cm), false);
            }
            int zone = (int) Math.round(cm / 3);
            if (grid && near(fe, zone * 1e6 + 500000, 1e-6)) {
                return CrsRef.gaussKruger((int) Math.round(cm), true);
            }
            String hint = datum == Datum.WGS84 && near(k, 0.9996, 1e-9)
                    ? "（看来是 UTM " + utmZone(cm) + (fn == 0 ? "N" : "S") + " 带）"
                    : "";
            String hintEn = hint.isEmpty() ? "" : " (looks like UTM zone " + utmZone(cm) + (fn == 0 ? "N" : "S") + ")";
            throw refuse(projcs,
                    "横轴墨卡托投影，" + datum.zh + "，中央经线 " + num(cm) + "°，东偏移 " + num(fe) + "，北偏移 "
                            + num(fn) + "，比例因子 " + num(k) + "，起始纬度 " + num(lat0) + hint,
                    "Transverse Mercator on " + datum.en + ", central meridian " + num(cm) + ", false easting "
                            + num(fe) + ", false northing " + num(fn) + ", scale " + num(k) + ", latitude of origin "
                            + num(lat0) + hintEn);
        }
        if (isWebMercator(projcs, projection, datum, p) && near(cm, 0, 1e-12) && near(fe, 0, 1e-6)
                && near(fn, 0, 1e-6)) {
            return CrsRef.WEB_MERCATOR;
        }
        String found = (projection.isEmpty() ? "?" : projcs.child("PROJECTION").get().name());
        throw refuse(projcs, "投影 " + found + "，" + datum.zh + "，中央经线 " + num(cm),
                "projection " + found + " on " + datum.en + ", central meridian " + num(cm));
    }

    /**
     * Web Mercator comes as ESRI's Mercator_Auxiliary_Sphere (type 0 = sphere of radius a), the old
     * Popular_Visualisation_Pseudo_Mercator name, or GDAL's Mercator_1SP with a PROJ4 extension saying
     * {@code +a=6378137 +b=6378137} or on a sphere datum. A plain Mercator_1SP on the WGS 84 ellipsoid is
     * World Mercator (EPSG:3395), ≈ 20–40 km off at Shanxi's latitudes, and is refused.
     */
    private static boolean isWebMercator(Node projcs, String projection, Datum datum, Map<String, Double> p) {
        if (datum == Datum.CGCS2000) {
            return false;
        }
        if (projection.equals("mercatorauxiliarysphere")) {
            return near(p.getOrDefault("auxiliaryspheretype", 0.0), 0, 1e-12)
                    && near(p.getOrDefault("standardparallel1", 0.0), 0, 1e-12);
        }
        if (projection.equals("popularvisualisationpseudomercator")) {
            return true;
        }
        if (projection.equals("mercator1sp") || projection.equals("mercator")) {
            boolean sphereExtension = projcs.children("EXTENSION").stream()
                    .anyMatch(e -> e.args().size() > 1 && e.args().get(1) instanceof String s
                            && s.contains("+a=6378137") && s.contains("+b=6378137"));
            return (sphereExtension || datum == Datum.SPHERE) && near(p.getOrDefault("scalefactor", 1.0), 1, 1e-12);
        }
        return false;
    }

    private static Datum datum(Node geogcs, Node root) {
        Node datumNode = geogcs.child("DATUM").orElseThrow(() -> refuse(root, "缺少 DATUM", "no DATUM"));
        Node spheroid = datumNode.child("SPHEROID").orElseThrow(() -> refuse(root, "缺少 SPHEROID", "no SPHEROID"));
        double a = spheroid.number(1);
        double invf = spheroid.number(2);
        double pm = geogcs.child("PRIMEM").map(n -> n.number(1)).orElse(0.0);
        double unit = geogcs.child("UNIT").map(n -> n.number(1)).orElse(Double.NaN);
        boolean shifted = datumNode.child("TOWGS84").map(t -> t.args().stream()
                .anyMatch(v -> v instanceof Double d && d != 0)).orElse(false);
        if (!near(pm, 0, 1e-12) || !near(unit, DEGREE, 1e-12) || shifted) {
            throw refuse(root, "本初子午线 " + num(pm) + "，角度单位 " + unit + (shifted ? "，含 TOWGS84 转换参数" : ""),
                    "prime meridian " + num(pm) + ", angular unit " + unit + (shifted ? ", with a TOWGS84 shift" : ""));
        }
        if (near(a, SEMI_MAJOR, 1e-3)) {
            if (near(invf, GRS80_INVF, 1e-6)) {
                return Datum.CGCS2000;
            }
            if (near(invf, WGS84_INVF, 1e-6)) {
                return Datum.WGS84;
            }
            if (invf == 0) {
                return Datum.SPHERE;
            }
        }
        String which = near(a, 6378245, 1e-3) ? "（克拉索夫斯基椭球：北京54坐标系）"
                : near(a, 6378140, 1e-3) ? "（IAG 1975 椭球：西安80坐标系）" : "";
        String whichEn = near(a, 6378245, 1e-3) ? " (Krasovsky: Beijing 1954)"
                : near(a, 6378140, 1e-3) ? " (IAG 1975: Xian 1980)" : "";
        throw refuse(root, "椭球 " + spheroid.name() + "（a=" + num(a) + "，1/f=" + num(invf) + "）" + which
                        + "，请先转换到 CGCS2000",
                "ellipsoid " + spheroid.name() + " (a=" + num(a) + ", 1/f=" + num(invf) + ")" + whichEn
                        + "; convert the data to CGCS2000 first");
    }

    private static Map<String, Double> parameters(Node projcs) {
        Map<String, Double> p = new HashMap<>();
        for (Node n : projcs.children("PARAMETER")) {
            p.put(norm(n.name()), n.number(1));
        }
        return p;
    }

    private static int epsgCode(Node authority) {
        Object v = authority.args().size() > 1 ? authority.args().get(1) : null;
        try {
            return v instanceof Double d ? d.intValue() : Integer.parseInt(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw refuse(authority, "AUTHORITY 中的代码无效（" + v + "）", "invalid AUTHORITY code (" + v + ")");
        }
    }

    /** Lower case, letters and digits only: {@code False_Easting} = {@code false_easting}. */
    private static String norm(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static boolean near(double v, double target, double tolerance) {
        return Math.abs(v - target) <= tolerance;
    }

    private static int utmZone(double cm) {
        return (int) Math.floor((cm + 180) / 6) + 1;
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static CrsException refuse(Node root, String foundZh, String foundEn) {
        String name = root.name().isEmpty() ? root.keyword() : "“" + root.name() + "”";
        return new CrsException(CrsException.UNRECOGNISED,
                "无法识别坐标系 " + name + "：" + foundZh + "。planmap 支持 WGS 84、CGCS2000 经纬度、Web 墨卡托和 "
                        + "CGCS2000 3度带高斯-克吕格（EPSG:4326、4490、3857、4513–4554）",
                "unrecognised coordinate system " + name.replace('“', '"').replace('”', '"') + ": " + foundEn
                        + ". planmap supports WGS 84, CGCS2000, Web Mercator and CGCS2000 3-degree Gauss-Kruger "
                        + "(EPSG:4326, 4490, 3857, 4513-4554)");
    }
}

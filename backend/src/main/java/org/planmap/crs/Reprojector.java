package org.planmap.crs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Moves JTS geometries between the supported CRSs with Proj4J, always through longitude/latitude, and
 * refuses coordinates that cannot be what the file declares.
 *
 * <p>Axis order: every geometry has x = easting/longitude, y = northing/latitude, as Shapefile, GeoJSON
 * and GeoPackage store them, whatever order EPSG declares (see {@link CrsRef}); Proj4J works the same way.
 *
 * <p>CGCS2000 (4490) and WGS 84 (4326) are treated as the same datum: they differ by centimetres to
 * decimetres and no official transformation between them exists (GDAL, too, maps 4490 → 4326 as a null
 * transform). Geographic ↔ geographic is therefore a copy, and projected ↔ geographic is only the map
 * projection. Proj4J agrees: its EPSG:4490 is {@code +ellps=GRS80} without {@code +towgs84}, a
 * "user-defined" datum it considers equal to WGS 84, so it applies no datum shift (tested).
 *
 * <p>The classic planner errors are caught before anything is stored: metres in a file that declares
 * degrees, northing and easting swapped, a zone prefix that does not match the declared zone, and
 * (given a province {@link Area}) a Gauss-Krüger file declared in the neighbouring zone. Messages name the
 * likely cause and the CRSs under which the data would fall where expected.
 *
 * <p>Instances are immutable and thread-safe (Proj4J transforms are not, so each call creates its own).
 */
public final class Reprojector {

    /** Where data are expected, in longitude/latitude. */
    public record Area(Envelope lonLat, String nameZh, String nameEn) {
    }

    /** Mainland China and its seas, generously: lon 73–136, lat 3–54. */
    public static final Area CHINA = new Area(new Envelope(73, 136, 3, 54), "中国范围", "China");
    /** Shanxi (lon 110.23–114.56, lat 34.57–40.73) with a margin of ≈ 10–25 km. */
    public static final Area SHANXI = new Area(new Envelope(110.0, 114.8, 34.4, 40.9), "山西省范围", "Shanxi");

    private static final double MERCATOR_LIMIT = 20037508.3428;
    private static final CRSFactory CRS_FACTORY = new CRSFactory();
    private static final CoordinateTransformFactory CT_FACTORY = new CoordinateTransformFactory();
    private static final Map<Integer, CoordinateReferenceSystem> CRS = new ConcurrentHashMap<>();

    private final Area area;

    public Reprojector() {
        this(CHINA);
    }

    public Reprojector(Area area) {
        this.area = area;
    }

    public Area area() {
        return area;
    }

    /** A copy of {@code g} in {@code to}; checked for plausibility in longitude/latitude on the way. */
    public Geometry transform(Geometry g, CrsRef from, CrsRef to) {
        if (from.equals(to)) {
            toWgs84(g, from);   // the checks only; same CRS means same coordinates
            return g.copy();
        }
        return fromWgs84(toWgs84(g, from), to);
    }

    /** A copy of {@code g} (in {@code from}) in EPSG:4326 longitude/latitude. */
    public Geometry toWgs84(Geometry g, CrsRef from) {
        if (g.isEmpty()) {
            return g.copy();
        }
        Envelope source = g.getEnvelopeInternal();
        checkSource(source, from);
        Geometry lonLat = from.isGeographic() ? g.copy() : applyChecked(g, source, from, CrsRef.WGS84);
        checkInArea(lonLat.getEnvelopeInternal(), source, from);
        return lonLat;
    }

    /** A copy of {@code lonLat} (EPSG:4326 or 4490, longitude first) in {@code to}. */
    public Geometry fromWgs84(Geometry lonLat, CrsRef to) {
        if (lonLat.isEmpty()) {
            return lonLat.copy();
        }
        Envelope e = lonLat.getEnvelopeInternal();
        checkSource(e, CrsRef.WGS84);
        checkInArea(e, e, CrsRef.WGS84);
        return to.isGeographic() ? lonLat.copy() : applyChecked(lonLat, e, CrsRef.WGS84, to);
    }

    private Geometry applyChecked(Geometry g, Envelope source, CrsRef from, CrsRef to) {
        try {
            return apply(g, from, to);
        } catch (RuntimeException e) {   // Proj4J's ProjectionException: a point outside the projection's domain
            throw implausible(source, from, "无法从 " + from.code() + " 换算到 " + to.code() + "：" + e.getMessage(),
                    "cannot transform from " + from.code() + " to " + to.code() + ": " + e.getMessage());
        }
    }

    /** One point, x = easting/longitude; for tests and single coordinates. No plausibility check. */
    public static double[] transform(double x, double y, CrsRef from, CrsRef to) {
        if (from.isGeographic() && to.isGeographic()) {
            return new double[] {x, y};
        }
        ProjCoordinate out = new ProjCoordinate();
        transformer(from, to).transform(new ProjCoordinate(x, y), out);
        return new double[] {out.x, out.y};
    }

    private static Geometry apply(Geometry g, CrsRef from, CrsRef to) {
        CoordinateTransform ct = transformer(from, to);
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate result = new ProjCoordinate();
        PointTransform transform = (x, y, out) -> {
            in.x = x;
            in.y = y;
            ct.transform(in, result);
            out[0] = result.x;
            out[1] = result.y;
        };
        return transform.applyTo(g);
    }

    private static CoordinateTransform transformer(CrsRef from, CrsRef to) {
        return CT_FACTORY.createTransform(crs(from), crs(to));
    }

    private static CoordinateReferenceSystem crs(CrsRef ref) {
        return CRS.computeIfAbsent(ref.epsg(), code -> CRS_FACTORY.createFromName("EPSG:" + code));
    }

    /** What the raw coordinates say about the declared CRS, before any transform. */
    private void checkSource(Envelope e, CrsRef from) {
        String declared = from.code() + "（" + from.nameZh() + "）";
        String declaredEn = from.code() + " (" + from.name() + ")";
        switch (from.kind()) {
            case GEOGRAPHIC -> {
                // swapped first: latitude-first data around 110°E put "latitudes" beyond 90°
                if (!area.lonLat().contains(e) && area.lonLat().contains(swap(e))) {
                    throw implausible(e, from, "经纬度顺序颠倒：x 应为经度、y 应为纬度（EPSG 声明为纬度在前，但文件一律经度在前）",
                            "longitude and latitude are swapped: x must be the longitude and y the latitude "
                                    + "(EPSG declares latitude first, but files store longitude first)");
                }
                if (e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90) {
                    throw implausible(e, from, "坐标像是投影坐标（米），但文件声明的是经纬度坐标系 " + declared,
                            "the coordinates look like they are in a projected CRS (metres) but the file declares "
                                    + "the geographic " + declaredEn);
                }
            }
            case WEB_MERCATOR -> {
                if (Math.abs(e.getMinX()) <= 180 && Math.abs(e.getMaxX()) <= 180 && Math.abs(e.getMinY()) <= 90
                        && Math.abs(e.getMaxY()) <= 90) {
                    throw implausible(e, from, "坐标像是经纬度（度），但文件声明的是 " + declared,
                            "the coordinates look like degrees but the file declares " + declaredEn);
                }
                if (Math.max(Math.abs(e.getMinX()), Math.abs(e.getMaxX())) > MERCATOR_LIMIT
                        || Math.max(Math.abs(e.getMinY()), Math.abs(e.getMaxY())) > MERCATOR_LIMIT) {
                    throw implausible(e, from, "坐标超出 Web 墨卡托的范围", "the coordinates exceed Web Mercator's range");
                }
            }
            case GAUSS_KRUGER -> checkGaussKruger(e, from, declared, declaredEn);
        }
    }

    private void checkGaussKruger(Envelope e, CrsRef from, String declared, String declaredEn) {
        if (eastingBand(from).contains(e)) {
            return;
        }
        if (eastingBand(from).contains(swap(e))) {
            throw implausible(e, from, "北坐标与东坐标颠倒：x 应为东坐标" + (from.zonePrefixed() ? "（以带号 " + from.zone()
                            + " 开头）" : "") + "，y 应为北坐标（EPSG 声明北坐标在前，但文件一律东坐标在前）",
                    "northing and easting are swapped: x must be the easting and y the northing (EPSG declares "
                            + "northing first, but files store easting first)");
        }
        int prefix = (int) Math.floor(e.getMinX() / 1e6);
        if (prefix >= 25 && prefix <= 45 && prefix == (int) Math.floor(e.getMaxX() / 1e6)) {
            CrsRef actual = CrsRef.gaussKruger(prefix * 3, true);
            throw implausible(e, from, "东坐标带有带号前缀 " + prefix + "，数据应属于 " + actual.code() + "（"
                            + actual.nameZh() + "），但文件声明的是 " + declared,
                    "the eastings carry zone prefix " + prefix + ", so the data are in " + actual.code() + " ("
                            + actual.name() + "), but the file declares " + declaredEn);
        }
        if (from.zonePrefixed() && e.getMinX() >= 0 && e.getMaxX() < 1e6) {
            CrsRef plain = CrsRef.gaussKruger(from.centralMeridian(), false);
            throw implausible(e, from, "东坐标没有带号前缀，数据可能属于 " + plain.code() + "（" + plain.nameZh()
                            + "），但文件声明的是带号前缀的 " + declared,
                    "the eastings have no zone prefix, so the data are probably in " + plain.code() + " ("
                            + plain.name() + "), but the file declares the prefixed " + declaredEn);
        }
        throw implausible(e, from, "坐标不在 " + declared + " 的东坐标/北坐标范围内",
                "the coordinates are outside the easting/northing range of " + declaredEn);
    }

    /**
     * x: the zone's easting band (0–1000 km, or behind the zone prefix); y: northing 0–10 000 km. Far
     * outside it Proj4J's inverse Transverse Mercator wraps around and can land anywhere, even in Shanxi.
     */
    private static Envelope eastingBand(CrsRef zone) {
        double lo = zone.zonePrefixed() ? zone.zone() * 1e6 : 0;
        return new Envelope(lo, lo + 1e6, 0, 1e7);
    }

    /** The range a CRS's coordinates can have at all, so that a candidate is only tried inside it. */
    private static boolean inDomain(Envelope e, CrsRef c) {
        return switch (c.kind()) {
            case GEOGRAPHIC -> new Envelope(-180, 180, -90, 90).contains(e);
            case WEB_MERCATOR -> new Envelope(-MERCATOR_LIMIT, MERCATOR_LIMIT, -MERCATOR_LIMIT, MERCATOR_LIMIT)
                    .contains(e);
            case GAUSS_KRUGER -> eastingBand(c).contains(e);
        };
    }

    /** Where the data land in longitude/latitude must be inside the expected area. */
    private void checkInArea(Envelope lonLat, Envelope source, CrsRef from) {
        if (area.lonLat().contains(lonLat)) {
            return;
        }
        String where = String.format(Locale.ROOT, "经度 %.3f–%.3f、纬度 %.3f–%.3f", lonLat.getMinX(), lonLat.getMaxX(),
                lonLat.getMinY(), lonLat.getMaxY());
        String whereEn = String.format(Locale.ROOT, "longitude %.3f to %.3f, latitude %.3f to %.3f",
                lonLat.getMinX(), lonLat.getMaxX(), lonLat.getMinY(), lonLat.getMaxY());
        throw implausible(source, from, "按 " + from.code() + " 换算后数据位于" + where + "，不在" + area.nameZh() + "内",
                "read as " + from.code() + " the data lie at " + whereEn + ", outside " + area.nameEn());
    }

    private CrsException implausible(Envelope source, CrsRef from, String zh, String en) {
        List<CrsRef> fits = candidates(source, from);
        List<CrsRef> shown = fits.subList(0, Math.min(3, fits.size()));   // China-wide, metres fit 21 zones
        String more = fits.size() > shown.size() ? "等 " + fits.size() + " 个坐标系" : "";
        String moreEn = fits.size() > shown.size() ? " and " + (fits.size() - shown.size()) + " more" : "";
        String list = String.join("、", shown.stream().map(c -> c.code() + "（" + c.nameZh() + "）").toList()) + more;
        String listEn = String.join(", ", shown.stream().map(c -> c.code() + " (" + c.name() + ")").toList()) + moreEn;
        return new CrsException(CrsException.IMPLAUSIBLE,
                zh + "。" + (fits.isEmpty() ? "请检查 .prj 与数据是否一致" : "数据若按 " + list + "解读则位于" + area.nameZh()
                        + "内，请检查 .prj"),
                en + ". " + (fits.isEmpty() ? "Check that the .prj matches the data"
                        : "Read as " + listEn + " the data would lie in " + area.nameEn() + "; check the .prj"));
    }

    /** Every supported CRS (but the declared one) under which the data's envelope lands in the area. */
    private List<CrsRef> candidates(Envelope source, CrsRef declared) {
        List<CrsRef> fits = new ArrayList<>();
        for (CrsRef c : CrsRef.supported()) {
            if (c.equals(declared) || (c.isGeographic() && declared.isGeographic()) || c.equals(CrsRef.CGCS2000)) {
                continue;   // 4490 reads exactly as 4326; listing both says nothing
            }
            if (landsInArea(source, c)) {
                fits.add(c);
            }
        }
        return fits;
    }

    private boolean landsInArea(Envelope source, CrsRef c) {
        if (!inDomain(source, c)) {
            return false;
        }
        try {
            double[] lo = transform(source.getMinX(), source.getMinY(), c, CrsRef.WGS84);
            double[] hi = transform(source.getMaxX(), source.getMaxY(), c, CrsRef.WGS84);
            return area.lonLat().contains(lo[0], lo[1]) && area.lonLat().contains(hi[0], hi[1]);
        } catch (RuntimeException e) {
            return false;   // Proj4J throws for points far outside a projection's domain: not a candidate
        }
    }

    private static Envelope swap(Envelope e) {
        return new Envelope(e.getMinY(), e.getMaxY(), e.getMinX(), e.getMaxX());
    }
}

package org.planmap.crs;

import org.locationtech.jts.geom.Geometry;

/**
 * GCJ-02, the obfuscated datum that AMap/Gaode (and so DataV boundaries) publish in, and its exact
 * inverse back to WGS84.
 *
 * <p>The forward formula is the widely published one (Krasovsky ellipsoid a = 6378245.0,
 * ee = 0.00669342162296594323). It has no closed-form inverse, so {@link #toWgs84} iterates the
 * forward transform (a fixed-point iteration on the offset) until the forward image of the result
 * matches the input within {@value #TOLERANCE_DEG}°, i.e. about a millimetre: the one-step
 * "subtract the offset" shortcut used by many tools leaves errors of 1–2 m.
 *
 * <p>The offset is only defined for mainland China; outside it GCJ-02 equals WGS84.
 */
public final class Gcj02 {

    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;
    static final double TOLERANCE_DEG = 1e-8;
    private static final int MAX_ITERATIONS = 30;

    private Gcj02() {
    }

    /** WGS84 (lon, lat) → GCJ-02 (lon, lat). */
    public static double[] fromWgs84(double lon, double lat) {
        if (outOfChina(lon, lat)) {
            return new double[] {lon, lat};
        }
        double dLat = offsetLat(lon - 105.0, lat - 35.0);
        double dLon = offsetLon(lon - 105.0, lat - 35.0);
        double radLat = Math.toRadians(lat);
        double magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat);
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {lon + dLon, lat + dLat};
    }

    /** GCJ-02 (lon, lat) → WGS84 (lon, lat), iterated until the forward image is within tolerance. */
    public static double[] toWgs84(double lon, double lat) {
        double wLon = lon;
        double wLat = lat;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double[] g = fromWgs84(wLon, wLat);
            double eLon = g[0] - lon;
            double eLat = g[1] - lat;
            if (Math.abs(eLon) < TOLERANCE_DEG && Math.abs(eLat) < TOLERANCE_DEG) {
                return new double[] {wLon, wLat};
            }
            wLon -= eLon;
            wLat -= eLat;
        }
        throw new IllegalStateException("GCJ-02 inverse did not converge at " + lon + "," + lat);
    }

    /** Converts every coordinate of a GCJ-02 geometry to WGS84, on a copy. */
    public static Geometry toWgs84(Geometry gcj02) {
        PointTransform inverse = (x, y, out) -> {
            double[] w = toWgs84(x, y);
            out[0] = w[0];
            out[1] = w[1];
        };
        return inverse.applyTo(gcj02);
    }

    static boolean outOfChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    private static double offsetLat(double x, double y) {
        double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return r;
    }

    private static double offsetLon(double x, double y) {
        double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return r;
    }
}

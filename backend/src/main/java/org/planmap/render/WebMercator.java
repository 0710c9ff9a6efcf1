package org.planmap.render;

/**
 * EPSG:3857 (WGS 84 / Pseudo-Mercator) in closed form. The CRS is defined as the spherical Mercator formula
 * applied to WGS 84 longitude and latitude on a sphere of radius a = 6 378 137 m, so these two lines are
 * the exact transform (Proj4J's "merc +a=6378137 +b=6378137" computes the same), not an approximation —
 * and they cost two multiplications and a log per vertex, where a Proj4J call per point allocates and
 * dispatches, which matters when a tile draws tens of thousands of polygons.
 */
public final class WebMercator {

    public static final double RADIUS = 6_378_137.0;
    /** Half the world's width: x and y run from -HALF to +HALF. */
    public static final double HALF = Math.PI * RADIUS;
    /** Latitude where y reaches ±HALF (the square world of XYZ tiles). */
    public static final double MAX_LATITUDE = 85.051_128_779_806_59;
    public static final int TILE_SIZE = 256;

    private WebMercator() {
    }

    public static double x(double lon) {
        return Math.toRadians(lon) * RADIUS;
    }

    public static double y(double lat) {
        double phi = Math.toRadians(Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)));
        return Math.log(Math.tan(Math.PI / 4 + phi / 2)) * RADIUS;
    }

    public static double lon(double x) {
        return Math.toDegrees(x / RADIUS);
    }

    public static double lat(double y) {
        return Math.toDegrees(2 * Math.atan(Math.exp(y / RADIUS)) - Math.PI / 2);
    }

    /** Metres of Mercator x per pixel at XYZ zoom {@code z} (256-pixel tiles). */
    public static double resolution(double zoom) {
        return 2 * HALF / (TILE_SIZE * Math.pow(2, zoom));
    }

    /** The XYZ zoom at which a pixel is {@code metresPerPixel} Mercator metres. */
    public static double zoom(double metresPerPixel) {
        return Math.log(2 * HALF / (TILE_SIZE * metresPerPixel)) / Math.log(2);
    }
}

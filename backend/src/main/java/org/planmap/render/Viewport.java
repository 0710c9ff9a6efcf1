package org.planmap.render;

import org.locationtech.jts.geom.Envelope;
import org.planmap.crs.Ellipsoid;

/**
 * A picture of {@code width} × {@code height} pixels of the Web Mercator rectangle {@code mercator}
 * (metres), with one scale on both axes. Maps pixels to and from longitude and latitude.
 */
public record Viewport(Envelope mercator, int width, int height) {

    public Viewport {
        if (width <= 0 || height <= 0 || mercator.isNull() || mercator.getWidth() <= 0) {
            throw new IllegalArgumentException("a viewport needs a positive size and extent");
        }
    }

    /**
     * The view of a longitude/latitude box in an image of the given size: the box centred and widened
     * in one direction to the image's proportions, so all of it shows undistorted.
     */
    public static Viewport fitting(Envelope lonLat, int width, int height) {
        double minX = WebMercator.x(lonLat.getMinX());
        double maxX = WebMercator.x(lonLat.getMaxX());
        double minY = WebMercator.y(lonLat.getMinY());
        double maxY = WebMercator.y(lonLat.getMaxY());
        double scale = Math.max((maxX - minX) / width, (maxY - minY) / height);
        if (!(scale > 0)) {
            throw new IllegalArgumentException("an empty box cannot be drawn");
        }
        double cx = (minX + maxX) / 2;
        double cy = (minY + maxY) / 2;
        return new Viewport(new Envelope(cx - scale * width / 2, cx + scale * width / 2,
                cy - scale * height / 2, cy + scale * height / 2), width, height);
    }

    /** The XYZ tile {@code z/x/y} at 256 pixels. */
    public static Viewport tile(int z, int x, int y) {
        double size = 2 * WebMercator.HALF / (1L << z);
        double minX = -WebMercator.HALF + x * size;
        double maxY = WebMercator.HALF - y * size;
        return new Viewport(new Envelope(minX, minX + size, maxY - size, maxY), WebMercator.TILE_SIZE,
                WebMercator.TILE_SIZE);
    }

    /** Mercator metres per pixel. */
    public double resolution() {
        return mercator.getWidth() / width;
    }

    /** The XYZ zoom this view corresponds to, for zoom-dependent labels. */
    public double zoom() {
        return WebMercator.zoom(resolution());
    }

    public double px(double lon) {
        return (WebMercator.x(lon) - mercator.getMinX()) / resolution();
    }

    public double py(double lat) {
        return (mercator.getMaxY() - WebMercator.y(lat)) / resolution();
    }

    /** The view's longitude/latitude bounds widened by {@code pixels} on every side. */
    public Envelope lonLatBounds(double pixels) {
        double m = pixels * resolution();
        return new Envelope(WebMercator.lon(mercator.getMinX() - m), WebMercator.lon(mercator.getMaxX() + m),
                WebMercator.lat(mercator.getMinY() - m), WebMercator.lat(mercator.getMaxY() + m));
    }

    /**
     * True ground metres per pixel along the parallel through the view's centre. Mercator stretches
     * distances by about 1/cos(latitude) (≈ 1.25 over Shanxi), so a scale bar drawn from Mercator metres
     * would be a quarter too long; measuring a pixel run on the WGS 84 ellipsoid (GeographicLib, as the
     * ledger's areas are) also includes the ellipsoid's flattening, which cos(latitude) alone leaves out.
     * The scale still varies across a tall view; it is true at the centre, as the bar says.
     */
    public double groundMetresPerPixel() {
        // A short run (ten pixels), where the geodesic and the parallel coincide to far below a pixel.
        double lat = WebMercator.lat(mercator.centre().y);
        double x = mercator.centre().x;
        double run = 10 * resolution();
        return Ellipsoid.distance(WebMercator.lon(x), lat, WebMercator.lon(x + run), lat) / 10;
    }
}

package org.planmap.render;

import java.awt.geom.Path2D;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.planmap.crs.Ellipsoid;

/**
 * A picture of {@code width} × {@code height} pixels of the rectangle {@code extent} of a {@link Plane} (Web
 * Mercator metres, or degrees for a geographic tile), with one scale on both axes. Maps pixels to and from
 * longitude and latitude.
 */
public record Viewport(Plane plane, Envelope extent, int width, int height) {

    public Viewport {
        if (width <= 0 || height <= 0 || extent.isNull() || extent.getWidth() <= 0) {
            throw new IllegalArgumentException("a viewport needs a positive size and extent");
        }
    }

    /**
     * The view of a longitude/latitude box in an image of the given size: the box centred and widened
     * in one direction to the image's proportions, so all of it shows undistorted, in Web Mercator.
     */
    public static Viewport fitting(Envelope lonLat, int width, int height) {
        return fitting(lonLat, width, height, 0);
    }

    /**
     * As {@link #fitting(Envelope, int, int)}, the box centred in the image's left part only: the right
     * {@code strip} pixels are kept for a legend that must not cover it.
     */
    public static Viewport fitting(Envelope lonLat, int width, int height, int strip) {
        double minX = WebMercator.x(lonLat.getMinX());
        double maxX = WebMercator.x(lonLat.getMaxX());
        double minY = WebMercator.y(lonLat.getMinY());
        double maxY = WebMercator.y(lonLat.getMaxY());
        int left = width - strip;
        double scale = Math.max((maxX - minX) / left, (maxY - minY) / height);
        if (!(scale > 0)) {
            throw new IllegalArgumentException("an empty box cannot be drawn");
        }
        double cx = (minX + maxX) / 2;
        double cy = (minY + maxY) / 2;
        return new Viewport(Plane.WEB_MERCATOR, new Envelope(cx - scale * left / 2, cx - scale * left / 2 + scale * width,
                cy - scale * height / 2, cy + scale * height / 2), width, height);
    }

    /** Plane units (metres or degrees) per pixel. */
    public double resolution() {
        return extent.getWidth() / width;
    }

    /**
     * The XYZ zoom whose pixel spans as much of the equator as this view's, for zoom-dependent labels: a
     * geographic tile of level z is drawn like the Mercator tile of zoom z.
     */
    public double zoom() {
        return WebMercator.zoom(resolution() * plane.metresPerUnit());
    }

    public double px(double lon) {
        return (plane.x(lon) - extent.getMinX()) / resolution();
    }

    public double py(double lat) {
        return (extent.getMaxY() - plane.y(lat)) / resolution();
    }

    /** The view's longitude/latitude bounds widened by {@code pixels} on every side. */
    public Envelope lonLatBounds(double pixels) {
        double m = pixels * resolution();
        return new Envelope(plane.lon(extent.getMinX() - m), plane.lon(extent.getMaxX() + m),
                plane.lat(extent.getMinY() - m), plane.lat(extent.getMaxY() + m));
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
        double lat = plane.lat(extent.centre().y);
        double x = extent.centre().x;
        double run = 10 * resolution();
        return Ellipsoid.distance(plane.lon(x), lat, plane.lon(x + run), lat) / 10;
    }

    /** The polygons of {@code lonLat} in this view's pixels, holes as holes (even-odd). */
    public Path2D.Double path(Geometry lonLat) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int i = 0; i < lonLat.getNumGeometries(); i++) {
            if (lonLat.getGeometryN(i) instanceof Polygon p) {
                ring(path, p.getExteriorRing());
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    ring(path, p.getInteriorRingN(h));
                }
            }
        }
        return path;
    }

    private void ring(Path2D.Double path, LineString ring) {
        Coordinate[] cs = ring.getCoordinates();
        path.moveTo(px(cs[0].x), py(cs[0].y));
        for (int i = 1; i < cs.length; i++) {
            path.lineTo(px(cs[i].x), py(cs[i].y));
        }
        path.closePath();
    }
}

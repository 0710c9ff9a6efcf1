package org.planmap.controlline;

import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.planmap.boundary.BoundaryImport;

/**
 * The demonstration shapes, built in km around a centre and turned into lon/lat degrees.
 *
 * <p>Every shape is star-shaped: its vertices go round the centre at strictly increasing angles with
 * positive radii, and an affine stretch and rotation keep that property, so the ring never crosses
 * itself and no repair is normally needed. Coordinates are put on the boundaries' 1e-6° grid.
 */
final class DemoShapes {

    static final GeometryFactory FACTORY = new GeometryFactory(BoundaryImport.PRECISION);

    private static final double KM_PER_DEG_LAT = 110.574;
    private static final double KM_PER_DEG_LON_EQUATOR = 111.320;

    private DemoShapes() {
    }

    /**
     * An irregular blob of mean radius {@code radiusKm}: a circle whose radius varies with a few low
     * harmonics (amplitudes sum to at most {@code roughness}, so the radius never falls below
     * (1 − roughness)·radius), stretched to {@code aspect}:1 and turned by {@code rotation}.
     */
    static Polygon blob(SplittableRandom rnd, double lon, double lat, double radiusKm, int vertices,
            double roughness, double aspect, double rotation) {
        double[] amp = new double[4];
        double[] phase = new double[4];
        for (int k = 0; k < 4; k++) {
            amp[k] = rnd.nextDouble() * roughness * (0.4 - 0.07 * k);
            phase[k] = rnd.nextDouble() * 2 * Math.PI;
        }
        double[] angles = new double[vertices];
        double[] radii = new double[vertices];
        for (int i = 0; i < vertices; i++) {
            double t = 2 * Math.PI * i / vertices;
            double r = 1;
            for (int k = 0; k < 4; k++) {
                r += amp[k] * StrictMath.cos((k + 2) * t + phase[k]);
            }
            // a little per-vertex jitter so edges are not perfectly smooth
            angles[i] = t;
            radii[i] = radiusKm * r * (0.96 + 0.08 * rnd.nextDouble());
        }
        return star(lon, lat, angles, radii, aspect, rotation);
    }

    /** A small irregular field: 4–7 corners at jittered angles, radii 0.65–1.3 × {@code radiusKm}. */
    static Polygon patch(SplittableRandom rnd, double lon, double lat, double radiusKm) {
        int n = 4 + rnd.nextInt(4);
        double step = 2 * Math.PI / n;
        double[] angles = new double[n];
        double[] radii = new double[n];
        for (int i = 0; i < n; i++) {
            // jitter stays within ±30 % of a step: the angles remain strictly increasing
            angles[i] = step * i + (rnd.nextDouble() - 0.5) * 0.6 * step;
            radii[i] = radiusKm * (0.65 + 0.65 * rnd.nextDouble());
        }
        return star(lon, lat, angles, radii, 1 + 0.8 * rnd.nextDouble(), rnd.nextDouble() * Math.PI);
    }

    private static Polygon star(double lon, double lat, double[] angles, double[] radiiKm, double aspect,
            double rotation) {
        double cosRot = StrictMath.cos(rotation);
        double sinRot = StrictMath.sin(rotation);
        double kmPerDegLon = KM_PER_DEG_LON_EQUATOR * StrictMath.cos(StrictMath.toRadians(lat));
        Coordinate[] ring = new Coordinate[angles.length + 1];
        for (int i = 0; i < angles.length; i++) {
            double x = radiiKm[i] * StrictMath.cos(angles[i]) * aspect;
            double y = radiiKm[i] * StrictMath.sin(angles[i]) / aspect;
            double east = x * cosRot - y * sinRot;
            double north = x * sinRot + y * cosRot;
            Coordinate c = new Coordinate(lon + east / kmPerDegLon, lat + north / KM_PER_DEG_LAT);
            BoundaryImport.PRECISION.makePrecise(c);
            ring[i] = c;
        }
        ring[angles.length] = ring[0].copy();
        Polygon p = FACTORY.createPolygon(ring);
        // rounding to the grid could only matter for a degenerate sliver; repair rather than fail
        return p.isValid() ? p : (Polygon) largestPolygon(GeometryFixer.fix(p));
    }

    static Geometry largestPolygon(Geometry g) {
        Geometry best = g.getGeometryN(0);
        for (int i = 1; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i).getArea() > best.getArea()) {
                best = g.getGeometryN(i);
            }
        }
        return best;
    }

    /** Equirectangular distance in km: exact enough within a county for the relief proxy and sizing. */
    static double distanceKm(double lon1, double lat1, double lon2, double lat2) {
        double kmPerDegLon = KM_PER_DEG_LON_EQUATOR * StrictMath.cos(StrictMath.toRadians((lat1 + lat2) / 2));
        double dx = (lon1 - lon2) * kmPerDegLon;
        double dy = (lat1 - lat2) * KM_PER_DEG_LAT;
        return StrictMath.sqrt(dx * dx + dy * dy);
    }
}

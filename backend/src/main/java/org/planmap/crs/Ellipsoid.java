package org.planmap.crs;

import java.util.function.ToDoubleFunction;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.PolygonArea;
import net.sf.geographiclib.PolygonResult;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.densify.Densifier;

/**
 * Areas and distances on the CGCS2000/WGS84 ellipsoid (GRS80 and WGS84 differ by 0.1 mm in the
 * semi-minor axis), via GeographicLib: never in degrees, never in a projection that distorts area.
 *
 * <p><b>Which area.</b> A polygon's edges can be read two ways: as geodesics ({@link #area}, what PROJ's
 * {@code Geod.polygon_area_perimeter} and PostGIS's geography measure) or as straight lines in longitude/latitude
 * ({@link #areaOfStraightEdges}, what JTS and GEOS assume when they cut polygons). The readings differ only where
 * edges are long: by less than a part in a million on a county (孝义市, edges of a few hundred metres), by a part in
 * ten thousand on a site drawn with 10–20 km edges. Hence the rule:
 * <ul>
 * <li>{@link #area}: one feature's or unit's own area (a county, a boundary's areaKm2, a demonstration field's
 * areaHa, a conflict and the conflicts layer's areaHa, a diff piece, a repair's change).
 * <li>{@link #quickArea}: the same measure as {@link #area} (equal to the bit for rings of
 * {@value #SMALL_RING_DEGREES}° or more, within a part in a million below) where a whole line's thousands of
 * small rings are summed: the ledger's lines per county, a version diff's county totals (which must agree with the
 * ledger), the area noted with each imported version. At 500 000 fields the geodesic sums were half of an
 * import's writing thread.
 * <li>{@link #areaOfStraightEdges}: pieces of a planar cut of a polygon whose edges may be long (a planner's site
 * across county borders and control lines), where the pieces must add up to the whole.
 * </ul>
 * PROJ's geodesic area equals {@link #area} to a part in a billion. GDAL's SQLite dialect ({@code ST_Area(g, 1)},
 * SpatiaLite's) is neither reading (up to a part in ten thousand off on demonstration fields, two on that site):
 * compare with {@code ST_Area(ST_Segmentize(g, 0.002), 1)}, which is {@link #areaOfStraightEdges} to a part in ten
 * million. {@code AreaRuleTest} pins all of this on real polygons.
 */
public final class Ellipsoid {

    private static final Geodesic GEODESIC = Geodesic.WGS84;

    private Ellipsoid() {
    }

    /** Area in square metres of a polygonal geometry given in lon/lat degrees; holes subtracted. */
    public static double area(Geometry lonLat) {
        return sumOfRings(lonLat, Ellipsoid::ringArea);
    }

    /** The shells' areas less the holes', each ring measured by {@code ringArea}. */
    private static double sumOfRings(Geometry lonLat, ToDoubleFunction<LineString> ringArea) {
        double sum = 0;
        for (int i = 0; i < lonLat.getNumGeometries(); i++) {
            Geometry part = lonLat.getGeometryN(i);
            if (part instanceof Polygon p) {
                sum += ringArea.applyAsDouble(p.getExteriorRing());
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    sum -= ringArea.applyAsDouble(p.getInteriorRingN(h));
                }
            }
        }
        return sum;
    }

    /**
     * {@link #area}, with every ring less than {@value #SMALL_RING_DEGREES}° across measured on the authalic sphere
     * (the sphere of the ellipsoid's area, latitudes mapped to authalic ones so that areas are kept) with its edges as
     * great circles, instead of as a geodesic polygon on the ellipsoid: several times faster, and for such a ring the
     * two agree to one part in a hundred million for a field of a few hectares and one in ten million at the size
     * limit (the great circle and the geodesic between two points a few kilometres apart part by a millimetre). For
     * the ledger's hundreds of thousands of fields, where the geodesic sums took a quarter of its time; larger rings
     * are measured as {@link #area} does.
     */
    public static double quickArea(Geometry lonLat) {
        return sumOfRings(lonLat, Ellipsoid::quickRingArea);
    }

    /** Rings narrower and lower than this, in degrees, are measured on the authalic sphere by {@link #quickArea}. */
    static final double SMALL_RING_DEGREES = 0.05;
    private static final double A = GEODESIC.EquatorialRadius();
    private static final double E2 = GEODESIC.Flattening() * (2 - GEODESIC.Flattening());
    private static final double E = Math.sqrt(E2);
    private static final double Q_POLE = q(1);
    /** The authalic sphere's radius, squared. */
    private static final double R2 = A * A * Q_POLE / 2;

    /**
     * The ring's spherical excess as the sum, edge by edge, of the excess of the strip between the edge and the
     * equator: tan(E/2) = tan(Δλ/2)·(t₁ + t₂)/(1 + t₁t₂), t = tan(β/2) of the authalic latitude β.
     */
    private static double quickRingArea(LineString ring) {
        Envelope env = ring.getEnvelopeInternal();
        if (env.getWidth() >= SMALL_RING_DEGREES || env.getHeight() >= SMALL_RING_DEGREES) {
            return ringArea(ring);
        }
        CoordinateSequence cs = ring.getCoordinateSequence();
        int n = cs.size();
        double excess = 0;
        double lon = Math.toRadians(cs.getX(0));
        double t = halfTan(cs.getY(0));
        for (int i = 1; i < n; i++) {
            double nextLon = Math.toRadians(cs.getX(i));
            double nextT = halfTan(cs.getY(i));
            excess += 2 * Math.atan2(Math.tan((nextLon - lon) / 2) * (t + nextT), 1 + t * nextT);
            lon = nextLon;
            t = nextT;
        }
        return Math.abs(excess) * R2;
    }

    /**
     * tan(β/2) of the authalic latitude β of a geodetic latitude in degrees, as sin β / (1 + cos β): an asin and a tan
     * per vertex were a tenth of the ledger's time.
     */
    private static double halfTan(double latDegrees) {
        double sinBeta = Math.max(-1, Math.min(1, q(Math.sin(Math.toRadians(latDegrees))) / Q_POLE));
        return sinBeta / (1 + Math.sqrt(1 - sinBeta * sinBeta));
    }

    /** The authalic function q of sin φ (Snyder, Map Projections: A Working Manual, eq. 3-12). */
    private static double q(double sin) {
        double es = E * sin;
        return (1 - E2) * (sin / (1 - es * es) - Math.log((1 - es) / (1 + es)) / (2 * E));
    }

    /**
     * Area in square metres of a polygonal geometry whose edges run straight in longitude/latitude, as a planar
     * overlay (JTS, GEOS) cuts them: each edge is split into steps of at most {@value #STRAIGHT_EDGE_STEP}° before
     * measuring, so that the pieces of a cut add up to the whole. {@link #area} takes each edge as a geodesic, which
     * for a 13 km east–west edge at 37°N bows 2.5 m poleward and moves 2 ha from one side of the cut to the other;
     * GDAL's {@code ST_Area(ST_Segmentize(g, 0.002), 1)} agrees with this one to a part in ten million.
     */
    public static double areaOfStraightEdges(Geometry lonLat) {
        return area(Densifier.densify(lonLat, STRAIGHT_EDGE_STEP));
    }

    /** About 200 m: a geodesic that short is within a millimetre of the straight line between its ends. */
    static final double STRAIGHT_EDGE_STEP = 0.002;

    /** Area in km² rounded to 0.01 km² (1 ha), as boundary and plan layers report it. */
    public static double areaKm2(Geometry lonLat) {
        return roundKm2(area(lonLat));
    }

    public static double roundKm2(double m2) {
        return Math.round(m2 / 1e4) / 100.0;
    }

    /** Geodesic distance in metres between two lon/lat points. */
    public static double distance(double lon1, double lat1, double lon2, double lat2) {
        GeodesicData d = GEODESIC.Inverse(lat1, lon1, lat2, lon2);
        return d.s12;
    }

    private static double ringArea(LineString ring) {
        PolygonArea pa = new PolygonArea(GEODESIC, false);
        Coordinate[] cs = ring.getCoordinates();
        for (int i = 0; i < cs.length - 1; i++) {
            pa.AddPoint(cs[i].y, cs[i].x);
        }
        PolygonResult r = pa.Compute(false, true);
        return Math.abs(r.area);
    }
}

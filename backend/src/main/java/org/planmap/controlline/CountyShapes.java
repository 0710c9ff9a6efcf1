package org.planmap.controlline;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.planmap.crs.Ellipsoid;
import org.planmap.plan.CityTier;

/**
 * The demonstration shapes of one county. Each line draws from its own random stream, derived from the
 * seed, the adcode and the line, so asking for more farmland changes neither the development boundary
 * nor the ecological zones, and counties do not depend on one another.
 */
final class CountyShapes {

    /** Share of the county the farmland patches aim to cover (before clipping). */
    private static final double FARMLAND_COVER = 0.08;
    /** Share of the county the ecological zones aim to cover (they may overlap one another). */
    private static final double REDLINE_COVER = 0.22;
    /** Share of farmland patches deliberately laid across the development boundary: conflicts to find. */
    static final double FARMLAND_CONFLICT_SHARE = 0.05;
    /** Share of counties whose first ecological zone deliberately reaches into the development boundary. */
    static final double REDLINE_CONFLICT_SHARE = 0.25;
    /** Relief below which a point counts as lowland, and the looser limits tried when lowland is full. */
    private static final double LOWLAND = 0.45;

    private final CountyFrame frame;
    private final ReliefProxy relief;
    private final long seed;
    private final Polygon udbShape;
    private final Geometry udb;
    private final PreparedGeometry udbPrepared;
    private final IndexedPointInAreaLocator udbLocator;

    CountyShapes(CountyFrame frame, ReliefProxy relief, long seed, int districtsOfCity) {
        this.frame = frame;
        this.relief = relief;
        this.seed = seed;
        SplittableRandom rnd = random(ControlLine.URBAN_DEVELOPMENT_BOUNDARY);
        double areaKm2 = Math.min(targetUdbKm2(frame.county.tier(), districtsOfCity), 0.6 * frame.county.areaKm2());
        this.udbShape = DemoShapes.blob(rnd, frame.seatLon, frame.seatLat, Math.sqrt(areaKm2 / Math.PI), 64, 0.35,
                1 + 0.4 * rnd.nextDouble(), rnd.nextDouble() * Math.PI);
        // the seat is the centre of the county's largest inscribed circle, so the blob always meets the county
        this.udb = frame.clip(udbShape);
        if (udb == udbShape) {
            // wholly inside the county, the clip is the shape itself, which emitting it normalises in place
            // (Polygons.multi): do that here, so the vertex order that later draws sample from is the same
            // whether the development boundary is emitted or not (a one-line generation skips it)
            udbShape.normalize();
        }
        this.udbPrepared = PreparedGeometryFactory.prepare(udbShape);
        this.udbLocator = new IndexedPointInAreaLocator(udbShape);
    }

    /**
     * Development-boundary area by 专栏3 tier, in km², before clipping. Districts (市辖区) share their city's
     * tier, so a city's built-up area is split among its districts, each blob round its own district centre.
     */
    static double targetUdbKm2(CityTier tier, int districtsOfCity) {
        double city = switch (tier) {
            case I_LARGE -> 480;
            case II_LARGE -> 240;
            case MEDIUM -> 130;
            case I_SMALL -> 30;
            case II_SMALL -> 12;
        };
        return city / Math.max(1, districtsOfCity);
    }

    Geometry developmentBoundary() {
        return udb;
    }

    /** {@code count} large zones in the highest-relief parts of the county; edges clip them. */
    List<Geometry> redlines(int count) {
        SplittableRandom rnd = random(ControlLine.ECOLOGICAL_PROTECTION_REDLINE);
        boolean conflict = rnd.nextDouble() < REDLINE_CONFLICT_SHARE;
        List<Geometry> zones = new ArrayList<>();
        while (zones.size() < count) {
            Geometry zone;
            if (conflict && zones.isEmpty()) {
                // a smaller zone centred on the development boundary's edge: half of it lies inside
                Coordinate c = udbEdgePoint(rnd);
                double km2 = Math.max(0.4 * areaKm2(udbShape), 3);
                zone = c == null ? null : DemoShapes.blob(rnd, c.x, c.y, Math.sqrt(km2 / Math.PI), 40, 0.5,
                        1 + rnd.nextDouble(), rnd.nextDouble() * Math.PI);
                conflict = zone != null; // no edge point in the county: an ordinary zone instead
            } else {
                Coordinate c = highest(rnd, 24);
                double km2 = REDLINE_COVER * frame.county.areaKm2() / count * (0.6 + 0.8 * rnd.nextDouble());
                // elongated zones read as ridges and river corridors rather than discs
                zone = DemoShapes.blob(rnd, c.x, c.y, Math.sqrt(km2 / Math.PI), 40, 0.5, 1 + 1.5 * rnd.nextDouble(),
                        rnd.nextDouble() * Math.PI);
            }
            Geometry clipped = zone == null ? null : frame.clip(zone);
            if (clipped != null) {
                zones.add(clipped);
            }
        }
        return zones;
    }

    /**
     * {@code count} small fields in the lowland outside the development boundary, not overlapping one
     * another (by bounding box), except the {@link #FARMLAND_CONFLICT_SHARE} laid across the boundary.
     * When the lowland fills up, the relief limit is loosened step by step, so the count is always met.
     */
    void farmland(long count, Consumer<Geometry> sink) {
        if (count == 0) {
            return;
        }
        SplittableRandom rnd = random(ControlLine.PERMANENT_BASIC_FARMLAND);
        double meanRadiusKm = Math.sqrt(FARMLAND_COVER * frame.county.areaKm2() / (count * Math.PI));
        // cells about four mean field radii wide, in degrees of latitude (longitude degrees are shorter: cells
        // are a little wider than tall, which only changes how many fields share a cell)
        EnvelopeGrid placed = new EnvelopeGrid(frame.envelope, 4 * meanRadiusKm / 110.574);
        for (long i = 0; i < count; i++) {
            boolean conflict = rnd.nextDouble() < FARMLAND_CONFLICT_SHARE;
            for (int attempt = 0; ; attempt++) {
                Coordinate c = conflict && attempt < 20 ? udbEdgePoint(rnd) : null;
                if (c == null) {
                    c = lowPoint(rnd, attempt < 40 ? LOWLAND : attempt < 100 ? 0.6 : 2);
                }
                Polygon patch = DemoShapes.patch(rnd, c.x, c.y, meanRadiusKm * (0.6 + 0.8 * rnd.nextDouble()));
                Envelope env = patch.getEnvelopeInternal();
                if (!conflict && attempt < 150 && udbPrepared.intersects(patch)) {
                    continue;
                }
                if (attempt < 200 && placed.intersectsAny(env)) {
                    continue;
                }
                Geometry clipped = frame.clip(patch);
                if (clipped == null) {
                    continue;
                }
                placed.insert(env);
                sink.accept(clipped);
                break;
            }
        }
    }

    /** A vertex of the (unclipped) development boundary that lies in the county, or null after a few tries. */
    private Coordinate udbEdgePoint(SplittableRandom rnd) {
        Coordinate[] ring = udbShape.getExteriorRing().getCoordinates();
        for (int t = 0; t < 10; t++) {
            Coordinate c = ring[rnd.nextInt(ring.length - 1)];
            if (frame.inside(c.x, c.y)) {
                return c;
            }
        }
        return null;
    }

    /** A point of the county outside the development boundary whose relief is below {@code limit}. */
    private Coordinate lowPoint(SplittableRandom rnd, double limit) {
        for (int t = 0; ; t++) {
            Coordinate c = randomPoint(rnd);
            boolean low = relief(c) < limit || t >= 200;
            if (low && (udbLocator.locate(c) == Location.EXTERIOR || t >= 400)) {
                return c;
            }
        }
    }

    /** The highest of {@code samples} random points of the county outside the development boundary. */
    private Coordinate highest(SplittableRandom rnd, int samples) {
        Coordinate best = null;
        double bestRelief = -1;
        for (int s = 0; s < samples; s++) {
            Coordinate c = randomPoint(rnd);
            double r = udbLocator.locate(c) == Location.EXTERIOR ? relief(c) : -0.5;
            if (r > bestRelief) {
                best = c;
                bestRelief = r;
            }
        }
        return best;
    }

    private Coordinate randomPoint(SplittableRandom rnd) {
        Envelope e = frame.envelope;
        while (true) {
            double lon = e.getMinX() + rnd.nextDouble() * e.getWidth();
            double lat = e.getMinY() + rnd.nextDouble() * e.getHeight();
            if (frame.inside(lon, lat)) {
                return new Coordinate(lon, lat);
            }
        }
    }

    private double relief(Coordinate c) {
        return relief.relief(c.x, c.y, frame.seatLon, frame.seatLat, frame.radiusKm);
    }

    private static double areaKm2(Geometry g) {
        return Ellipsoid.area(g) / 1e6;
    }

    private SplittableRandom random(ControlLine line) {
        long adcode = Long.parseLong(frame.county.adcode());
        return new SplittableRandom(ReliefProxy.mix(seed ^ ReliefProxy.mix(adcode * 8 + line.ordinal())));
    }
}

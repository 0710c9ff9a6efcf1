package org.planmap.controlline;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.hprtree.HPRtree;

/**
 * Where a feature lies against one county, answered from its bounding box whenever the county's boundary does
 * not pass through that box: the feature is then wholly inside or wholly outside, and one of its vertices says
 * which. Only features whose box the boundary crosses need the exact tests (a prepared {@code covers}, then the
 * overlay); at 500 000 farmland fields that is a few in a hundred. Used by one thread at a time (the index is
 * built at the first question).
 */
final class CountyCover {

    enum Side { INSIDE, OUTSIDE, ON_BOUNDARY }

    private final Envelope extent;
    private final IndexedPointInAreaLocator locator;
    private final HPRtree boundary = new HPRtree();

    CountyCover(Geometry county) {
        this.extent = county.getEnvelopeInternal();
        this.locator = new IndexedPointInAreaLocator(county);
        for (int i = 0; i < county.getNumGeometries(); i++) {
            if (county.getGeometryN(i) instanceof Polygon p) {
                addSegments(p.getExteriorRing());
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    addSegments(p.getInteriorRingN(h));
                }
            }
        }
    }

    private void addSegments(LineString ring) {
        CoordinateSequence cs = ring.getCoordinateSequence();
        for (int i = 1; i < cs.size(); i++) {
            boundary.insert(new Envelope(cs.getX(i - 1), cs.getX(i), cs.getY(i - 1), cs.getY(i)), i);
        }
    }

    /** INSIDE or OUTSIDE when that is certain from the box; ON_BOUNDARY when the boundary crosses the box. */
    Side side(Geometry g) {
        Envelope box = g.getEnvelopeInternal();
        if (!extent.intersects(box)) {
            return Side.OUTSIDE;
        }
        boolean[] crossed = {false};
        boundary.query(box, item -> crossed[0] = true);
        Coordinate vertex = g.getCoordinate();
        if (crossed[0] || vertex == null) {
            return Side.ON_BOUNDARY;
        }
        return locator.locate(vertex) == Location.INTERIOR ? Side.INSIDE : Side.OUTSIDE;
    }
}

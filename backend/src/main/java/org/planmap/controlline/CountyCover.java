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
 *
 * <p>Most boxes are answered by a grid laid over the county once: a cell no boundary segment's box comes within a
 * cell of is wholly inside or wholly outside, and a feature's box lying in such cells only is answered by them, with
 * neither the segment index nor a point location (which were a sixth of the ledger at 500 000 fields). The margin of a
 * cell keeps the grid's answer the one the segment index would give, whatever the rounding of cell coordinates; boxes
 * near the boundary, or spanning many cells, are asked of the index as before.
 */
final class CountyCover {

    enum Side { INSIDE, OUTSIDE, ON_BOUNDARY }

    /** Cells per side of the grid: about 400 m at a county's size, several farmland fields. */
    private static final int CELLS = 128;
    /** Boxes over more cells than this are asked of the index: a few large features, not worth the walk. */
    private static final int MAX_CELLS_ASKED = 64;
    private static final byte UNKNOWN = 0;
    private static final byte NEAR_BOUNDARY = 1;
    private static final byte IN = 2;
    private static final byte OUT = 3;

    private final Envelope extent;
    private final IndexedPointInAreaLocator locator;
    private final HPRtree boundary = new HPRtree();
    private final double cellWidth;
    private final double cellHeight;
    private final byte[] cells = new byte[CELLS * CELLS];

    CountyCover(Geometry county) {
        this.extent = county.getEnvelopeInternal();
        this.locator = new IndexedPointInAreaLocator(county);
        this.cellWidth = extent.getWidth() / CELLS;
        this.cellHeight = extent.getHeight() / CELLS;
        for (int i = 0; i < county.getNumGeometries(); i++) {
            if (county.getGeometryN(i) instanceof Polygon p) {
                addSegments(p.getExteriorRing());
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    addSegments(p.getInteriorRingN(h));
                }
            }
        }
        classifyCells();
    }

    private void addSegments(LineString ring) {
        CoordinateSequence cs = ring.getCoordinateSequence();
        for (int i = 1; i < cs.size(); i++) {
            Envelope segment = new Envelope(cs.getX(i - 1), cs.getX(i), cs.getY(i - 1), cs.getY(i));
            boundary.insert(segment, i);
            int c1 = Math.min(CELLS - 1, column(segment.getMaxX()) + 1);
            int r1 = Math.min(CELLS - 1, row(segment.getMaxY()) + 1);
            for (int r = Math.max(0, row(segment.getMinY()) - 1); r <= r1; r++) {
                for (int c = Math.max(0, column(segment.getMinX()) - 1); c <= c1; c++) {
                    cells[r * CELLS + c] = NEAR_BOUNDARY;
                }
            }
        }
    }

    /**
     * Cells away from the boundary, row by row: a cell next to another such cell is on the same side (no boundary
     * passes between them), so a point is located only where a run of them begins.
     */
    private void classifyCells() {
        for (int r = 0; r < CELLS; r++) {
            byte previous = NEAR_BOUNDARY;
            for (int c = 0; c < CELLS; c++) {
                int i = r * CELLS + c;
                if (cells[i] == NEAR_BOUNDARY) {
                    previous = NEAR_BOUNDARY;
                    continue;
                }
                if (previous == NEAR_BOUNDARY) {
                    Coordinate centre = new Coordinate(extent.getMinX() + (c + 0.5) * cellWidth,
                            extent.getMinY() + (r + 0.5) * cellHeight);
                    previous = locator.locate(centre) == Location.INTERIOR ? IN : OUT;
                }
                cells[i] = previous;
            }
        }
    }

    /** INSIDE or OUTSIDE when that is certain from the box; ON_BOUNDARY when the boundary crosses the box. */
    Side side(Geometry g) {
        Envelope box = g.getEnvelopeInternal();
        if (!extent.intersects(box)) {
            return Side.OUTSIDE;
        }
        Side fromCells = fromCells(box);
        return fromCells != null ? fromCells : fromSegments(g);
    }

    /** The side the grid gives for a box within the county's extent: null when its cells do not settle it. */
    Side fromCells(Envelope box) {
        byte kind = cellsUnder(box);
        return kind == IN ? Side.INSIDE : kind == OUT ? Side.OUTSIDE : null;
    }

    /** The side from the boundary's segments and a vertex: what the grid must agree with wherever it answers. */
    Side fromSegments(Geometry g) {
        boolean[] crossed = {false};
        boundary.query(g.getEnvelopeInternal(), item -> crossed[0] = true);
        Coordinate vertex = g.getCoordinate();
        if (crossed[0] || vertex == null) {
            return Side.ON_BOUNDARY;
        }
        return locator.locate(vertex) == Location.INTERIOR ? Side.INSIDE : Side.OUTSIDE;
    }

    /** IN or OUT when every cell under the box (within the extent) is that; UNKNOWN otherwise. */
    private byte cellsUnder(Envelope box) {
        if (box.getMinX() < extent.getMinX() || box.getMaxX() > extent.getMaxX() || box.getMinY() < extent.getMinY()
                || box.getMaxY() > extent.getMaxY()) {
            return UNKNOWN;
        }
        int c0 = column(box.getMinX());
        int c1 = column(box.getMaxX());
        int r0 = row(box.getMinY());
        int r1 = row(box.getMaxY());
        if ((c1 - c0 + 1) * (r1 - r0 + 1) > MAX_CELLS_ASKED) {
            return UNKNOWN;
        }
        byte kind = cells[r0 * CELLS + c0];
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                if (cells[r * CELLS + c] != kind) {
                    return UNKNOWN;
                }
            }
        }
        return kind == NEAR_BOUNDARY ? UNKNOWN : kind;
    }

    private int column(double x) {
        return Math.min(CELLS - 1, Math.max(0, (int) ((x - extent.getMinX()) / cellWidth)));
    }

    private int row(double y) {
        return Math.min(CELLS - 1, Math.max(0, (int) ((y - extent.getMinY()) / cellHeight)));
    }
}

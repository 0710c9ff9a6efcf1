package org.planmap.controlline;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * The farmland fields placed so far in one county, to keep new ones off them. A uniform grid of boxes
 * rather than JTS's Quadtree: the fields are all about one size, and at benchmark scale (thousands per
 * county) the Quadtree's deep visits took a third of the generator's time.
 */
final class EnvelopeGrid {

    private final Envelope extent;
    private final double cell;
    private final int columns;
    private final int rows;
    private final List<List<Envelope>> cells;

    EnvelopeGrid(Envelope extent, double cellSize) {
        this.extent = extent;
        this.cell = cellSize;
        this.columns = Math.max(1, (int) Math.ceil(extent.getWidth() / cellSize));
        this.rows = Math.max(1, (int) Math.ceil(extent.getHeight() / cellSize));
        this.cells = new ArrayList<>(java.util.Collections.nCopies(columns * rows, (List<Envelope>) null));
    }

    void insert(Envelope e) {
        for (int r = row(e.getMinY()); r <= row(e.getMaxY()); r++) {
            for (int c = column(e.getMinX()); c <= column(e.getMaxX()); c++) {
                int i = r * columns + c;
                if (cells.get(i) == null) {
                    cells.set(i, new ArrayList<>(4));
                }
                cells.get(i).add(e);
            }
        }
    }

    boolean intersectsAny(Envelope e) {
        for (int r = row(e.getMinY()); r <= row(e.getMaxY()); r++) {
            for (int c = column(e.getMinX()); c <= column(e.getMaxX()); c++) {
                List<Envelope> here = cells.get(r * columns + c);
                if (here != null) {
                    for (Envelope other : here) {
                        if (other.intersects(e)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** DemoShapes near the border may reach past the county's box: they fall in the edge cells. */
    private int column(double x) {
        return Math.min(columns - 1, Math.max(0, (int) ((x - extent.getMinX()) / cell)));
    }

    private int row(double y) {
        return Math.min(rows - 1, Math.max(0, (int) ((y - extent.getMinY()) / cell)));
    }
}

package org.planmap.store.gpkg;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The exact half of a bbox filter: the R-tree finds the features whose boxes meet the query box, this keeps those
 * whose geometry intersects it (OGC API – Features' meaning of bbox; a county whose box reaches in but whose
 * polygon stays outside is not an answer). A candidate whose own box lies inside the query box intersects it
 * without a look at its geometry: the R-tree's boxes are rounded outwards, so that shortcut never keeps too much.
 */
final class BoxFilter {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final Envelope box;
    private final PreparedGeometry prepared;

    BoxFilter(Envelope box) {
        this.box = box;
        this.prepared = PreparedGeometryFactory.prepare(FACTORY.toGeometry(box));
    }

    /** Whether the candidate's R-tree box alone proves it intersects. */
    boolean inside(double minX, double maxX, double minY, double maxY) {
        return box.covers(minX, minY) && box.covers(maxX, maxY);
    }

    boolean intersects(Geometry g) {
        return g != null && !g.isEmpty() && prepared.intersects(g);
    }
}

package org.planmap.boundary;

import java.util.List;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Where a unit's name goes on the map: the centre of the largest circle inside its largest part
 * (the "pole of inaccessibility"). A centroid or bounding-box centre can fall outside a crescent-shaped
 * county or on its border.
 */
public final class LabelPoint {

    /** 1e-4° ≈ 10 m: far finer than any label needs, cheap to compute. */
    private static final double TOLERANCE_DEG = 1e-4;

    private LabelPoint() {
    }

    /** [lon, lat] rounded to 5 decimals. */
    public static List<Double> of(Geometry polygonal) {
        Geometry largest = polygonal.getGeometryN(0);
        for (int i = 1; i < polygonal.getNumGeometries(); i++) {
            if (polygonal.getGeometryN(i).getArea() > largest.getArea()) {
                largest = polygonal.getGeometryN(i);
            }
        }
        Point p = MaximumInscribedCircle.getCenter(largest, TOLERANCE_DEG);
        return List.of(round(p.getX()), round(p.getY()));
    }

    private static double round(double v) {
        return Math.round(v * 1e5) / 1e5;
    }
}

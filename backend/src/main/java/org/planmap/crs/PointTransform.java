package org.planmap.crs;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/** A transform of one x/y position, applied to every vertex of a copy of a geometry (z and m untouched). */
@FunctionalInterface
public interface PointTransform {

    /** Transforms (x, y) into {@code out[0]}, {@code out[1]}. */
    void transform(double x, double y, double[] out);

    default Geometry applyTo(Geometry g) {
        Geometry copy = g.copy();
        double[] out = new double[2];
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                transform(seq.getX(i), seq.getY(i), out);
                seq.setOrdinate(i, CoordinateSequence.X, out[0]);
                seq.setOrdinate(i, CoordinateSequence.Y, out[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }
}

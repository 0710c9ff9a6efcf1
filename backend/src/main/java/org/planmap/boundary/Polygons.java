package org.planmap.boundary;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/** Polygonal layers are stored as one geometry type, MultiPolygon, so every format can carry them alike. */
public final class Polygons {

    private static final GeometryFactory FACTORY = BoundaryImport.PRECISION_FACTORY;

    private Polygons() {
    }

    /**
     * As a normalised MultiPolygon: noding and union may start a ring at any of its vertices from one
     * run to the next, and the committed files must be byte-for-byte reproducible.
     */
    public static MultiPolygon multi(Geometry g) {
        MultiPolygon m;
        if (g instanceof MultiPolygon mp) {
            m = (MultiPolygon) mp.copy();
        } else if (g instanceof Polygon p) {
            m = FACTORY.createMultiPolygon(new Polygon[] {p});
        } else {
            throw new IllegalArgumentException("expected a polygonal geometry, got " + g.getGeometryType());
        }
        m.normalize();
        return m;
    }
}

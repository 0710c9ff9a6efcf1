package org.planmap.importer;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/** Polygonal layers are stored as one geometry type, MultiPolygon, so every format can carry them alike. */
public final class Polygons {

    /** Coordinates are kept to 1e-6° (≈ 0.1 m): finer than any source planmap reads (DataV's 6 decimals). */
    public static final PrecisionModel PRECISION = new PrecisionModel(1e6);
    private static final GeometryFactory FACTORY = new GeometryFactory(PRECISION);

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

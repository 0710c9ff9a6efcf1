package org.planmap.importer;

import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.planmap.crs.CrsRef;
import org.planmap.crs.Reprojector;
import org.planmap.store.Feature;

/**
 * A polygon read from a planner's file on its way into planmap, for an import and a site review alike:
 * refused unless it is a polygon, reprojected to EPSG:4326, repaired when invalid, reduced to its polygons.
 */
public final class PolygonalFeatures {

    /** The polygons of one feature, and whether they had to be repaired. */
    public record Converted(MultiPolygon polygons, boolean repaired) {
    }

    private PolygonalFeatures() {
    }

    /** Refuses a feature that is not a polygon (a point or a line where an area was expected). */
    public static void requirePolygon(Feature f) {
        if (f.geometry() != null && f.geometry().getDimension() != 2) {
            throw new ImportException("wrong-geometry-type",
                    "要素 " + f.id() + " 是" + f.geometry().getGeometryType() + "，这里只接受面（Polygon/MultiPolygon）",
                    "feature " + f.id() + " is a " + f.geometry().getGeometryType() + "; only polygons are taken here");
        }
    }

    /** The feature's polygons in EPSG:4326, or null when it has none (no geometry, or one that repairs to nothing). */
    public static Converted toWgs84(Feature f, CrsRef from, Reprojector reprojector) {
        if (f.geometry() == null || f.geometry().isEmpty()) {
            return null;
        }
        requirePolygon(f);
        Geometry g = reprojector.toWgs84(f.geometry(), from);
        boolean repaired = !g.isValid();
        if (repaired) {
            g = GeometryFixer.fix(g);
        }
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = PolygonExtracter.getPolygons(g);
        polygons.removeIf(Geometry::isEmpty);
        return polygons.isEmpty() ? null
                : new Converted(Polygons.multi(g.getFactory().createMultiPolygon(polygons.toArray(Polygon[]::new))), repaired);
    }
}

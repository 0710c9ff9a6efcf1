package org.planmap.importer.shapefile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Builds a Polygon or MultiPolygon from a shapefile polygon record's rings. A record lists its rings flat;
 * the specification says outer rings run clockwise and holes counter-clockwise, so orientation tells them
 * apart, and each hole belongs to the smallest outer ring that contains it (a hole can sit in an island that
 * sits in another hole). A hole no outer ring contains is kept as an outer ring, as GDAL does, with a note.
 */
final class RingAssembler {

    private final GeometryFactory factory;
    private final List<String> notes;

    RingAssembler(GeometryFactory factory, List<String> notes) {
        this.factory = factory;
        this.notes = notes;
    }

    Geometry polygon(List<Coordinate[]> parts, int record) {
        List<Coordinate[]> shells = new ArrayList<>();
        List<Coordinate[]> holes = new ArrayList<>();
        for (Coordinate[] ring : parts) {
            Coordinate[] r = closed(ring, record);
            (Orientation.isCCWArea(r) ? holes : shells).add(r);
        }
        if (shells.isEmpty()) {
            byNesting(holes, shells, record);
        }
        List<List<LinearRing>> holesOf = new ArrayList<>();
        shells.forEach(s -> holesOf.add(new ArrayList<>()));
        for (Coordinate[] hole : holes) {
            int owner = -1;
            double ownerArea = Double.POSITIVE_INFINITY;
            for (int s = 0; s < shells.size(); s++) {
                double area = Math.abs(Area.ofRingSigned(shells.get(s)));
                if (area < ownerArea && inside(hole, shells.get(s))) {
                    owner = s;
                    ownerArea = area;
                }
            }
            if (owner >= 0) {
                holesOf.get(owner).add(factory.createLinearRing(hole));
            } else {
                notes.add("第 " + record + " 条记录有一个不在任何外环内的内环，已作为外环处理 / record " + record
                        + " has a hole inside no outer ring; kept as an outer ring");
                shells.add(hole);
                holesOf.add(new ArrayList<>());
            }
        }
        Polygon[] polygons = new Polygon[shells.size()];
        for (int s = 0; s < shells.size(); s++) {
            polygons[s] = factory.createPolygon(factory.createLinearRing(shells.get(s)),
                    holesOf.get(s).toArray(LinearRing[]::new));
        }
        return polygons.length == 1 ? polygons[0] : factory.createMultiPolygon(polygons);
    }

    /**
     * Some writers ignore the specification and write every ring counter-clockwise; then orientation says
     * nothing, and a ring inside an even number of others is an outer ring, inside an odd number a hole.
     */
    private void byNesting(List<Coordinate[]> rings, List<Coordinate[]> shells, int record) {
        List<Coordinate[]> all = new ArrayList<>(rings);
        rings.clear();
        for (Coordinate[] r : all) {
            long depth = all.stream().filter(o -> o != r && inside(r, o)).count();
            (depth % 2 == 0 ? shells : rings).add(r);
        }
        notes.add("第 " + record + " 条记录没有顺时针外环（不符合规范），已按嵌套关系区分外环和内环 / record " + record
                + " has no clockwise outer ring (against the specification); rings told apart by nesting");
    }

    /**
     * Whether {@code hole} lies in {@code shell}: decided by the first hole vertex not on the shell's boundary
     * (holes may touch their shell at a vertex); a hole that lies wholly on the boundary counts as inside.
     */
    private static boolean inside(Coordinate[] hole, Coordinate[] shell) {
        for (Coordinate c : hole) {
            int loc = PointLocation.locateInRing(c, shell);
            if (loc != Location.BOUNDARY) {
                return loc == Location.INTERIOR;
            }
        }
        return true;
    }

    /** A ring as JTS needs it: at least 4 points, first = last (some writers omit the closing point). */
    private static Coordinate[] closed(Coordinate[] ring, int record) {
        Coordinate[] r = ring;
        if (r.length > 0 && !r[0].equals2D(r[r.length - 1])) {
            r = Arrays.copyOf(r, r.length + 1);
            r[r.length - 1] = r[0].copy();
        }
        if (r.length < 4) {
            throw ShpReader.badRecord(record, "多边形的一个环少于 3 个不同的点", "a polygon ring has fewer than 3 distinct points");
        }
        return r;
    }
}

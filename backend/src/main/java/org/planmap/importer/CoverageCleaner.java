package org.planmap.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.noding.NodedSegmentString;
import org.locationtech.jts.noding.SegmentString;
import org.locationtech.jts.noding.snap.SnappingNoder;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.planmap.crs.Ellipsoid;

/**
 * Turns polygons whose shared borders do not quite match (overlaps and sliver gaps, as when units
 * come from separately digitised files) into a clean polygonal coverage, and says what it changed.
 *
 * <p>JTS 1.20 has no CoverageCleaner, so this does what one does: snap all boundaries together,
 * snap-round them to the precision grid and node them, polygonize the noded linework into faces, then give every
 * face to exactly one unit:
 * <ul>
 *   <li>a face inside exactly one unit stays with it;</li>
 *   <li>an <em>overlap</em> face (inside several units) goes to the covering unit with which it shares
 *       the longest border, measured on the ellipsoid;</li>
 *   <li>a <em>gap</em> face (inside none, but enclosed by units) goes to the neighbouring unit with
 *       the longest shared border, unless it is larger than {@code maxGapArea}: then it is left as a
 *       hole and reported, because a large hole may be real;</li>
 *   <li>ties go to the unit listed first; faces are visited in a fixed order, so the result is
 *       deterministic.</li>
 * </ul>
 * Each unit is then the coverage union of its faces, so neighbours share identical edges.
 * Input geometries are in lon/lat degrees.
 */
public final class CoverageCleaner {

    /** What became of one face that had to be given away. */
    public enum FaceKind { OVERLAP, GAP }

    /** One reassigned face: which units covered it (none for a gap), who got it, its area. */
    public record Reassignment(FaceKind kind, List<Integer> covering, int owner, double areaM2) {
    }

    /** The clean coverage (same order as the input) and every face that was given away or left out. */
    public record Result(List<Geometry> coverage, List<Reassignment> reassigned, List<Double> unfilledGapsM2) {

        public long count(FaceKind kind) {
            return reassigned.stream().filter(r -> r.kind() == kind).count();
        }

        public double areaM2(FaceKind kind) {
            return reassigned.stream().filter(r -> r.kind() == kind).mapToDouble(Reassignment::areaM2).sum();
        }
    }

    private final PrecisionModel precision;
    private final GeometryFactory factory;
    private final double snapTolerance;
    private final double maxGapAreaM2;

    /**
     * @param precision     the grid every output coordinate lies on
     * @param snapTolerance vertices closer than this (in degrees) are made one before noding
     * @param maxGapAreaM2  gaps larger than this are left as holes and reported
     */
    public CoverageCleaner(PrecisionModel precision, double snapTolerance, double maxGapAreaM2) {
        this.precision = precision;
        this.snapTolerance = snapTolerance;
        this.factory = new GeometryFactory(precision);
        this.maxGapAreaM2 = maxGapAreaM2;
    }

    public Result clean(List<Geometry> units) {
        Geometry[] snapped = units.stream()
                .map(g -> GeometryPrecisionReducer.reduce(GeometryFixer.fix(g), precision))
                .toArray(Geometry[]::new);
        List<Polygon> faces = faces(snapped);
        int[][] covering = covering(faces, snapped);
        FaceGraph graph = new FaceGraph(faces);

        int[] owner = new int[faces.size()];
        for (int f = 0; f < faces.size(); f++) {
            owner[f] = covering[f].length == 1 ? covering[f][0] : -1;
        }
        double[] area = new double[faces.size()];
        List<Double> unfilled = new ArrayList<>();
        for (int f = 0; f < faces.size(); f++) {
            if (covering[f].length == 0) {
                area[f] = Ellipsoid.area(faces.get(f));
                if (area[f] > maxGapAreaM2) {
                    unfilled.add(area[f]);
                    owner[f] = -2;
                }
            } else if (covering[f].length > 1) {
                area[f] = Ellipsoid.area(faces.get(f));
            }
        }
        assign(graph, covering, owner);
        for (int f = 0; f < faces.size(); f++) {
            if (owner[f] == -1) {
                unfilled.add(area[f]);
            }
        }

        List<Reassignment> reassigned = new ArrayList<>();
        List<List<Geometry>> byUnit = new ArrayList<>();
        for (int u = 0; u < snapped.length; u++) {
            byUnit.add(new ArrayList<>());
        }
        for (int f = 0; f < faces.size(); f++) {
            if (owner[f] >= 0) {
                byUnit.get(owner[f]).add(faces.get(f));
            }
            if (covering[f].length != 1 && owner[f] >= 0) {
                reassigned.add(new Reassignment(covering[f].length == 0 ? FaceKind.GAP : FaceKind.OVERLAP,
                        Arrays.stream(covering[f]).boxed().toList(), owner[f], area[f]));
            }
        }
        List<Geometry> coverage = new ArrayList<>();
        for (List<Geometry> unitFaces : byUnit) {
            coverage.add(CoverageUnion.union(unitFaces.toArray(Geometry[]::new)));
        }
        return new Result(coverage, reassigned, unfilled);
    }

    /**
     * Every bounded face of the arrangement of all unit boundaries, in a fixed order. Boundaries are
     * first snapped together within {@code snapTolerance}: where two files' versions of the outer
     * border part at a shared vertex and run side by side, their ends a metre apart, the wedge
     * between them would otherwise stay open to the outside and never become a face to fill.
     */
    private List<Polygon> faces(Geometry[] units) {
        List<NodedSegmentString> rings = new ArrayList<>();
        for (Geometry unit : units) {
            for (int i = 0; i < unit.getNumGeometries(); i++) {
                Polygon p = (Polygon) unit.getGeometryN(i);
                rings.add(new NodedSegmentString(p.getExteriorRing().getCoordinates(), null));
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    rings.add(new NodedSegmentString(p.getInteriorRingN(h).getCoordinates(), null));
                }
            }
        }
        SnappingNoder noder = new SnappingNoder(snapTolerance);
        noder.computeNodes(rings);
        @SuppressWarnings("unchecked")
        Collection<SegmentString> snapped = noder.getNodedSubstrings();
        List<Geometry> lines = snapped.stream()
                .filter(ss -> ss.size() > 1)
                .map(ss -> (Geometry) factory.createLineString(ss.getCoordinates()))
                .toList();
        Geometry noded = UnaryUnionNG.union(lines, factory, precision);
        Polygonizer polygonizer = new Polygonizer();
        polygonizer.add(noded);
        @SuppressWarnings("unchecked")
        Collection<Polygon> polygons = polygonizer.getPolygons();
        List<Polygon> faces = new ArrayList<>(polygons);
        faces.sort(Comparator.comparingDouble((Polygon p) -> p.getEnvelopeInternal().getMinX())
                .thenComparingDouble(p -> p.getEnvelopeInternal().getMinY())
                .thenComparingDouble(Polygon::getArea));
        return faces;
    }

    /** For each face, the indexes of the units that contain it (tested at an interior point). */
    private static int[][] covering(List<Polygon> faces, Geometry[] units) {
        STRtree index = new STRtree();
        PreparedGeometry[] prepared = new PreparedGeometry[units.length];
        for (int u = 0; u < units.length; u++) {
            prepared[u] = PreparedGeometryFactory.prepare(units[u]);
            index.insert(units[u].getEnvelopeInternal(), u);
        }
        int[][] covering = new int[faces.size()][];
        for (int f = 0; f < faces.size(); f++) {
            Point inside = faces.get(f).getInteriorPoint();
            @SuppressWarnings("unchecked")
            List<Integer> candidates = index.query(new Envelope(inside.getCoordinate()));
            covering[f] = candidates.stream().mapToInt(Integer::intValue)
                    .filter(u -> prepared[u].contains(inside)).sorted().toArray();
        }
        return covering;
    }

    /**
     * Gives each unowned face to a unit, pass after pass, so that a gap enclosed only by other gaps
     * is decided once one of them has an owner.
     */
    private static void assign(FaceGraph graph, int[][] covering, int[] owner) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int f = 0; f < owner.length; f++) {
                if (owner[f] != -1) {
                    continue;
                }
                int best = graph.longestBorderOwner(f, owner, covering[f]);
                if (best >= 0) {
                    owner[f] = best;
                    changed = true;
                }
            }
        }
        for (int f = 0; f < owner.length; f++) {
            if (owner[f] == -1 && covering[f].length > 1) {
                owner[f] = covering[f][0];
            }
        }
    }

    /** Which faces share which edge segments, with segment lengths on the ellipsoid. */
    private static final class FaceGraph {
        private record Segment(double x1, double y1, double x2, double y2) {
            static Segment of(Coordinate a, Coordinate b) {
                boolean ordered = a.x < b.x || (a.x == b.x && a.y <= b.y);
                return ordered ? new Segment(a.x, a.y, b.x, b.y) : new Segment(b.x, b.y, a.x, a.y);
            }

            double lengthM() {
                return Ellipsoid.distance(x1, y1, x2, y2);
            }
        }

        private final List<List<Segment>> segmentsOfFace = new ArrayList<>();
        private final Map<Segment, int[]> facesOfSegment = new HashMap<>();

        FaceGraph(List<Polygon> faces) {
            for (int f = 0; f < faces.size(); f++) {
                List<Segment> segs = new ArrayList<>();
                Polygon p = faces.get(f);
                addRing(p.getExteriorRing(), f, segs);
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    addRing(p.getInteriorRingN(h), f, segs);
                }
                segmentsOfFace.add(segs);
            }
        }

        private void addRing(LineString ring, int face, List<Segment> segs) {
            Coordinate[] cs = ring.getCoordinates();
            for (int i = 0; i + 1 < cs.length; i++) {
                Segment s = Segment.of(cs[i], cs[i + 1]);
                segs.add(s);
                facesOfSegment.merge(s, new int[] {face}, (a, b) -> new int[] {a[0], b[0]});
            }
        }

        /**
         * The owner among {@code allowed} (any owner when empty) whose faces share the longest border
         * with face {@code f}; -1 when no neighbour is owned yet.
         */
        int longestBorderOwner(int f, int[] owner, int[] allowed) {
            Map<Integer, Double> border = new HashMap<>();
            for (Segment s : segmentsOfFace.get(f)) {
                for (int g : facesOfSegment.get(s)) {
                    int o = g == f ? -1 : owner[g];
                    if (o >= 0 && (allowed.length == 0 || Arrays.binarySearch(allowed, o) >= 0)) {
                        border.merge(o, s.lengthM(), Double::sum);
                    }
                }
            }
            return border.entrySet().stream()
                    .max(Map.Entry.<Integer, Double>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .map(Map.Entry::getKey).orElse(-1);
        }
    }
}

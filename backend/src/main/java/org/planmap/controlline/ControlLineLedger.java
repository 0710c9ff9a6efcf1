package org.planmap.controlline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.planmap.boundary.BoundarySet;
import org.planmap.importer.Polygons;
import org.planmap.crs.AreaUnits;
import org.planmap.crs.Ellipsoid;
import org.planmap.store.Feature;

/**
 * The control-line ledger (台账): for every county, the area of each line and of the two conflicts the plan
 * cares about (永久基本农田 or 生态保护红线 inside the 城镇开发边界), measured on the ellipsoid, never in degrees.
 *
 * <p>Works from whatever features the lines hold, official or demonstration: each line is clipped to the
 * county and dissolved there first, so a feature crossing a county border is split between the counties
 * and overlapping features of one line are counted once. Cities and town groups are sums of their counties,
 * which partition them exactly.
 */
public final class ControlLineLedger {

    /**
     * The grid the conflicts are snapped to: the 6 decimals of a degree (≈ 0.1 m) GeoJSON, OGC items and KML
     * write. Two lines' shared edges leave slivers thinner than that, which collapse to zero area when written
     * and make the whole feature invalid (QGIS's Dissolve aborts on them); snapped here, they vanish before
     * anything is served, and a conflict left with no area is no conflict.
     */
    private static final PrecisionModel SERVED_GRID = new PrecisionModel(1e6);
    /**
     * Names how the conflicts are computed, kept with the ledger's totals beside the inputs' versions, so that a
     * ledger kept by an earlier method (conflicts not yet snapped) is computed again rather than read back.
     */
    public static final String METHOD = "conflicts-snapped-1e-6";

    /** The overlaps the plan's 管控要求 rule out. */
    public enum Conflict {
        FARMLAND_IN_DEVELOPMENT("farmland-development", "永久基本农田与城镇开发边界重叠", ControlLine.PERMANENT_BASIC_FARMLAND),
        REDLINE_IN_DEVELOPMENT("redline-development", "生态保护红线与城镇开发边界重叠", ControlLine.ECOLOGICAL_PROTECTION_REDLINE);

        private final String code;
        private final String nameZh;
        private final ControlLine protectedLine;

        Conflict(String code, String nameZh, ControlLine protectedLine) {
            this.code = code;
            this.nameZh = nameZh;
            this.protectedLine = protectedLine;
        }

        public String code() {
            return code;
        }

        public String nameZh() {
            return nameZh;
        }
    }

    /** An area in hectares and mu, and its share of the unit's area in percent. */
    public record Area(double ha, double mu, double sharePercent) {
        static Area of(double m2, double unitM2) {
            return new Area(round(AreaUnits.ha(m2), 2), round(AreaUnits.mu(m2), 2),
                    unitM2 > 0 ? round(100 * m2 / unitM2, 4) : 0);
        }
    }

    /** One ledger row: a county, city or town group, keyed by layer id and conflict code. */
    public record Row(String code, String name, double unitAreaHa, Map<String, Area> lines, Map<String, Area> conflicts) {
    }

    /** A county's clipped, dissolved lines and conflicts, in square metres and as geometry. */
    public record CountyResult(String adcode, String name, String cityAdcode, String cityName, double unitM2,
            Map<ControlLine, Double> lineM2, Map<Conflict, Geometry> conflicts) {

        double conflictM2(Conflict c) {
            Geometry g = conflicts.get(c);
            return g == null ? 0 : Ellipsoid.area(g);
        }

        /** The areas without the geometries: all a ledger row needs, and what is kept for the next start. */
        public CountyTotals totals() {
            Map<Conflict, Double> conflictM2 = new EnumMap<>(Conflict.class);
            for (Conflict c : Conflict.values()) {
                conflictM2.put(c, conflictM2(c));
            }
            return new CountyTotals(adcode, name, cityAdcode, cityName, unitM2, lineM2, conflictM2);
        }
    }

    /** A county's areas in square metres: its own, each line's and each conflict's within it. */
    public record CountyTotals(String adcode, String name, String cityAdcode, String cityName, double unitM2,
            Map<ControlLine, Double> lineM2, Map<Conflict, Double> conflictM2) {

        public CountyTotals {
            lineM2 = Map.copyOf(lineM2);
            conflictM2 = Map.copyOf(conflictM2);
        }
    }

    private ControlLineLedger() {
    }

    /**
     * Where the ledger reads a line's features: those whose bounding box meets {@code box}, in a stable
     * order. The ledger asks county by county, so only one county's features are held at a time, however
     * many the layer has.
     */
    @FunctionalInterface
    public interface LinesInBox {
        List<Geometry> geometries(ControlLine line, Envelope box);
    }

    /**
     * Clips and dissolves every line per county and finds the conflicts; lines missing from the map are
     * empty. Candidates are taken in list order, as a store gives them in feature order, so this and the
     * store-backed form dissolve in the same order and agree to the last bit.
     */
    public static List<CountyResult> perCounty(BoundarySet boundaries, Map<ControlLine, List<Feature>> lines) {
        return perCounty(boundaries, (line, box) -> lines.getOrDefault(line, List.of()).stream()
                .map(Feature::geometry)
                .filter(g -> g != null && g.getEnvelopeInternal().intersects(box))
                .toList());
    }

    /**
     * Clips and dissolves every line per county, reading each county's features when it comes to it. Counties
     * share nothing, so they are worked on side by side, {@code lines} being asked from several threads at once,
     * on a pool of the ledger's own (one thread a core): on the common fork-join pool they competed with every
     * other parallel task of the server. The results come in county order all the same.
     */
    public static List<CountyResult> perCounty(BoundarySet boundaries, LinesInBox lines) {
        // numbered here: a worker's pool index is only set once it runs, so every thread was "planmap-ledger-0"
        AtomicInteger threads = new AtomicInteger();
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("planmap-ledger-" + threads.getAndIncrement());
            return t;
        }, null, false);
        try {
            // One task per county, the largest first (its box's area stands for its fields): a parallel stream cut
            // the list into a few long runs of counties in adcode order, and the run that came last kept one core
            // busy while the other had nothing left to take.
            List<Feature> counties = boundaries.counties();
            List<ForkJoinTask<CountyResult>> tasks = new ArrayList<>(Collections.nCopies(counties.size(), null));
            IntStream.range(0, counties.size()).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -counties.get(i).geometry().getEnvelopeInternal().getArea()))
                    .forEach(i -> tasks.set(i, pool.submit(() -> county(counties.get(i), lines))));
            return tasks.stream().map(ForkJoinTask::join).toList();
        } finally {
            pool.shutdown();
        }
    }

    private static CountyResult county(Feature county, LinesInBox lines) {
        Geometry shape = county.geometry();
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(shape);
        CountyCover cover = new CountyCover(shape);
        Map<ControlLine, Geometry> dissolved = new EnumMap<>(ControlLine.class);
        Map<ControlLine, Double> lineM2 = new EnumMap<>(ControlLine.class);
        for (ControlLine line : ControlLine.values()) {
            Geometry within = clipAndDissolve(lines.geometries(line, shape.getEnvelopeInternal()), shape, prepared, cover);
            dissolved.put(line, within);
            lineM2.put(line, within == null ? 0 : Ellipsoid.quickArea(within));
        }
        Map<Conflict, Geometry> conflicts = new EnumMap<>(Conflict.class);
        Geometry development = dissolved.get(ControlLine.URBAN_DEVELOPMENT_BOUNDARY);
        for (Conflict c : Conflict.values()) {
            Geometry protectedArea = dissolved.get(c.protectedLine);
            Geometry near = development == null || protectedArea == null ? null
                    : near(protectedArea, development.getEnvelopeInternal());
            if (near != null) {
                Geometry overlap = served(near, development, OverlayNG.INTERSECTION);
                if (overlap != null) {
                    conflicts.put(c, overlap);
                }
            }
        }
        return new CountyResult(county.id(), text(county, "name"), text(county, "cityAdcode"),
                text(county, "cityName"), Ellipsoid.area(shape), lineM2, conflicts);
    }

    /** Rows for a set of units, each the sum of the counties it is made of. */
    public static List<Row> rows(List<CountyTotals> counties, Map<String, String> unitNames,
            Map<String, List<String>> unitCounties) {
        Map<String, CountyTotals> byCode = new LinkedHashMap<>();
        counties.forEach(c -> byCode.put(c.adcode(), c));
        List<Row> rows = new ArrayList<>();
        unitNames.forEach((code, name) -> {
            List<CountyTotals> members = unitCounties.get(code).stream().map(byCode::get).toList();
            double unit = members.stream().mapToDouble(CountyTotals::unitM2).sum();
            Map<String, Area> lineAreas = new LinkedHashMap<>();
            for (ControlLine line : ControlLine.values()) {
                lineAreas.put(line.layerId(), Area.of(members.stream().mapToDouble(m -> m.lineM2().get(line)).sum(), unit));
            }
            Map<String, Area> conflictAreas = new LinkedHashMap<>();
            for (Conflict c : Conflict.values()) {
                conflictAreas.put(c.code(), Area.of(members.stream().mapToDouble(m -> m.conflictM2().get(c)).sum(), unit));
            }
            rows.add(new Row(code, name, round(AreaUnits.ha(unit), 2), lineAreas, conflictAreas));
        });
        return rows;
    }

    /**
     * An overlay ({@link OverlayNG#INTERSECTION}, {@link OverlayNG#DIFFERENCE} …) of two dissolved lines as it is
     * served: snapped to the {@link #SERVED_GRID}, polygons only; null when nothing polygonal is left.
     */
    public static Geometry served(Geometry a, Geometry b, int overlay) {
        return polygonal(GeometryPrecisionReducer.reduce(OverlayNGRobust.overlay(a, b, overlay), SERVED_GRID));
    }

    /**
     * The part of {@code candidates} inside {@code county}, clipped and dissolved as the ledger measures a line in a
     * county (null: none), so that whoever compares areas with the ledger's gets the same figures.
     */
    public static Geometry within(List<Geometry> candidates, Geometry county) {
        return clipAndDissolve(candidates, county, PreparedGeometryFactory.prepare(county), new CountyCover(county));
    }

    /**
     * The line's part in the county, dissolved: a feature whose box the county's boundary does not cross is taken
     * whole or left out without a geometric test ({@link CountyCover}); the others are tested against the prepared
     * county and clipped only when they reach out of it.
     */
    private static Geometry clipAndDissolve(List<Geometry> candidates, Geometry county, PreparedGeometry prepared,
            CountyCover cover) {
        List<Geometry> pieces = new ArrayList<>();
        for (Geometry g : candidates) {
            CountyCover.Side side = cover.side(g);
            if (side == CountyCover.Side.INSIDE || side == CountyCover.Side.ON_BOUNDARY && prepared.covers(g)) {
                pieces.add(g);
            } else if (side == CountyCover.Side.ON_BOUNDARY && prepared.intersects(g)) {
                Geometry clipped = polygonal(OverlayNGRobust.overlay(g, county, OverlayNG.INTERSECTION));
                if (clipped != null) {
                    pieces.add(clipped);
                }
            }
        }
        return pieces.isEmpty() ? null : dissolve(pieces);
    }

    /**
     * The polygons of {@code area} whose boxes meet {@code box}, or null when none does: the only ones an overlay
     * with a geometry inside {@code box} can find anything in, so a county's thousands of fields are not all handed
     * to it.
     */
    private static Geometry near(Geometry area, Envelope box) {
        List<Polygon> near = new ArrayList<>();
        for (int i = 0; i < area.getNumGeometries(); i++) {
            if (area.getGeometryN(i) instanceof Polygon p && p.getEnvelopeInternal().intersects(box)) {
                near.add(p);
            }
        }
        return near.isEmpty() ? null : area.getFactory().createMultiPolygon(near.toArray(Polygon[]::new));
    }

    /**
     * The union of {@code pieces}, computed only where it can change anything: pieces are grouped by
     * overlapping (or touching) envelopes and each group of more than one is unioned on its own; groups
     * cannot meet, so together they form a valid MultiPolygon as they are. Farmland fields rarely overlap,
     * and one union of a county's thousands of fields took most of the ledger's time at 500 000 features. It is
     * measured and overlaid, never served, so it is not normalised (that copy and sort cost a tenth of the ledger).
     *
     * <p>The overlapping envelopes are found by a sweep from west to east (each piece is compared with those that
     * start before it ends): an STR-tree built and queried per piece, with a list for every answer, took a quarter of
     * the ledger. Each group's root is its first piece, so the groups and their order are the same whichever way
     * the pairs are found.
     */
    private static Geometry dissolve(List<Geometry> pieces) {
        int n = pieces.size();
        int[] group = new int[n];
        Envelope[] boxes = new Envelope[n];
        Integer[] westToEast = new Integer[n];
        for (int i = 0; i < n; i++) {
            group[i] = i;
            boxes[i] = pieces.get(i).getEnvelopeInternal();
            westToEast[i] = i;
        }
        Arrays.sort(westToEast, Comparator.comparingDouble(i -> boxes[i].getMinX()));
        for (int k = 0; k < n; k++) {
            Envelope box = boxes[westToEast[k]];
            for (int j = k + 1; j < n && boxes[westToEast[j]].getMinX() <= box.getMaxX(); j++) {
                Envelope other = boxes[westToEast[j]];
                if (other.getMinY() <= box.getMaxY() && other.getMaxY() >= box.getMinY()) {
                    int a = root(group, westToEast[k]);
                    int b = root(group, westToEast[j]);
                    group[Math.max(a, b)] = Math.min(a, b);
                }
            }
        }
        Map<Integer, List<Geometry>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(root(group, i), k -> new ArrayList<>()).add(pieces.get(i));
        }
        List<Polygon> polygons = new ArrayList<>();
        for (List<Geometry> members : groups.values()) {
            Geometry merged = members.size() == 1 ? members.get(0) : OverlayNGRobust.union(members);
            @SuppressWarnings("unchecked")
            List<Polygon> parts = PolygonExtracter.getPolygons(merged);
            parts.stream().filter(p -> !p.isEmpty()).forEach(polygons::add);
        }
        return pieces.get(0).getFactory().createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    private static int root(int[] group, int i) {
        while (group[i] != i) {
            group[i] = group[group[i]];
            i = group[i];
        }
        return i;
    }

    /** The polygonal part of an overlay result (touching edges give lines and points), or null if none. */
    static Geometry polygonal(Geometry g) {
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = PolygonExtracter.getPolygons(g);
        polygons.removeIf(Geometry::isEmpty);
        if (polygons.isEmpty()) {
            return null;
        }
        GeometryFactory factory = g.getFactory();
        return Polygons.multi(factory.createMultiPolygon(polygons.toArray(Polygon[]::new)));
    }

    private static String text(Feature f, String property) {
        return String.valueOf(f.properties().get(property));
    }

    static double round(double v, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }
}

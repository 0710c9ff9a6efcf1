package org.planmap.controlline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Geometry;
import org.planmap.boundary.BoundarySet;
import org.planmap.importer.Polygons;
import org.planmap.crs.Ellipsoid;
import org.planmap.layer.LayerContent;
import org.planmap.plan.County;
import org.planmap.plan.CountyDirectory;
import org.planmap.store.Feature;
import org.planmap.store.Field;
import org.planmap.store.Field.Type;
import org.planmap.store.LayerInfo;

/**
 * A demonstration data set (示意数据) for the three control lines, because no public data set exists: the
 * official lines are held by planners and are imported over them. It is synthetic from end to end:
 * <ul>
 * <li>城镇开发边界: one irregular blob per county round its seat (the county's label point), sized by its
 *     专栏3 tier (districts split their city's size), clipped to the county;</li>
 * <li>生态保护红线: 2–5 large zones per county (by area) in its "mountains", clipped at its edges;</li>
 * <li>永久基本农田: many small fields in its "lowland", outside the development boundary.</li>
 * </ul>
 * "Mountain" and "lowland" come from {@link ReliefProxy}, a seeded noise field plus distance from the seat:
 * NOT terrain. A few farmland fields (≈5 %) and ecological zones (one county in four) are laid across the
 * development boundary on purpose, so that conflict checks have something to find.
 *
 * <p>Deterministic: the same seed and scale give the same bytes on any JVM (counties in adcode order, one
 * random stream per county and line, StrictMath, no hash-ordered collections, no parallelism).
 */
public final class DemoControlLines {

    /** Every feature's {@code status}. */
    public static final String STATUS = "示意数据（非官方）";
    /** Marks a layer's source as this generator's, so an official import is never overwritten by it. */
    public static final String GENERATOR = "planmap demonstration generator";
    /** 427: the plan's document number, 晋发改人口发〔2022〕427号. */
    public static final long DEFAULT_SEED = 427;

    public static final List<Field> FIELDS = List.of(
            new Field("id", Type.STRING, "要素编号 <layer>-<adcode>-<n>"),
            new Field("line", Type.STRING, "控制线"),
            CountyFields.ADCODE, CountyFields.COUNTY_NAME, CountyFields.CITY_NAME, CountyFields.AREA_HA,
            CountyFields.STATUS,
            new Field("source", Type.STRING, "来源"));

    private DemoControlLines() {
    }

    /** The three layers, in {@link ControlLine} order. For large scales use the streaming form. */
    public static Map<ControlLine, LayerContent> generate(BoundarySet boundaries, CountyDirectory directory,
            long seed, DemoScale scale) {
        Map<ControlLine, List<Feature>> features = new EnumMap<>(ControlLine.class);
        for (ControlLine line : ControlLine.values()) {
            features.put(line, new ArrayList<>());
        }
        generate(boundaries, directory, seed, scale, (line, f) -> features.get(line).add(f));
        Map<ControlLine, LayerContent> layers = new EnumMap<>(ControlLine.class);
        features.forEach((line, list) -> layers.put(line, new LayerContent(info(line, seed), list)));
        return layers;
    }

    /**
     * Streams the features to {@code sink} county by county (adcode order; within a county development
     * boundary, ecological zones, farmland) without holding them: 500 000 features need no more memory
     * than one county's.
     *
     * @return how many features were produced
     */
    public static long generate(BoundarySet boundaries, CountyDirectory directory, long seed, DemoScale scale,
            BiConsumer<ControlLine, Feature> sink) {
        return generate(boundaries, directory, seed, scale, EnumSet.allOf(ControlLine.class), sink);
    }

    /**
     * Streams one line's features: the same features the three-line form gives it (each line draws from
     * random streams of its own), without the cost of making the other two.
     */
    public static long generate(BoundarySet boundaries, CountyDirectory directory, long seed, DemoScale scale,
            ControlLine line, Consumer<Feature> sink) {
        return generate(boundaries, directory, seed, scale, EnumSet.of(line), (l, f) -> sink.accept(f));
    }

    private static long generate(BoundarySet boundaries, CountyDirectory directory, long seed, DemoScale scale,
            Set<ControlLine> lines, BiConsumer<ControlLine, Feature> sink) {
        Map<String, Geometry> geometry = new TreeMap<>();
        boundaries.counties().forEach(f -> geometry.put(f.id(), f.geometry()));
        List<County> counties = directory.all().stream().sorted(Comparator.comparing(County::adcode)).toList();
        Map<String, Integer> districts = new TreeMap<>();
        counties.stream().filter(c -> "市辖区".equals(c.kind())).forEach(c -> districts.merge(c.cityAdcode(), 1, Integer::sum));

        long fixed = counties.size();
        int[] zones = new int[counties.size()];
        double[] areas = new double[counties.size()];
        for (int i = 0; i < zones.length; i++) {
            zones[i] = redlineCount(counties.get(i).areaKm2());
            areas[i] = counties.get(i).areaKm2();
            fixed += zones[i];
        }
        long[] farmland = allocate(scale.farmlandTotal(counties.size(), fixed), areas);

        ReliefProxy relief = new ReliefProxy(seed);
        String source = source(seed);
        long produced = 0;
        for (int i = 0; i < counties.size(); i++) {
            County c = counties.get(i);
            CountyFrame frame = new CountyFrame(c, geometry.get(c.adcode()));
            int share = "市辖区".equals(c.kind()) ? districts.get(c.cityAdcode()) : 1;
            CountyShapes shapes = new CountyShapes(frame, relief, seed, share);
            Emitter emit = new Emitter(c, source, sink);
            if (lines.contains(ControlLine.URBAN_DEVELOPMENT_BOUNDARY)) {
                emit.accept(ControlLine.URBAN_DEVELOPMENT_BOUNDARY, shapes.developmentBoundary());
            }
            if (lines.contains(ControlLine.ECOLOGICAL_PROTECTION_REDLINE)) {
                shapes.redlines(zones[i]).forEach(z -> emit.accept(ControlLine.ECOLOGICAL_PROTECTION_REDLINE, z));
            }
            if (lines.contains(ControlLine.PERMANENT_BASIC_FARMLAND)) {
                shapes.farmland(farmland[i], g -> emit.accept(ControlLine.PERMANENT_BASIC_FARMLAND, g));
            }
            produced += emit.count;
        }
        return produced;
    }

    public static LayerInfo info(ControlLine line, long seed) {
        return new LayerInfo(line.layerId(), line.nameZh() + "（示意数据，非官方）", "MULTIPOLYGON", BoundarySet.CRS,
                source(seed) + "; synthetic shapes, no terrain data; the plan requires the line in " + line.source(),
                0, List.of(), FIELDS, "");
    }

    public static String source(long seed) {
        return GENERATOR + ", seed " + seed + " — not official data";
    }

    /** True when a stored layer was made by this generator (and may be regenerated), not imported. */
    public static boolean isDemonstration(LayerInfo layer) {
        return layer.source() != null && layer.source().contains(GENERATOR);
    }

    /** Ecological zones per county: 2, plus one per 1 000 km², at most 5. */
    static int redlineCount(double areaKm2) {
        return 2 + Math.min(3, (int) (areaKm2 / 1000));
    }

    /**
     * Splits {@code total} over the counties in proportion to their area (largest remainder, ties to the
     * earlier adcode), every county getting at least one when there are enough to go round.
     */
    static long[] allocate(long total, double[] weights) {
        int n = weights.length;
        long[] out = new long[n];
        long base = total >= n ? 1 : 0;
        long rest = total - base * n;
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double[] remainder = new double[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            double quota = rest * weights[i] / sum;
            long whole = (long) Math.floor(quota);
            out[i] = base + whole;
            remainder[i] = quota - whole;
            given += whole;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> remainder[a] != remainder[b]
                ? Double.compare(remainder[b], remainder[a]) : Integer.compare(a, b));
        for (int k = 0; k < rest - given; k++) {
            out[order[k]]++;
        }
        return out;
    }

    /** Numbers one county's features per line and gives them their properties. */
    private static final class Emitter {
        private final County county;
        private final String source;
        private final BiConsumer<ControlLine, Feature> sink;
        private final int[] numbers = new int[ControlLine.values().length];
        private long count;

        Emitter(County county, String source, BiConsumer<ControlLine, Feature> sink) {
            this.county = county;
            this.source = source;
            this.sink = sink;
        }

        void accept(ControlLine line, Geometry g) {
            int n = ++numbers[line.ordinal()];
            String id = String.format(java.util.Locale.ROOT, "%s-%s-%05d", line.layerId(), county.adcode(), n);
            Geometry multi = Polygons.multi(g);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", id);
            p.put("line", line.nameZh());
            p.put("adcode", county.adcode());
            p.put("countyName", county.name());
            p.put("cityName", county.cityName());
            p.put("areaHa", Math.round(Ellipsoid.area(multi) / 100) / 100.0);
            p.put("status", STATUS);
            p.put("source", source);
            sink.accept(line, new Feature(id, multi, p));
            count++;
        }
    }
}

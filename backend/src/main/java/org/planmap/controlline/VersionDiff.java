package org.planmap.controlline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.planmap.boundary.BoundarySet;
import org.planmap.crs.AreaUnits;
import org.planmap.crs.CrsRef;
import org.planmap.crs.Ellipsoid;
import org.planmap.layer.LayerService;
import org.planmap.store.Feature;
import org.planmap.store.FeatureCursor;
import org.planmap.store.FeatureQuery;
import org.planmap.store.Field;
import org.planmap.store.LayerInfo;

/**
 * What changed between two kept versions of a layer: per county the area in each, measured as the ledger measures a
 * line (clipped to the county, dissolved, on the ellipsoid), so the figures agree with the 台账; the features added,
 * removed and changed; and the diff layer, the areas only in a and only in b per county, to map and export.
 *
 * <p>A feature of a is the same feature as one of b as a planner means it: by its {@code id} field when every
 * feature of both versions has one of its own (an export and re-import keeps it, the store's ids are new), else by
 * its geometry, equal within 1 cm whatever its place in the file; failing both, by the store's id (an edit in
 * planmap). The same feature is unchanged when its geometry (within 1 cm) and the properties both sides have agree,
 * else changed; the others are removed (only in a) or added (only in b). Versions never change once kept, so the last few diffs are
 * remembered.
 */
public final class VersionDiff {

    /** A county's area in a and in b and the change from a to b; {@code adcode} null for the total. */
    public record CountyChange(String adcode, String name, double aHa, double bHa, double changeHa, double changeMu) {

        static CountyChange of(String adcode, String name, double aM2, double bM2) {
            return new CountyChange(adcode, name, round(AreaUnits.ha(aM2)), round(AreaUnits.ha(bM2)),
                    round(AreaUnits.ha(bM2 - aM2)), round(AreaUnits.mu(bM2 - aM2)));
        }
    }

    public record FeatureChanges(long added, long removed, long changed, long unchanged) {
    }

    /** The diff; {@code layer} its features (polygons only in a or only in b, {@link #FIELDS}). */
    public record Result(String layerId, int a, int b, List<CountyChange> counties, CountyChange total,
            FeatureChanges features, LayerInfo info, List<Feature> layer) {
    }

    /** The diff layer's properties: which side the area is only on ({@code a} or {@code b}), where, how large. */
    public static final List<Field> FIELDS = List.of(new Field("side", Field.Type.STRING, "a: 仅在版本 a；b: 仅在版本 b"),
            new Field("adcode", Field.Type.STRING, "区划代码"), new Field("name", Field.Type.STRING, "县（市、区）"),
            new Field("areaHa", Field.Type.REAL, "面积（公顷）"));

    private static final int REMEMBERED = 8;

    private final LayerService layers;
    private final Supplier<BoundarySet> boundaries;
    private final Map<String, Result> remembered = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Result> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** @param boundaries the boundaries in force when a diff is asked for: its counties are theirs */
    public VersionDiff(LayerService layers, Supplier<BoundarySet> boundaries) {
        this.layers = layers;
        this.boundaries = boundaries;
    }

    /** @throws org.planmap.store.UnknownVersionException when either version is not kept */
    public Result diff(String layerId, int a, int b) {
        LayerInfo layerA = layers.version(layerId, a).layer();
        layers.version(layerId, b);
        // a version number is never reused, but a layer deleted and made again starts from its own next number
        String key = layerId + "\n" + a + "\n" + b + "\n" + layerA.version();
        synchronized (remembered) {
            Result kept = remembered.get(key);
            if (kept != null) {
                return kept;
            }
        }
        Result result = compute(layerId, a, b, layerA);
        synchronized (remembered) {
            remembered.put(key, result);
        }
        return result;
    }

    private record County(CountyChange change, double aM2, double bM2, List<Feature> diff) {
    }

    private Result compute(String layerId, int a, int b, LayerInfo layerA) {
        List<County> counties = boundaries.get().counties().parallelStream().map(c -> county(layerId, a, b, c)).toList();
        List<CountyChange> changes = new ArrayList<>();
        List<Feature> diff = new ArrayList<>();
        double aM2 = 0;
        double bM2 = 0;
        for (County c : counties) {
            if (c.aM2() > 0 || c.bM2() > 0) {
                changes.add(c.change());
            }
            diff.addAll(c.diff());
            aM2 += c.aM2();
            bM2 += c.bM2();
        }
        LayerInfo info = new LayerInfo(layerId + "-diff-" + a + "-" + b, layerA.title() + " 版本 " + a + " 与 " + b
                + " 的差异", "MULTIPOLYGON", BoundarySet.CRS, "版本差异 diff of versions " + a + " and " + b + " of "
                + layerId, diff.size(), List.of(), FIELDS, layerA.version() + "-" + a + "-" + b);
        return new Result(layerId, a, b, changes, CountyChange.of(null, "合计", aM2, bM2), features(layerId, a, b),
                info, diff);
    }

    private County county(String layerId, int a, int b, Feature county) {
        Geometry shape = county.geometry();
        Geometry inA = ControlLineLedger.within(geometries(layerId, a, shape), shape);
        Geometry inB = ControlLineLedger.within(geometries(layerId, b, shape), shape);
        String name = Objects.toString(county.properties().get("name"), county.id());
        List<Feature> diff = new ArrayList<>();
        side(diff, "a", only(inA, inB), county.id(), name);
        side(diff, "b", only(inB, inA), county.id(), name);
        double aM2 = area(inA);
        double bM2 = area(inB);
        return new County(CountyChange.of(county.id(), name, aM2, bM2), aM2, bM2, diff);
    }

    private List<Geometry> geometries(String layerId, int version, Geometry county) {
        try (FeatureCursor features = layers.features(FeatureQuery.of(layerId).version(version)
                .bbox(county.getEnvelopeInternal()).withoutProperties(), CrsRef.WGS84)) {
            List<Geometry> out = new ArrayList<>();
            features.forEachRemaining(f -> {
                if (f.geometry() != null) {
                    out.add(f.geometry());
                }
            });
            return out;
        }
    }

    private static Geometry only(Geometry in, Geometry notIn) {
        return in == null ? null : notIn == null ? in : ControlLineLedger.served(in, notIn, OverlayNG.DIFFERENCE);
    }

    private static void side(List<Feature> diff, String side, Geometry g, String adcode, String name) {
        if (g != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("side", side);
            p.put("adcode", adcode);
            p.put("name", name);
            p.put("areaHa", round(AreaUnits.ha(Ellipsoid.area(g))));
            diff.add(new Feature(adcode + "-" + side, g, p));
        }
    }

    private static double area(Geometry g) {
        return g == null ? 0 : Ellipsoid.quickArea(g);
    }

    private FeatureChanges features(String layerId, int a, int b) {
        List<Compared> inA = compared(layerId, a);
        List<Compared> inB = compared(layerId, b);
        boolean byIdField = distinctIds(inA) && distinctIds(inB);
        Map<String, Compared> bById = new HashMap<>();
        STRtree bByPlace = new STRtree();
        for (Compared f : inB) {
            if (byIdField) {
                bById.put(f.idField(), f);
            } else if (f.geometry() != null) {
                bByPlace.insert(f.geometry().getEnvelopeInternal(), f);
            }
        }
        Map<String, Compared> bByStoreId = new HashMap<>();
        inB.forEach(f -> bByStoreId.put(f.storeId(), f));
        Set<Compared> taken = Collections.newSetFromMap(new IdentityHashMap<>());
        long unchanged = 0;
        long changed = 0;
        for (Compared f : inA) {
            Compared partner = byIdField ? bById.get(f.idField()) : samePlace(f, bByPlace, taken);
            if (partner == null || taken.contains(partner)) {
                // edited in place in planmap: the store keeps the feature's id
                partner = bByStoreId.get(f.storeId());
            }
            if (partner == null || taken.contains(partner)) {
                continue;
            }
            taken.add(partner);
            if (sameGeometry(f.geometry(), partner.geometry()) && sameProperties(f.properties(), partner.properties())) {
                unchanged++;
            } else {
                changed++;
            }
        }
        long removed = inA.size() - unchanged - changed;
        long added = inB.size() - unchanged - changed;
        return new FeatureChanges(added, removed, changed, unchanged);
    }

    /**
     * One feature as versions are compared: the store's id (kept by edits in planmap, new on every import), the
     * value of its {@link #ID_FIELD} (kept by exports and re-imports), its normalised geometry and properties.
     */
    private record Compared(String storeId, String idField, Geometry geometry, Map<String, Object> properties) {
    }

    /** A layer's own feature number, as the demonstration lines and most departments' files carry one. */
    static final String ID_FIELD = "id";
    /**
     * Coordinates closer than this (degrees, ≈ 1 cm) are the same point: a round trip through Gauss-Krüger metres and
     * back moves them by about 1e-9°.
     */
    static final double SAME_POINT = 1e-7;

    private List<Compared> compared(String layerId, int version) {
        List<Compared> out = new ArrayList<>();
        try (FeatureCursor features = layers.features(FeatureQuery.of(layerId).version(version), CrsRef.WGS84)) {
            features.forEachRemaining(f -> {
                Object id = f.properties().get(ID_FIELD);
                Geometry g = f.geometry() == null ? null : f.geometry().norm();
                out.add(new Compared(f.id(), id == null || id.toString().isBlank() ? null : id.toString(), g,
                        f.properties()));
            });
        }
        return out;
    }

    /** Whether every feature carries an id field value of its own: then it, not the place, says which is which. */
    private static boolean distinctIds(List<Compared> features) {
        Set<String> seen = new HashSet<>();
        return features.stream().allMatch(f -> f.idField() != null && seen.add(f.idField()));
    }

    /** The first feature of b not yet matched with the geometry of {@code f}, one with its properties first. */
    private static Compared samePlace(Compared f, STRtree b, Set<Compared> taken) {
        if (f.geometry() == null) {
            return null;
        }
        Envelope near = new Envelope(f.geometry().getEnvelopeInternal());
        near.expandBy(SAME_POINT);
        Compared found = null;
        for (Object o : b.query(near)) {
            Compared c = (Compared) o;
            if (!taken.contains(c) && sameGeometry(f.geometry(), c.geometry())) {
                if (sameProperties(f.properties(), c.properties())) {
                    return c;
                }
                found = found == null ? c : found;
            }
        }
        return found;
    }

    /** Normalised geometries with the same parts and vertices, each within {@link #SAME_POINT}. */
    private static boolean sameGeometry(Geometry a, Geometry b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.getNumGeometries() != b.getNumGeometries()) {
            return false;
        }
        for (int i = 0; i < a.getNumGeometries(); i++) {
            if (!a.getGeometryN(i).equalsExact(b.getGeometryN(i), SAME_POINT)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The properties both versions have agree: numbers as numbers (a DBF gives 12.0 for 12), the rest as text. A field
     * only one side has (a Shapefile cuts names to 10 characters) is not compared.
     */
    private static boolean sameProperties(Map<String, Object> a, Map<String, Object> b) {
        for (Map.Entry<String, Object> e : a.entrySet()) {
            if (!b.containsKey(e.getKey())) {
                continue;
            }
            Object x = e.getValue();
            Object y = b.get(e.getKey());
            if (x instanceof Number n && y instanceof Number m) {
                if (Math.abs(n.doubleValue() - m.doubleValue()) > 1e-9 * Math.max(1, Math.abs(n.doubleValue()))) {
                    return false;
                }
            } else if (!Objects.toString(x, "").equals(Objects.toString(y, ""))) {
                return false;
            }
        }
        return true;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}

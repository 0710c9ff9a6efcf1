package org.planmap.controlline;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
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
 * <p>Features are told apart by content, a hash of the geometry (WKB) and the properties: a feature of a whose
 * content is in b is unchanged wherever it sits in the file; of the rest, an id found on both sides is a change, the
 * others are removed (only in a) or added (only in b). Versions never change once kept, so the last few diffs are
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
        Map<String, String> inA = contents(layerId, a);
        Map<String, String> inB = contents(layerId, b);
        Map<String, Integer> bContents = new HashMap<>();
        inB.values().forEach(h -> bContents.merge(h, 1, Integer::sum));
        long unchanged = 0;
        List<String> restA = new ArrayList<>();
        for (Map.Entry<String, String> f : inA.entrySet()) {
            Integer left = bContents.get(f.getValue());
            if (left != null && left > 0) {
                bContents.put(f.getValue(), left - 1);
                unchanged++;
            } else {
                restA.add(f.getKey());
            }
        }
        // what is left over of a content in b after a took its share: the features of b that a lacks
        Set<String> restB = new HashSet<>();
        inB.forEach((id, h) -> {
            Integer left = bContents.get(h);
            if (left != null && left > 0) {
                bContents.put(h, left - 1);
                restB.add(id);
            }
        });
        long changed = restA.stream().filter(restB::contains).count();
        long removed = restA.size() - changed;
        long added = restB.size() - changed;
        return new FeatureChanges(added, removed, changed, unchanged);
    }

    /** Each feature's id and content hash, in store order (ids are unique within a version). */
    private Map<String, String> contents(String layerId, int version) {
        Map<String, String> out = new LinkedHashMap<>();
        WKBWriter wkb = new WKBWriter(2);
        try (FeatureCursor features = layers.features(FeatureQuery.of(layerId).version(version),
                CrsRef.WGS84)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            features.forEachRemaining(f -> {
                sha.update(f.geometry() == null ? new byte[0] : wkb.write(f.geometry()));
                byte[] properties = f.properties().toString().getBytes(StandardCharsets.UTF_8);
                sha.update(ByteBuffer.allocate(4).putInt(properties.length).array());
                sha.update(properties);
                out.put(f.id(), HexFormat.of().formatHex(sha.digest(), 0, 16));
            });
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}

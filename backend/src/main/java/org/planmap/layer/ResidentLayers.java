package org.planmap.layer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.planmap.store.Feature;
import org.planmap.store.FeatureCursor;
import org.planmap.store.FeatureQuery;
import org.planmap.store.FeatureStore;
import org.planmap.store.LayerInfo;
import org.planmap.store.filter.FilterPredicate;

/**
 * The small layers (the boundaries, the plan's zones, the 示意 control lines of a demonstration) kept parsed in
 * memory, one copy per layer version: a bbox or items query and a map image of them is answered from here
 * instead of reading and decoding every geometry from the store again, which a profile of OGC items
 * requests found to be most of their time after the JSON itself.
 *
 * <p>A layer is resident when its catalog entry counts at most {@link #MAX_FEATURES} features and it holds
 * at most {@link #MAX_COORDINATES} coordinates; a version too large for that is remembered and left to the
 * store. A copy is keyed by the layer version the catalog gave before it was read and kept only if the
 * catalog still names that version afterwards, so a replacement racing the read is never cached under
 * the old version. Answers are the store's: features in store order, a bbox meaning the geometry
 * intersects the box (JTS's rectangle test, not the envelope), the division-code prefix and feature id
 * filters, the CQL2 filter evaluated as the stores' SQL would ({@link FilterPredicate}), then offset and limit.
 */
public final class ResidentLayers {

    static final long MAX_FEATURES = 5_000;
    static final long MAX_COORDINATES = 2_000_000;

    private final FeatureStore store;
    private final Map<String, Copy> copies = new ConcurrentHashMap<>();
    private final Map<String, Object> loading = new ConcurrentHashMap<>();
    private final GeometryFactory boxes = new GeometryFactory();

    public ResidentLayers(FeatureStore store) {
        this.store = store;
    }

    /** The features matching {@code query} in the stored CRS, or empty when {@code layer} is not resident. */
    public Optional<List<Feature>> features(LayerInfo layer, FeatureQuery query) {
        return copy(layer).map(c -> c.matching(query, true));
    }

    /** How many features match {@code query} ignoring its limit and offset, or empty when not resident. */
    public Optional<Long> count(LayerInfo layer, FeatureQuery query) {
        return matches(layer, query).map(all -> (long) all.size());
    }

    /** Every feature matching {@code query}'s filters, ignoring its limit and offset, or empty when not resident. */
    public Optional<List<Feature>> matches(LayerInfo layer, FeatureQuery query) {
        return copy(layer).map(c -> c.matching(query, false));
    }

    /** {@code query}'s page (offset, limit) of what {@link #matches} gave. */
    public static List<Feature> page(List<Feature> matches, FeatureQuery query) {
        int from = (int) Math.min(query.offset(), matches.size());
        int to = query.limit() == null ? matches.size() : (int) Math.min((long) from + query.limit(), matches.size());
        return matches.subList(from, to);
    }

    private Optional<Copy> copy(LayerInfo layer) {
        if (layer.featureCount() > MAX_FEATURES) {
            return Optional.empty();
        }
        Copy copy = copies.get(layer.id());
        if (copy == null || !copy.version.equals(layer.version())) {
            synchronized (loading.computeIfAbsent(layer.id(), id -> new Object())) {
                copy = copies.get(layer.id());
                if (copy == null || !copy.version.equals(layer.version())) {
                    copy = load(layer);
                }
            }
        }
        return copy.tooLarge() ? Optional.empty() : Optional.of(copy);
    }

    /** Reads the whole layer once; cached only if the version did not change while it was read. */
    private Copy load(LayerInfo layer) {
        List<Feature> features = new ArrayList<>((int) layer.featureCount());
        long coordinates = 0;
        boolean tooLarge = false;
        try (FeatureCursor all = store.query(FeatureQuery.of(layer.id()))) {
            while (all.hasNext()) {
                Feature f = all.next();
                coordinates += f.geometry() == null ? 0 : f.geometry().getNumPoints();
                if (coordinates > MAX_COORDINATES) {
                    tooLarge = true;
                    features.clear();
                    break;
                }
                features.add(f);
            }
        }
        Copy copy = new Copy(layer.version(), tooLarge ? null : features);
        boolean unchanged = store.layer(layer.id()).map(now -> now.version().equals(layer.version())).orElse(false);
        if (unchanged) {
            copies.put(layer.id(), copy);
        }
        return copy;
    }

    /** One layer version in memory, with an STR-tree over its features' envelopes (ids are list positions). */
    private final class Copy {
        final String version;
        final List<Feature> features;
        final STRtree index = new STRtree();
        final Map<String, Integer> byId = new HashMap<>();

        Copy(String version, List<Feature> features) {
            this.version = version;
            this.features = features == null ? null : List.copyOf(features);
            if (this.features != null) {
                for (int i = 0; i < this.features.size(); i++) {
                    byId.putIfAbsent(this.features.get(i).id(), i);
                    Geometry g = this.features.get(i).geometry();
                    if (g != null && !g.isEmpty()) {
                        index.insert(g.getEnvelopeInternal(), i);
                    }
                }
                index.build(); // built now: a built tree is only read, so threads may share it
            }
        }

        boolean tooLarge() {
            return features == null;
        }

        List<Feature> matching(FeatureQuery q, boolean page) {
            List<Feature> candidates = q.featureId() != null ? byId(q.featureId())
                    : q.bbox() == null ? features : inBoxOrder(q.bbox());
            Geometry box = q.bbox() == null ? null : boxes.toGeometry(q.bbox());
            Predicate<Feature> filter = FilterPredicate.of(q.filter());
            long skip = page ? q.offset() : 0;
            long room = page && q.limit() != null ? q.limit() : Long.MAX_VALUE;
            List<Feature> out = new ArrayList<>();
            for (Feature f : candidates) {
                if (out.size() >= room) {
                    break;
                }
                if (!(box == null || meets(q.bbox(), box, f.geometry())) || !filtersAccept(q, f) || !filter.test(f)) {
                    continue;
                }
                if (skip > 0) {
                    skip--;
                } else {
                    out.add(q.asAsked(f));
                }
            }
            return out;
        }

        private List<Feature> byId(String id) {
            Integer i = byId.get(id);
            return i == null ? List.of() : List.of(features.get(i));
        }

        /** The features whose envelopes meet {@code bbox}, in store order. */
        private List<Feature> inBoxOrder(Envelope bbox) {
            List<Integer> hits = new ArrayList<>();
            index.query(bbox, item -> hits.add((Integer) item));
            hits.sort(null);
            List<Feature> out = new ArrayList<>(hits.size());
            hits.forEach(i -> out.add(features.get(i)));
            return out;
        }
    }

    /** The geometry intersects the box: at once when its envelope lies inside, else by JTS's rectangle test. */
    private static boolean meets(Envelope bbox, Geometry box, Geometry g) {
        return g != null && !g.isEmpty() && bbox.intersects(g.getEnvelopeInternal())
                && (bbox.contains(g.getEnvelopeInternal()) || box.intersects(g));
    }

    private static boolean filtersAccept(FeatureQuery q, Feature f) {
        if (q.featureId() != null && !q.featureId().equals(f.id())) {
            return false;
        }
        if (q.adcodePrefix() != null) {
            Object adcode = f.properties().get(FeatureQuery.ADCODE);
            return adcode != null && String.valueOf(adcode).startsWith(q.adcodePrefix());
        }
        return true;
    }
}

package org.planmap.layer;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.planmap.crs.CrsRef;
import org.planmap.crs.Reprojector;
import org.planmap.store.Feature;
import org.planmap.store.FeatureCursor;
import org.planmap.store.FeatureQuery;
import org.planmap.store.FeatureStore;
import org.planmap.store.LayerInfo;
import org.planmap.store.LayerVersion;
import org.planmap.store.UnknownVersionException;
import org.planmap.store.filter.Queryables;

/**
 * The one way to read layers, whichever encoder or endpoint asks: the catalog, and bbox/division/limit
 * queries answered as cursors from the store (or, for a small layer, from its parsed copy in
 * {@link ResidentLayers}), in the layer's own CRS or reprojected, feature by feature as they are read, to the one
 * asked for.
 */
public final class LayerService {

    private final FeatureStore store;
    private final Reprojector reprojector = new Reprojector(Reprojector.CHINA);
    private final ResidentLayers resident;

    public LayerService(FeatureStore store) {
        this.store = store;
        this.resident = new ResidentLayers(store);
    }

    public List<LayerInfo> layers() {
        return store.layers();
    }

    public LayerInfo layer(String id) {
        return store.layer(id).orElseThrow(() -> new UnknownLayerException(id));
    }

    /** The kept versions of a layer, newest first; a layer neither present nor ever versioned is unknown. */
    public List<LayerVersion> versions(String id) {
        List<LayerVersion> versions = store.versions(id);
        if (versions.isEmpty()) {
            layer(id);
        }
        return versions;
    }

    /** The kept version the layer is now, if it is one (a layer last written without a note is none). */
    public Optional<LayerVersion> currentVersion(String id) {
        return store.versions(id).stream().filter(LayerVersion::current).findFirst();
    }

    public LayerVersion version(String id, int number) {
        return versions(id).stream().filter(v -> v.version() == number).findFirst()
                .orElseThrow(() -> new UnknownVersionException(id, number));
    }

    /** The layer {@code query} reads: as it is now, or as it was in the version the query names. */
    public LayerInfo layer(FeatureQuery query) {
        return query.version() == null ? layer(query.layerId()) : version(query.layerId(), query.version()).layer();
    }

    /**
     * The matching features reprojected to {@code crs} as a page to stream and close. A paged query is counted
     * first (numberMatched), before the cursor takes its read connection; an unknown layer or an impossible filter
     * is thrown here, before anything is read.
     */
    public FeaturePage page(FeatureQuery query, CrsRef crs) {
        LayerInfo layer = answerable(query);
        if (query.unpaged()) {
            return new FeaturePage(layer, open(layer, query, crs), OptionalLong.empty(), crs);
        }
        // A resident layer's matches are found once and give both the page and numberMatched.
        Optional<List<Feature>> resident = resident(layer, query, this.resident::matches);
        if (resident.isPresent()) {
            List<Feature> all = resident.get();
            return new FeaturePage(layer, reprojected(layer, FeatureCursor.of(ResidentLayers.page(all, query)), crs),
                    OptionalLong.of(all.size()), crs);
        }
        OptionalLong matched = OptionalLong.of(store.count(query));
        return new FeaturePage(layer, reprojected(layer, store.query(query), crs), matched, crs);
    }

    /** {@link #page} in the CRS the layer is stored in. */
    public FeaturePage page(FeatureQuery query) {
        return page(query, CrsRef.parse(layer(query).crs()));
    }

    /** The matching features reprojected to {@code crs}, as a cursor the caller closes. */
    public FeatureCursor features(FeatureQuery query, CrsRef crs) {
        return open(answerable(query), query, crs);
    }

    /**
     * The matching features, reprojected to {@code crs}, handed to {@code sink} as the store reads them and
     * kept nowhere: for a reader of a whole dense layer (overview tiles) that must not hold it in memory. Stops
     * with {@link Abandoned} when the reading thread is interrupted.
     *
     * @return the layer the features belong to
     */
    public LayerInfo forEach(FeatureQuery query, CrsRef crs, Consumer<Feature> sink) {
        LayerInfo layer = answerable(query);
        try (FeatureCursor features = open(layer, query, crs)) {
            features.forEachRemaining(sink);
        }
        return layer;
    }

    /** How many features match {@code query}, ignoring its limit and offset: what an answer would hold. */
    public long count(FeatureQuery query) {
        return resident(answerable(query), query, resident::count).orElseGet(() -> store.count(query));
    }

    /** The resident copy's matches or else the store's cursor, reprojected. */
    private FeatureCursor open(LayerInfo layer, FeatureQuery query, CrsRef crs) {
        return reprojected(layer,
                resident(layer, query, resident::features).map(FeatureCursor::of).orElseGet(() -> store.query(query)), crs);
    }

    /** The resident copy's answer: only ever of the layer as it is now, kept versions are read from the store. */
    private static <T> Optional<T> resident(LayerInfo layer, FeatureQuery query,
            BiFunction<LayerInfo, FeatureQuery, Optional<T>> answer) {
        return query.version() == null ? answer.apply(layer, query) : Optional.empty();
    }

    /** {@code source} reprojected feature by feature, stopping at the next feature once its client left. */
    private FeatureCursor reprojected(LayerInfo layer, FeatureCursor source, CrsRef crs) {
        CrsRef stored = CrsRef.parse(layer.crs());
        return source.map(f -> {
            Abandoned.check();
            return stored.equals(crs) || f.geometry() == null ? f
                    : new Feature(f.id(), reprojector.transform(f.geometry(), stored, crs), f.properties());
        });
    }

    private LayerInfo answerable(FeatureQuery query) {
        LayerInfo layer = layer(query);
        if (query.adcodePrefix() != null
                && layer.fields().stream().noneMatch(f -> f.name().equals(FeatureQuery.ADCODE))) {
            throw new LayerQueryException("no-adcode", "图层“" + layer.title() + "”没有区划代码字段，不能按区划代码筛选",
                    "layer " + layer.id() + " has no adcode property to filter on");
        }
        if (query.filter() != null) {
            Queryables.check(query.filter(), layer.fields());
        }
        return layer;
    }
}

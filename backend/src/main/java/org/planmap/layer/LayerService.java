package org.planmap.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.planmap.crs.CrsRef;
import org.planmap.crs.Reprojector;
import org.planmap.store.Feature;
import org.planmap.store.FeatureQuery;
import org.planmap.store.FeatureStore;
import org.planmap.store.LayerInfo;

/**
 * The one way to read layers, whichever encoder or endpoint asks: the catalog, and bbox/division/limit
 * queries answered from the store, in the layer's own CRS or reprojected to the one asked for.
 */
public final class LayerService {

    private final FeatureStore store;
    private final Reprojector reprojector = new Reprojector(Reprojector.CHINA);

    public LayerService(FeatureStore store) {
        this.store = store;
    }

    public List<LayerInfo> layers() {
        return store.layers();
    }

    public LayerInfo layer(String id) {
        return store.layer(id).orElseThrow(() -> new UnknownLayerException(id));
    }

    /** The matching features in the CRS the layer is stored in. */
    public FeaturePage features(FeatureQuery query) {
        LayerInfo layer = layer(query.layerId());
        return features(query, CrsRef.parse(layer.crs()));
    }

    /** The matching features with their geometries reprojected to {@code crs}. */
    public FeaturePage features(FeatureQuery query, CrsRef crs) {
        List<Feature> features = new ArrayList<>();
        LayerInfo layer = forEach(query, crs, features::add);
        long matched = query.limit() == null && query.offset() == 0 ? features.size() : store.count(query);
        return new FeaturePage(layer, features, matched, crs);
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
        CrsRef stored = CrsRef.parse(layer.crs());
        store.query(query, f -> {
            Abandoned.check();
            sink.accept(stored.equals(crs) || f.geometry() == null ? f
                    : new Feature(f.id(), reprojector.transform(f.geometry(), stored, crs), f.properties()));
        });
        return layer;
    }

    /** How many features match {@code query}, ignoring its limit and offset: what an answer would hold. */
    public long count(FeatureQuery query) {
        answerable(query);
        return store.count(query);
    }

    private LayerInfo answerable(FeatureQuery query) {
        LayerInfo layer = layer(query.layerId());
        if (query.adcodePrefix() != null
                && layer.fields().stream().noneMatch(f -> f.name().equals(FeatureQuery.ADCODE))) {
            throw new LayerQueryException("no-adcode", "图层“" + layer.title() + "”没有区划代码字段，不能按区划代码筛选",
                    "layer " + layer.id() + " has no adcode property to filter on");
        }
        return layer;
    }
}

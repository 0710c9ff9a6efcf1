package org.planmap.layer;

import java.util.ArrayList;
import java.util.List;
import org.planmap.store.Feature;
import org.planmap.store.FeatureQuery;
import org.planmap.store.FeatureStore;
import org.planmap.store.LayerInfo;

/**
 * The one way to read layers, whichever encoder or endpoint asks: the catalog, and bbox/limit queries
 * answered from the store.
 */
public final class LayerService {

    private final FeatureStore store;

    public LayerService(FeatureStore store) {
        this.store = store;
    }

    public List<LayerInfo> layers() {
        return store.layers();
    }

    public LayerInfo layer(String id) {
        return store.layer(id).orElseThrow(() -> new UnknownLayerException(id));
    }

    public FeaturePage features(FeatureQuery query) {
        LayerInfo layer = layer(query.layerId());
        List<Feature> features = new ArrayList<>();
        store.query(query, features::add);
        long matched = query.limit() == null && query.offset() == 0 ? features.size() : store.count(query);
        return new FeaturePage(layer, features, matched);
    }
}

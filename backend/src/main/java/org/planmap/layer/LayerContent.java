package org.planmap.layer;

import java.util.List;
import org.planmap.store.Feature;
import org.planmap.store.LayerInfo;

/** A layer a domain package built: its description (counts and version are filled on publishing) and features. */
public record LayerContent(LayerInfo info, List<Feature> features) {
    public LayerContent {
        features = List.copyOf(features);
    }
}

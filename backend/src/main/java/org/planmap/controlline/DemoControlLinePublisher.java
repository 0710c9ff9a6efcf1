package org.planmap.controlline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.planmap.boundary.BoundarySet;
import org.planmap.layer.LayerContent;
import org.planmap.layer.LayerPublisher;
import org.planmap.plan.CountyDirectory;
import org.planmap.store.FeatureStore;
import org.planmap.store.LayerInfo;

/**
 * Puts the demonstration control lines into the store at start-up, so the viewer has something to show
 * before planners import the official files — and never over those files: a layer whose stored source is
 * not this generator's is an editor's import, and a restart must leave it as it is.
 */
public final class DemoControlLinePublisher {

    /** What happened to each line: stored (new or changed), already current, or kept because it is official. */
    public record Outcome(List<String> stored, List<String> current, List<String> keptOfficial) {
    }

    private final FeatureStore store;

    public DemoControlLinePublisher(FeatureStore store) {
        this.store = store;
    }

    public Outcome publish(BoundarySet boundaries, CountyDirectory directory, long seed) {
        List<String> stored = new ArrayList<>();
        List<String> current = new ArrayList<>();
        List<String> official = new ArrayList<>();
        // decide first, so that nothing is generated when all three lines are official
        List<ControlLine> lines = new ArrayList<>();
        for (ControlLine line : ControlLine.values()) {
            Optional<LayerInfo> existing = store.layer(line.layerId());
            if (existing.isPresent() && !DemoControlLines.isDemonstration(existing.get())) {
                official.add(line.layerId());
            } else {
                lines.add(line);
            }
        }
        if (!lines.isEmpty()) {
            Map<ControlLine, LayerContent> layers = DemoControlLines.generate(boundaries, directory, seed, Scale.DEFAULT);
            LayerPublisher publisher = new LayerPublisher(store);
            for (ControlLine line : lines) {
                (publisher.publish(layers.get(line)) ? stored : current).add(line.layerId());
            }
        }
        return new Outcome(stored, current, official);
    }
}

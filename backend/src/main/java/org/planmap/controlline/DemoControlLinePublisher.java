package org.planmap.controlline;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.planmap.boundary.BoundarySet;
import org.planmap.layer.LayerContent;
import org.planmap.layer.LayerPublisher;
import org.planmap.layer.LayerWriter;
import org.planmap.plan.CountyDirectory;
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

    private final LayerWriter writer;

    public DemoControlLinePublisher(LayerWriter writer) {
        this.writer = writer;
    }

    public Outcome publish(BoundarySet boundaries, CountyDirectory directory, long seed) {
        List<String> official = new ArrayList<>();
        // decide first, so that nothing is generated when all three lines are official
        Set<ControlLine> lines = EnumSet.noneOf(ControlLine.class);
        for (ControlLine line : ControlLine.values()) {
            Optional<LayerInfo> existing = writer.stored(line.layerId());
            if (existing.isPresent() && !DemoControlLines.isDemonstration(existing.get())) {
                official.add(line.layerId());
            } else {
                lines.add(line);
            }
        }
        Outcome published = publish(lines, boundaries, directory, seed);
        return new Outcome(published.stored(), published.current(), official);
    }

    /** The demonstration in place of whatever {@code line} holds now, an editor's import included. */
    public void replace(ControlLine line, BoundarySet boundaries, CountyDirectory directory, long seed) {
        publish(EnumSet.of(line), boundaries, directory, seed);
    }

    private Outcome publish(Set<ControlLine> lines, BoundarySet boundaries, CountyDirectory directory, long seed) {
        List<String> stored = new ArrayList<>();
        List<String> current = new ArrayList<>();
        if (!lines.isEmpty()) {
            Map<ControlLine, LayerContent> layers = DemoControlLines.generate(boundaries, directory, seed, Scale.DEFAULT);
            LayerPublisher publisher = new LayerPublisher(writer);
            for (ControlLine line : lines) {
                (publisher.publish(layers.get(line)) ? stored : current).add(line.layerId());
            }
        }
        return new Outcome(stored, current, List.of());
    }
}

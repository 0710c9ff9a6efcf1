package org.planmap.controlline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.io.WKBWriter;
import org.planmap.boundary.BoundarySet;
import org.planmap.layer.LayerContent;
import org.planmap.layer.LayerPublisher;
import org.planmap.layer.LayerWriter;
import org.planmap.plan.CountyDirectory;
import org.planmap.store.Feature;
import org.planmap.store.LayerInfo;
import org.planmap.store.VersionNote;

/**
 * Puts the demonstration control lines into the store at start-up, so the viewer has something to show
 * before planners import the official files — and never over those files: a layer whose stored source is
 * not this generator's is an editor's import, and a restart must leave it as it is.
 *
 * <p>Generating the lines took most of a restart, so what they were made from — the seed, the scale, the
 * DataV counties' layout (geometries and tiers) and the generator's own code — is kept in the store with the
 * versions stored; while all of it is unchanged nothing is generated at all.
 */
public final class DemoControlLinePublisher {

    /** What happened to each line: stored (new or changed), already current, or kept because it is official. */
    public record Outcome(List<String> stored, List<String> current, List<String> keptOfficial) {
    }

    private static final String KEY = "demonstration-control-lines";
    private static final String GENERATOR_CODE = codeDigest();

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
            // a line stored before versions were kept becomes its first version, so the next write keeps it
            existing.ifPresent(e -> writer.keepCurrent(line.layerId(), VersionNote.generated(
                    DemoControlLines.isDemonstration(e) ? VersionNote.DEMO : VersionNote.IMPORT, VersionNote.SYSTEM)));
            if (existing.isPresent() && !DemoControlLines.isDemonstration(existing.get())) {
                official.add(line.layerId());
            } else {
                lines.add(line);
            }
        }
        Outcome published = publish(lines, boundaries, directory, seed,
                VersionNote.generated(VersionNote.DEMO, VersionNote.SYSTEM));
        return new Outcome(published.stored(), published.current(), official);
    }

    /**
     * The demonstration in place of whatever {@code line} holds now, an editor's import included; the line's
     * previous contents are kept as a version, and the new one is noted {@code note}.
     */
    public void replace(ControlLine line, BoundarySet boundaries, CountyDirectory directory, long seed,
            VersionNote note) {
        publish(EnumSet.of(line), boundaries, directory, seed, note);
    }

    private Outcome publish(Set<ControlLine> lines, BoundarySet boundaries, CountyDirectory directory, long seed,
            VersionNote note) {
        List<String> stored = new ArrayList<>();
        List<String> current = new ArrayList<>();
        // the layout drawn on, not the counties layer: official boundaries in force leave the demonstration as it is
        String inputs = "seed " + seed + ", " + DemoScale.DEFAULT + ", counties " + layoutDigest(boundaries, directory)
                + ", generator " + GENERATOR_CODE;
        LayerPublisher publisher = new LayerPublisher(writer);
        Map<String, String> kept = publisher.kept(KEY, inputs);
        if (lines.stream().allMatch(l -> version(l).filter(v -> v.equals(kept.get(l.layerId()))).isPresent())) {
            lines.forEach(l -> current.add(l.layerId()));
            return new Outcome(stored, current, List.of());
        }
        Map<ControlLine, LayerContent> layers = DemoControlLines.generate(boundaries, directory, seed, DemoScale.DEFAULT);
        for (ControlLine line : lines) {
            (publisher.publish(layers.get(line), note) ? stored : current).add(line.layerId());
            kept.put(line.layerId(), version(line).orElseThrow());
        }
        publisher.keep(KEY, inputs, kept);
        return new Outcome(stored, current, List.of());
    }

    private Optional<String> version(ControlLine line) {
        return writer.stored(line.layerId()).map(LayerInfo::version);
    }

    /** A digest of the counties the lines are drawn on: their codes, tiers and areas, and their geometries. */
    private static String layoutDigest(BoundarySet boundaries, CountyDirectory directory) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            WKBWriter wkb = new WKBWriter(2);
            for (Feature county : boundaries.counties()) {
                sha.update(county.id().getBytes(StandardCharsets.UTF_8));
                sha.update(wkb.write(county.geometry()));
            }
            sha.update(directory.all().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A digest of the generator's classes: a change of its code makes new lines, as a change of the seed does. */
    private static String codeDigest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Class<?> c : List.of(DemoControlLines.class, CountyShapes.class, CountyFrame.class, DemoShapes.class,
                    ReliefProxy.class, EnvelopeGrid.class, DemoScale.class, CountyFields.class)) {
                try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                    sha.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

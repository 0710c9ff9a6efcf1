package org.planmap.layer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.locationtech.jts.io.WKBWriter;
import org.planmap.store.Feature;
import org.planmap.store.FeatureSource;
import org.planmap.store.LayerInfo;
import org.planmap.store.VersionNote;

/**
 * Puts a layer built from the project's own data (boundaries, plan structure) into the store when its
 * content has changed since it was last stored, so that a restart costs nothing and a new release of
 * the data replaces the old one. It writes through the {@link LayerWriter}, so a change is told as any other.
 */
public final class LayerPublisher {

    private final LayerWriter writer;

    public LayerPublisher(LayerWriter writer) {
        this.writer = writer;
    }

    /** @return true when the store's copy was replaced */
    public boolean publish(LayerContent content) {
        return publish(content, null);
    }

    /**
     * {@link #publish(LayerContent)} keeping the previous contents as a version, the new one noted {@code note}
     * (null: keeping no version, as for layers derived from the project's own data).
     */
    public boolean publish(LayerContent content, VersionNote note) {
        LayerInfo layer = content.info();
        List<Feature> features = content.features();
        String version = version(layer, features);
        boolean current = writer.stored(layer.id()).map(l -> l.version().equals(version)).orElse(false);
        if (!current) {
            LayerInfo info = layer.withContents(features.size(), List.of(), version);
            if (note == null) {
                writer.replace(info, features);
            } else {
                writer.replace(info, FeatureSource.of(features), () -> note);
            }
        }
        return !current;
    }

    /**
     * Publishes the layers {@code build} makes, unless every layer last published under {@code key} from the same
     * {@code inputs} is still stored at the version it was published at: then nothing is built, which is what
     * makes a restart cheap when building the layers costs more than naming their inputs.
     *
     * @return the layers whose store copy was replaced
     */
    public List<LayerContent> publishAll(String key, String inputs, Supplier<List<LayerContent>> build) {
        Map<String, String> kept = kept(key, inputs);
        if (!kept.isEmpty() && kept.entrySet().stream().allMatch(e -> e.getValue().equals(storedVersion(e.getKey())))) {
            return List.of();
        }
        List<LayerContent> replaced = new ArrayList<>();
        Map<String, String> versions = new TreeMap<>();
        for (LayerContent layer : build.get()) {
            if (publish(layer)) {
                replaced.add(layer);
            }
            versions.put(layer.info().id(), storedVersion(layer.info().id()));
        }
        keep(key, inputs, versions);
        return replaced;
    }

    /** The layer versions kept under {@code key} by {@link #keep}, if they were made from {@code inputs}; else none. */
    public Map<String, String> kept(String key, String inputs) {
        Map<String, String> versions = new TreeMap<>();
        String[] text = writer.derived(key).orElse("").split("\n");
        if (text[0].equals(inputs)) {
            for (int i = 1; i < text.length; i++) {
                String[] idVersion = text[i].split("=", 2);
                versions.put(idVersion[0], idVersion[1]);
            }
        }
        return versions;
    }

    /** Keeps which layer versions were published from {@code inputs} (one line of inputs, then id=version lines). */
    public void keep(String key, String inputs, Map<String, String> versions) {
        StringBuilder text = new StringBuilder(inputs);
        versions.forEach((id, version) -> text.append('\n').append(id).append('=').append(version));
        writer.keepDerived(key, text.toString());
    }

    private String storedVersion(String id) {
        return writer.stored(id).map(LayerInfo::version).orElse(null);
    }

    /**
     * A digest of everything a reader sees: the description, then each feature's id, geometry (as WKB, so exact to
     * the bit) and properties in order.
     */
    static String version(LayerInfo layer, List<Feature> features) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            text(sha, List.of(layer.title(), layer.source(), layer.crs(), layer.geometryType(), layer.fields()).toString());
            WKBWriter wkb = new WKBWriter(2);
            for (Feature f : features) {
                text(sha, f.id());
                sha.update(f.geometry() == null ? new byte[0] : wkb.write(f.geometry()));
                text(sha, f.properties().toString());
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each part with its length first, so that no two different sequences of parts digest alike. */
    private static void text(MessageDigest sha, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }
}

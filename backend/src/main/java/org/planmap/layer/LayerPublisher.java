package org.planmap.layer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.locationtech.jts.io.WKBWriter;
import org.planmap.store.Feature;
import org.planmap.store.LayerInfo;

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
        LayerInfo layer = content.info();
        List<Feature> features = content.features();
        String version = version(layer, features);
        boolean current = writer.stored(layer.id()).map(l -> l.version().equals(version)).orElse(false);
        if (!current) {
            writer.replace(layer.withContents(features.size(), List.of(), version), features);
        }
        return !current;
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

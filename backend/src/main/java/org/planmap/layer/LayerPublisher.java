package org.planmap.layer;

import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.planmap.encode.GeoJsonWriter;
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

    static String version(LayerInfo layer, List<Feature> features) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (GeoJsonWriter w = new GeoJsonWriter(new DigestOutputStream(OutputStream.nullOutputStream(), sha), 9,
                    Map.of("layer", List.of(layer.title(), layer.source(), layer.crs(), layer.geometryType(),
                            layer.fields().toString())))) {
                w.writeAll(features);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

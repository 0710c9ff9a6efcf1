package org.planmap.layer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.planmap.crs.AreaUnits;
import org.planmap.crs.Ellipsoid;
import org.planmap.store.Feature;
import org.planmap.store.FeatureSource;
import org.planmap.store.FeatureStore;
import org.planmap.store.LayerInfo;
import org.planmap.store.LayerVersion;
import org.planmap.store.ReadAhead;
import org.planmap.store.UnknownVersionException;
import org.planmap.store.VersionNote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way to change layers in the store, whoever writes (the project's own layers at start, the
 * demonstration lines, imports, a reset, the ledger's conflicts layer): after the store committed, every
 * listener is told a {@link LayerChanged}, in the order they subscribed and on the writer's thread. So a writer
 * returns only once what follows a change (the ledger, the overview tiles) has followed it: an import job that is
 * reported done leaves nothing stale behind it. The old version is the one read just before the write: two
 * writes of one layer at once (not done today: imports run one at a time) could both report it.
 *
 * <p>A write with a {@link VersionNote} (an import, a delete, a restore, the demonstration lines) keeps the previous
 * contents as a version, and the {@code keep} newest versions of the layer are kept (the current one always).
 *
 * <p>When other servers share the store (PostGIS), their changes are told to the same listeners once
 * {@link #followChangesElsewhere} was called, on the store's listening thread: a server learns of an import made
 * through another one within milliseconds, and its ledger, caches and overview tiles follow as after its own.
 */
public final class LayerWriter {

    private static final Logger log = LoggerFactory.getLogger(LayerWriter.class);

    /** Told every committed change of a layer's version; may write layers itself (the ledger does). */
    @FunctionalInterface
    public interface Listener {
        void layerChanged(LayerChanged change);
    }

    /** How many versions of a layer are kept when nobody says otherwise ({@code planmap.versions.keep}). */
    public static final int DEFAULT_KEEP = 20;

    private final FeatureStore store;
    private final int keep;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public LayerWriter(FeatureStore store) {
        this(store, DEFAULT_KEEP);
    }

    /** @param keep how many versions of a layer to keep, at least one */
    public LayerWriter(FeatureStore store, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("at least one version is kept, not " + keep);
        }
        this.store = store;
        this.keep = keep;
    }

    public void subscribe(Listener listener) {
        listeners.add(listener);
    }

    /** The layer as stored now; what a writer compares its content with before replacing it. */
    public Optional<LayerInfo> stored(String layerId) {
        return store.layer(layerId);
    }

    /** See {@link FeatureStore#replace(LayerInfo, FeatureSource)}; a failed replace tells no one. */
    public void replace(LayerInfo layer, FeatureSource features) {
        String before = version(layer.id());
        store.replace(layer, features);
        changed(layer.id(), before);
    }

    public void replace(LayerInfo layer, List<Feature> features) {
        replace(layer, FeatureSource.of(features));
    }

    /**
     * A replace that keeps the previous contents as a version; the new version is noted with {@code note} (asked for
     * once every feature is written, so it may count them) and the area of its features measured on the way. The
     * source is read a few hundred features ahead on a thread of its own ({@link ReadAhead}), which measures the
     * area too: an import's reading, reprojecting and validating, and the measuring, overlap the store's writing,
     * which was the longer of the two (the measuring was an eighth of the writing thread at 500 000 polygons).
     */
    public void replace(LayerInfo layer, FeatureSource features, Supplier<VersionNote> note) {
        String before = version(layer.id());
        double[] m2 = new double[1];
        FeatureSource measured = sink -> {
            m2[0] = 0;
            features.forEach(f -> {
                if (f.geometry() != null) {
                    m2[0] += Ellipsoid.quickArea(f.geometry());
                }
                sink.accept(f);
            });
        };
        // the read-ahead joins its thread before it returns, so the sum is seen complete here
        store.replace(layer, new ReadAhead(measured, "planmap-layer-read"), () -> note.get().withAreaHa(AreaUnits.ha(m2[0])));
        pruned(layer.id());
        changed(layer.id(), before);
    }

    /**
     * Makes kept version {@code number} current again as a new version, restored by {@code user}: the same features,
     * so what follows a change (ledger, caches, tiles) follows this one.
     *
     * @throws UnknownVersionException when the layer keeps no such version
     */
    public LayerVersion restore(String layerId, int number, String user) {
        LayerVersion restored = version(layerId, number);
        String before = version(layerId);
        store.restore(layerId, number, restored.note().restoredBy(user));
        pruned(layerId);
        changed(layerId, before);
        return store.versions(layerId).get(0);
    }

    /** See {@link FeatureStore#keepCurrent}. */
    public void keepCurrent(String layerId, VersionNote note) {
        store.keepCurrent(layerId, note);
    }

    /** The kept versions of a layer, newest first. */
    public List<LayerVersion> versions(String layerId) {
        return store.versions(layerId);
    }

    public LayerVersion version(String layerId, int number) {
        return store.versions(layerId).stream().filter(v -> v.version() == number).findFirst()
                .orElseThrow(() -> new UnknownVersionException(layerId, number));
    }

    /** Retention after a committed write: a failure to prune loses nothing and is made good by the next write. */
    private void pruned(String layerId) {
        try {
            store.prune(layerId, keep);
        } catch (RuntimeException e) {
            log.warn("could not prune the versions of {}: {}", layerId, e.toString(), e);
        }
    }

    /** What was derived from layers and kept under {@code key} (see {@link FeatureStore#derived}). */
    public Optional<String> derived(String key) {
        return store.derived(key);
    }

    public void keepDerived(String key, String text) {
        store.keepDerived(key, text);
    }

    /** See {@link FeatureStore#exclusively}: derived state computed by one of the servers sharing the store. */
    public <T> T exclusively(String key, Supplier<T> work) {
        return store.exclusively(key, work);
    }

    /** From now on the listeners are told changes that other servers sharing the store commit, too. */
    public void followChangesElsewhere() {
        store.watchChangesElsewhere((layerId, before, after) -> tell(new LayerChanged(layerId, before, after)));
    }

    private String version(String layerId) {
        return store.layer(layerId).map(LayerInfo::version).orElse(null);
    }

    /**
     * The write is committed whatever a listener does: a listener that fails is logged and the others are still
     * told, and each of them can catch up later (the ledger compares versions on every read).
     */
    private void changed(String layerId, String before) {
        String after = version(layerId);
        if (Objects.equals(before, after)) {
            return;
        }
        tell(new LayerChanged(layerId, before, after));
    }

    private void tell(LayerChanged change) {
        for (Listener listener : listeners) {
            try {
                listener.layerChanged(change);
            } catch (RuntimeException e) {
                log.warn("{} after {}: {}", listener, change, e.toString(), e);
            }
        }
    }
}

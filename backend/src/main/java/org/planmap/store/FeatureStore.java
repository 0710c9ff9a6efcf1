package org.planmap.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where layers live. Implementations: the embedded GeoPackage file (default) and PostGIS (when a
 * database URL is configured); both pass {@code FeatureStoreContract}.
 * All of them are safe to call from several threads.
 */
public interface FeatureStore extends AutoCloseable {

    List<LayerInfo> layers();

    Optional<LayerInfo> layer(String id);

    /**
     * Replaces a layer's contents and description in one step: readers see either the previous
     * version or the new one, never a mix, and a failure (or a crash) leaves the previous version.
     * The features are pulled from {@code features} once, as they are written; the stored description
     * takes its feature count and bbox from them and its version from {@code layer}. A failure of the
     * source itself (it throws) leaves the previous version too and is rethrown unchanged.
     */
    void replace(LayerInfo layer, FeatureSource features);

    /**
     * {@link #replace(LayerInfo, FeatureSource)} that keeps a version: the new contents become version n + 1 of the
     * layer, noted with what {@code note} gives once the features are written (it may measure them), and the
     * previous contents stay readable as the version they were (a version is never rewritten, only pruned). The
     * layer and its version row change in one commit: a crash leaves both as they were before, or both after.
     */
    void replace(LayerInfo layer, FeatureSource features, Supplier<VersionNote> note);

    /**
     * Makes kept version {@code number} of the layer current again, as a new version noted {@code note}: the same
     * description (content hash included) and the very same rows.
     *
     * @throws UnknownVersionException when the layer has no such version
     */
    void restore(String layerId, int number, VersionNote note);

    /**
     * Keeps the layer as it is now as a version noted {@code note}, unless a kept version already holds it: for a
     * layer stored before versions were kept, so that the first versioned write does not drop it.
     */
    void keepCurrent(String layerId, VersionNote note);

    /** The kept versions of a layer, newest first; empty for a layer never written with a note. */
    List<LayerVersion> versions(String layerId);

    /**
     * Forgets the versions of a layer beyond its {@code keep} newest, never the current one, and drops their rows
     * unless a kept version shares them.
     */
    void prune(String layerId, int keep);

    /** {@link #replace(LayerInfo, FeatureSource)} for features already in memory (small layers). */
    default void replace(LayerInfo layer, List<Feature> features) {
        replace(layer, FeatureSource.of(features));
    }

    /**
     * Removes a layer, and its features unless a kept version holds them; a layer that does not exist is not an
     * error.
     */
    void delete(String id);

    /**
     * The features matching {@code query} (of the layer now, or of the kept version it names), in insertion order, as a cursor the caller closes: it holds one read
     * connection (and its snapshot) until then, so a caller never opens a second one while holding it. A failure
     * to find the layer or to start reading is thrown here, before any feature.
     */
    FeatureCursor query(FeatureQuery query);

    /** How many features match {@code query} (the same exact filters), ignoring its limit and offset. */
    long count(FeatureQuery query);

    /**
     * Text derived from layers and kept beside them under {@code key} (the control-line ledger's county totals),
     * so that a restart need not derive it again; empty when none is kept. The text names the versions of the
     * layers it was derived from, so whoever reads it can tell whether it still holds.
     */
    Optional<String> derived(String key);

    /** Keeps {@code text} under {@code key}, in place of what was kept there. */
    void keepDerived(String key, String text);

    /**
     * Runs {@code work} while no other server sharing this store runs work under the same {@code key}, and
     * returns its result: what is derived from layers (the ledger) is then computed by one server, and the others,
     * waiting, read back what it kept. A store only one server opens (the embedded GeoPackage) has nobody to wait
     * for; within one server the caller keeps its own lock.
     */
    default <T> T exclusively(String key, Supplier<T> work) {
        return work.get();
    }

    /**
     * From now on tells {@code listener}, on a thread of the store's, each layer change that another server
     * sharing this store commits (PostGIS: LISTEN/NOTIFY), within milliseconds. A change committed while the
     * store could not listen (the database restarting) is told once it listens again, from a fresh read of the
     * catalog. A store only one server opens never calls the listener.
     */
    default void watchChangesElsewhere(ChangedElsewhere listener) {
    }

    /** A layer change committed by another server sharing the store; versions are null for an absent layer. */
    @FunctionalInterface
    interface ChangedElsewhere {
        void changed(String layerId, String oldVersion, String newVersion);
    }

    @Override
    void close();
}

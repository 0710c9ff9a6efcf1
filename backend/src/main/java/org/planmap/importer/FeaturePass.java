package org.planmap.importer;

import java.util.List;
import java.util.function.Consumer;
import org.planmap.store.Feature;
import org.planmap.store.FeatureSource;
import org.planmap.store.Field;

/**
 * One reading of an uploaded file's features, the step every {@link FormatReader} shares: the reader parses its
 * format and hands each feature to {@code sink}, calling {@link LimitCounter#nextFeature()} before it; this type
 * runs that reading as a first survey and again as the source the store pulls. A file is thus read twice and
 * never held, which is what keeps a file near the upload limit from needing several times its size in heap.
 *
 * @param <T> what a reading learns besides the features (GeoJSON's legacy "crs" member); {@code Void} if nothing
 */
@FunctionalInterface
public interface FeaturePass<T> {

    T read(Consumer<Feature> sink, LimitCounter counter);

    /** What the survey learnt: the reading's own result and the property schema of all features. */
    record Survey<T>(T result, List<Field> fields) {
    }

    /**
     * Reads every feature once, before anything is stored: checks the limits (vertices too) and every feature
     * (a broken one is refused here, not half-way through a replace), and learns the schema, needed before
     * the first feature is written.
     */
    default Survey<T> survey(ImportLimits limits) {
        LimitCounter counter = new LimitCounter(limits);
        FieldTypes fields = new FieldTypes();
        T result = read(feature -> {
            counter.add(feature.geometry());
            fields.add(feature.properties());
        }, counter);
        return new Survey<>(result, fields.fields());
    }

    /**
     * The features as the store takes them: the file read again from its start on each call, under fresh limits
     * (after a survey of the same file they cannot refuse anything new; without one they are the only check).
     */
    default FeatureSource source(ImportLimits limits) {
        return sink -> read(sink, new LimitCounter(limits));
    }
}

package org.planmap.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;

/**
 * The answer to a {@link FeatureQuery}, read one feature at a time while the store holds the snapshot (a read
 * connection) it comes from: whoever opens one closes it, in {@code try (…)} or a {@code finally}, even when the
 * client it writes to went away. Reading after a failure of the store throws {@link StoreException}.
 */
public interface FeatureCursor extends Iterator<Feature>, AutoCloseable {

    /** Gives the snapshot back; closing twice, or after the last feature, is harmless. */
    @Override
    void close();

    /** The same cursor with each feature passed through {@code f} as it is read (a reprojection). */
    default FeatureCursor map(UnaryOperator<Feature> f) {
        FeatureCursor source = this;
        return new FeatureCursor() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public Feature next() {
                return f.apply(source.next());
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }

    /**
     * The rest of the features in a list, and the cursor closed: only for answers known to be small (a county's
     * lines, one page, an in-memory layer cache). Everything that may be large reads the cursor as it goes.
     */
    default List<Feature> toList() {
        try (this) {
            List<Feature> all = new ArrayList<>();
            forEachRemaining(all::add);
            return all;
        }
    }

    /** Features already in memory, as a cursor (tests, and stores' special cases). */
    static FeatureCursor of(List<Feature> features) {
        Iterator<Feature> it = features.iterator();
        return new FeatureCursor() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Feature next() {
                if (!it.hasNext()) {
                    throw new NoSuchElementException();
                }
                return it.next();
            }

            @Override
            public void close() {
            }
        };
    }
}

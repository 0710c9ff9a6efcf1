package org.planmap.store;

import java.sql.SQLException;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * One pass of a {@link FeatureSource} into a store's row writer, counting the features and widening the
 * extent as they go by, so the layer's description is known without a second pass. It keeps the two kinds
 * of failure apart: the writer's become {@link SQLException} or {@link StoreException} for the store to
 * report, the source's come out as {@link SourceFailed} for the store to undo its work and rethrow as they
 * were (an import's refusal must reach the planner as a refusal, not as a storage error).
 */
public final class FeatureLoad {

    /** Writes one row; called in source order. */
    public interface Writer {
        void write(Feature feature) throws SQLException;
    }

    /** The source, not the store, failed: {@link #original()} is what it threw. */
    public static final class SourceFailed extends RuntimeException {
        SourceFailed(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }

        public RuntimeException original() {
            return (RuntimeException) getCause();
        }
    }

    /** A failure of the writer, carried through the source's loop. */
    private static final class WriterFailed extends RuntimeException {
        WriterFailed(Exception cause) {
            super(cause);
        }
    }

    private long count;
    private final Envelope extent = new Envelope();

    private FeatureLoad() {
    }

    public static FeatureLoad run(FeatureSource source, Writer writer) throws SQLException {
        FeatureLoad load = new FeatureLoad();
        try {
            source.forEach(f -> {
                try {
                    writer.write(f);
                } catch (SQLException | RuntimeException e) {
                    throw new WriterFailed(e);
                }
                load.count++;
                if (f.geometry() != null) {
                    load.extent.expandToInclude(f.geometry().getEnvelopeInternal());
                }
            });
        } catch (WriterFailed e) {
            if (e.getCause() instanceof SQLException s) {
                throw s;
            }
            throw e.getCause() instanceof StoreException s ? s
                    : new StoreException("cannot write a feature: " + e.getCause(), e.getCause());
        } catch (RuntimeException e) {
            throw new SourceFailed(e);
        }
        return load;
    }

    public Envelope extent() {
        return extent;
    }

    /** The layer as stored: its description with the count and extent just written. */
    public LayerInfo stored(LayerInfo layer) {
        List<Double> bbox = extent.isNull() ? List.of()
                : List.of(extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY());
        return layer.withContents(count, bbox, layer.version());
    }
}

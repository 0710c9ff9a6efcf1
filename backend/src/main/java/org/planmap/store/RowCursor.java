package org.planmap.store;

import java.sql.SQLException;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * A {@link FeatureCursor} over a JDBC result read row by row, for both SQL stores: {@code rows} gives the next
 * feature (null after the last), {@code release} closes the statement and gives the connection back. A failure
 * while reading releases at once and is thrown as the store's {@link StoreException}, so a caller that stops at
 * the exception holds nothing.
 */
public final class RowCursor implements FeatureCursor {

    public interface Rows {
        /** The next matching feature, or null when there is none. */
        Feature next() throws SQLException;
    }

    public interface Release {
        void run() throws SQLException;
    }

    private final Rows rows;
    private final Release release;
    private final Function<SQLException, StoreException> failure;
    private Feature ahead;
    private boolean done;
    private boolean closed;

    public RowCursor(Rows rows, Release release, Function<SQLException, StoreException> failure) {
        this.rows = rows;
        this.release = release;
        this.failure = failure;
    }

    @Override
    public boolean hasNext() {
        if (ahead == null && !done) {
            if (closed) {
                throw new IllegalStateException("the cursor is closed");
            }
            try {
                ahead = rows.next();
            } catch (SQLException e) {
                StoreException f = failure.apply(e);
                closeAfter(f);
                throw f;
            } catch (RuntimeException e) {
                closeAfter(e);
                throw e;
            }
            done = ahead == null;
        }
        return ahead != null;
    }

    @Override
    public Feature next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Feature f = ahead;
        ahead = null;
        return f;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        done = true;
        try {
            release.run();
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }

    private void closeAfter(Exception cause) {
        try {
            close();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}

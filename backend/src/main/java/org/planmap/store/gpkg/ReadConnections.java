package org.planmap.store.gpkg;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.planmap.store.StoreException;
import org.sqlite.SQLiteConfig;

/**
 * A few read-only connections to the store's file, so that tile, identify and feature requests read side by
 * side while the one writer writes (SQLite in WAL mode lets readers and a writer work at once). Each read is
 * one transaction, so the registry lookup and the rows it leads to come from the same snapshot: a replace
 * committed meanwhile is seen by the next read, never half-way through this one.
 */
final class ReadConnections implements AutoCloseable {

    interface Work<T> {
        T run(Connection db) throws SQLException;
    }

    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();

    ReadConnections(Path file, int size) {
        idle = new ArrayBlockingQueue<>(size, true);   // fair: under load the longest-waiting request reads next
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(30_000);
        try {
            for (int i = 0; i < size; i++) {
                Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
                c.setAutoCommit(false);
                GeometryIntersects.register(c);
                all.add(c);
                idle.add(c);
            }
        } catch (SQLException e) {
            close();
            throw new StoreException("cannot open " + file + " for reading: " + e.getMessage(), e);
        }
    }

    <T> T read(Work<T> work) throws SQLException {
        Connection db = borrow();
        try {
            return work.run(db);
        } finally {
            giveBack(db);
        }
    }

    /**
     * A connection for a cursor, held (with its snapshot) until {@link #giveBack}: the caller must not ask for a
     * second one meanwhile, or a handful of such callers could hold every connection and wait for each other.
     */
    Connection borrow() {
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a read connection", e);
        }
    }

    void giveBack(Connection db) throws SQLException {
        try {
            db.rollback();   // ends the read transaction: the next read sees the latest version
        } finally {
            idle.add(db);
        }
    }

    @Override
    public void close() {
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing: nothing left to read with it
            }
        }
    }
}

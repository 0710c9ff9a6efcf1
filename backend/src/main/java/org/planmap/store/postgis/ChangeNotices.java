package org.planmap.store.postgis;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.planmap.store.FeatureStore;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How servers sharing one PostGIS schema tell each other of layer changes: a replace or delete sends a
 * notification on the schema's channel inside its own transaction, so PostgreSQL delivers it exactly when (and
 * only if) the change commits; each store listens on one connection of its own, outside the pool, and passes on
 * what other stores sent. A notification names its sender, the layer and the versions before and after.
 *
 * <p>This is the one way a server learns of another's changes. Notifications are not queued for a listener that
 * is not connected, so each time the listening connection is (re)made, after its LISTEN, the store is asked to
 * catch up: it reads the catalog afresh and tells what differs from the catalog it had. While it is not listening
 * (never started, or reconnecting) {@link #listening()} is false and the store re-reads its catalog at most a
 * second old instead (see {@link PostgisStore#REGISTRY_MAX_AGE}).
 */
final class ChangeNotices implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangeNotices.class);
    /** How long one wait for notifications lasts; a quiet connection is checked to be alive this often. */
    private static final int WAIT_MS = 2_000;
    private static final long RECONNECT_MS = 1_000;

    private final String channel;
    /** This store's name in its notifications: what it sent itself, its own writer has told already. */
    private final String origin = UUID.randomUUID().toString();

    private Thread listening;
    /** True from a LISTEN until its connection is found gone: then every change elsewhere is told. */
    private volatile boolean connected;

    /** @param schema the store's schema: servers on other schemas of the database are other stores */
    ChangeNotices(String schema) {
        this.channel = "planmap_" + schema;
    }

    /** Sends the change with {@code db}'s transaction: delivered on its commit, never if it rolls back. */
    void announce(Connection db, String layerId, String oldVersion, String newVersion) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, channel);
            ps.setString(2, String.join("\t", origin, layerId, text(oldVersion), text(newVersion)));
            ps.execute();
        }
    }

    /**
     * Starts listening (once) on a connection of its own to {@code url}; each notification another store sent
     * first runs {@code stale} (the catalog must be read again), then is told to {@code listener}; each time the
     * connection is made, {@code catchUp} runs once LISTEN is in force (what changed before it was, told as the
     * notifications would have). All run on the listening thread, one after the other.
     */
    synchronized void listen(String url, String user, String password, Runnable stale, Runnable catchUp,
            FeatureStore.ChangedElsewhere listener) {
        if (listening != null) {
            return;
        }
        listening = new Thread(() -> loop(url, user, password, stale, catchUp, listener), "planmap-postgis-changes");
        listening.setDaemon(true);
        listening.start();
    }

    /** Whether every change another server commits is being told now (a LISTEN is in force). */
    boolean listening() {
        return connected;
    }

    private void loop(String url, String user, String password, Runnable stale, Runnable catchUp,
            FeatureStore.ChangedElsewhere listener) {
        boolean reconnect = false;
        boolean warned = false;
        while (!Thread.currentThread().isInterrupted()) {
            try (Connection db = connect(url, user, password)) {
                try (Statement s = db.createStatement()) {
                    s.execute("LISTEN " + LayerTables.quote(channel));
                }
                if (reconnect) {
                    log.info("listening again for layer changes made by other servers");
                }
                reconnect = true;
                connected = true;
                try {
                    catchUp.run();
                } catch (RuntimeException e) { // the database went away again: catch up on the next connection
                    throw new SQLException("could not catch up with the changes made meanwhile: " + e.getMessage(), e);
                }
                warned = false;
                PGConnection pg = db.unwrap(PGConnection.class);
                while (!Thread.currentThread().isInterrupted()) {
                    PGNotification[] notes = pg.getNotifications(WAIT_MS);
                    if (notes == null || notes.length == 0) {
                        alive(db);
                        continue;
                    }
                    for (PGNotification note : notes) {
                        told(note.getParameter(), stale, listener);
                    }
                }
            } catch (SQLException e) {
                connected = false;
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                if (!warned) { // once per outage: the store's own calls report the database as unreachable too
                    log.warn("not listening for layer changes made by other servers ({}); trying again every {} ms",
                            e.getMessage(), RECONNECT_MS);
                    warned = true;
                }
                try {
                    Thread.sleep(RECONNECT_MS);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private void told(String payload, Runnable stale, FeatureStore.ChangedElsewhere listener) {
        String[] parts = payload.split("\t", -1);
        if (parts.length != 4 || parts[0].equals(origin)) {
            return;
        }
        stale.run();
        try {
            listener.changed(parts[1], version(parts[2]), version(parts[3]));
        } catch (RuntimeException e) {
            // the next change is still told; whoever failed catches up by comparing versions
            log.warn("after layer {} changed on another server: {}", parts[1], e.toString(), e);
        }
    }

    /** A connection that died quietly (no RST) is found out here rather than never. */
    private static void alive(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("SELECT 1");
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", "3");
        p.setProperty("socketTimeout", "10");
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", "planmap-changes");
        return DriverManager.getConnection(url, p);
    }

    private static String text(String version) {
        return version == null ? "" : version;
    }

    private static String version(String text) {
        return text.isEmpty() ? null : text;
    }

    @Override
    public synchronized void close() {
        if (listening != null) {
            listening.interrupt();
        }
    }
}

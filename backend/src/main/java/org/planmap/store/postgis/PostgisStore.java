package org.planmap.store.postgis;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.planmap.store.FeatureCursor;
import org.planmap.store.FeatureLoad;
import org.planmap.store.FeatureSource;
import org.planmap.store.FeatureQuery;
import org.planmap.store.FeatureStore;
import org.planmap.store.LayerInfo;
import org.planmap.store.LayerVersion;
import org.planmap.store.StoreException;
import org.planmap.store.StoreFullException;
import org.planmap.store.StoreUnavailableException;
import org.planmap.store.UnknownVersionException;
import org.planmap.store.VersionNote;
import org.planmap.store.VersionTable;

/**
 * The PostGIS store: layers in one schema ({@code planmap} by default) of a PostgreSQL database with
 * PostGIS, where QGIS, ArcGIS and GeoServer can read them as ordinary geometry tables.
 *
 * <p>{@code <schema>.layers} says which table serves each layer; each layer version is its own table
 * {@code layer_<id>_<n>} with a typed geometry column ({@code geometry(MULTIPOLYGON, 4326)}), a GiST
 * index, one column per field and {@code fid} in insertion order. Because PostgreSQL's DDL is
 * transactional, {@link #replace} is one transaction: create the new table, load it, index it, point the
 * registry row at it and drop the old table, all committed together. Readers see the old version until
 * the commit, and a failure or a crash leaves nothing behind (unlike the GeoPackage store, which must
 * build first and switch afterwards). Layer tables that no registry row names, which can only come from
 * outside this class, are dropped on open all the same.
 *
 * <p>A replace with a note keeps the previous table as a version ({@link VersionTable} {@code <schema>.versions}),
 * its row written in the replace's transaction; a table is dropped once neither the registry nor a version names
 * it.
 *
 * <p>Every call borrows a connection from a small pool with short timeouts and returns it at once, so
 * the store holds no long-lived connection: while the database is down calls fail quickly with a
 * {@link StoreException}, and once it is back they succeed again without a restart.
 */
public final class PostgisStore implements FeatureStore {

    /**
     * How long the catalog read from the registry is answered from memory while this store is not listening for
     * other servers' changes ({@link #watchChangesElsewhere} not called, or its connection being remade). While
     * it listens, the catalog is kept until a change is told ({@link ChangeNotices}: a notification, or the catch-up
     * after each reconnect), so every tile and feature request is answered without asking the database. This
     * instance's own changes show at once either way.
     */
    static final Duration REGISTRY_MAX_AGE = Duration.ofSeconds(1);

    /** How long {@link #exclusively} waits for another server's work under the same key before failing. */
    static final Duration EXCLUSIVE_WAIT = Duration.ofMinutes(5);

    static final String VERSIONS = "versions";

    private final HikariDataSource pool;
    private final String url;
    private final String user;
    private final String password;
    private final LayerTables tables;
    private final ChangeNotices notices;
    private final PostgisRegistry registry;
    private final VersionTable versions;
    private final long registryMaxAgeNanos;
    private final LongSupplier clock;
    /**
     * Counts registry changes made here or told by another server: a catalog read before the latest one is not
     * kept.
     */
    private final AtomicLong changes = new AtomicLong();
    private volatile Catalog catalog;

    /** The registry as read at {@code readAt}, after {@code changes} changes made here. */
    private record Catalog(List<LayerInfo> layers, long readAt, long changes) {
    }

    private PostgisStore(HikariDataSource pool, String url, String user, String password, String schema,
            Duration registryMaxAge, LongSupplier clock) {
        this.pool = pool;
        this.url = url;
        this.user = user;
        this.password = password;
        this.tables = new LayerTables(schema);
        this.notices = new ChangeNotices(schema);
        this.registry = new PostgisRegistry(tables);
        this.versions = new VersionTable(tables.qualified(VERSIONS));
        this.registryMaxAgeNanos = registryMaxAge.toNanos();
        this.clock = clock;
    }

    /**
     * Connects to {@code url} (jdbc:postgresql://…), creates {@code schema} and its registry when
     * missing, and drops layer tables no registry row names.
     */
    public static PostgisStore open(String url, String user, String password, String schema) {
        return open(url, user, password, schema, REGISTRY_MAX_AGE, System::nanoTime);
    }

    static PostgisStore open(String url, String user, String password, String schema, Duration registryMaxAge,
            LongSupplier clock) {
        HikariDataSource pool = ConnectionPool.create(url, user, password);
        try {
            PostgisStore store = new PostgisStore(pool, url, user, password, schema, registryMaxAge, clock);
            store.prepare();
            return store;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    public String schema() {
        return tables.schema();
    }

    private void prepare() {
        inTransaction("prepare schema " + tables.schema(), db -> {
            // CREATE … IF NOT EXISTS is not safe against a second server creating the same at the same moment
            lock(db, "schema");
            tables.createSchema(db);
            registry.createIfMissing(db);
            versions.createIfMissing(db);
            for (String orphan : tables.orphans(db, PostgisRegistry.TABLE, VERSIONS)) {
                tables.drop(db, orphan);
            }
            return null;
        });
    }

    @Override
    public List<LayerInfo> layers() {
        return catalog().layers();
    }

    @Override
    public Optional<LayerInfo> layer(String id) {
        return catalog().layers().stream().filter(l -> l.id().equals(id)).findFirst();
    }

    private Catalog catalog() {
        Catalog c = catalog;
        long now = clock.getAsLong();
        if (c != null && c.changes() == changes.get()
                && (notices.listening() || now - c.readAt() < registryMaxAgeNanos)) {
            return c;
        }
        long before = changes.get();
        List<LayerInfo> layers;
        try {
            layers = withConnection("read the layer registry",
                    db -> registry.all(db).stream().map(PostgisRegistry.Entry::info).toList());
        } catch (StoreUnavailableException e) {
            if (c != null && c.changes() == before) {
                // While the database is away nothing can change the registry, so the last one read still holds:
                // layers kept in memory go on being served, and whatever needs the database fails on its own.
                return c;
            }
            throw e;
        }
        c = new Catalog(layers, now, before);
        catalog = c;
        return c;
    }

    @Override
    public void replace(LayerInfo layer, FeatureSource features) {
        replace(layer, features, null);
    }

    @Override
    public void replace(LayerInfo layer, FeatureSource features, Supplier<VersionNote> note) {
        changing(() -> inTransaction("store layer " + layer.id(), db -> {
            String table = tables.newTableName(db, layer.id());
            tables.create(db, table, layer);
            FeatureLoad load = new PostgisRows(tables.qualified(table), layer.fields(), LayerTables.srid(layer.crs()))
                    .insert(db, features);
            tables.index(db, table);
            Optional<PostgisRegistry.Entry> previous = registry.lockCurrent(db, layer.id());
            LayerInfo stored = load.stored(layer);
            registry.put(db, new PostgisRegistry.Entry(stored, table));
            if (note != null) {
                versions.insert(db, new VersionTable.Row(versions.next(db, layer.id()), table, Instant.now(), note.get(),
                        stored));
            }
            if (previous.isPresent()) {
                dropUnlessKept(db, previous.get().table());
            }
            notices.announce(db, layer.id(), previous.map(e -> e.info().version()).orElse(null), stored.version());
            return null;
        }));
    }

    @Override
    public void restore(String layerId, int number, VersionNote note) {
        changing(() -> inTransaction("restore version " + number + " of layer " + layerId, db -> {
            Optional<PostgisRegistry.Entry> previous = registry.lockCurrent(db, layerId);
            VersionTable.Row restored = versions.find(db, layerId, number)
                    .orElseThrow(() -> new UnknownVersionException(layerId, number));
            registry.put(db, new PostgisRegistry.Entry(restored.layer(), restored.table()));
            versions.insert(db, new VersionTable.Row(versions.next(db, layerId), restored.table(), Instant.now(), note,
                    restored.layer()));
            if (previous.isPresent()) {
                dropUnlessKept(db, previous.get().table());
            }
            notices.announce(db, layerId, previous.map(e -> e.info().version()).orElse(null),
                    restored.layer().version());
            return null;
        }));
    }

    @Override
    public void keepCurrent(String layerId, VersionNote note) {
        inTransaction("keep layer " + layerId + " as a version", db -> {
            Optional<PostgisRegistry.Entry> current = registry.lockCurrent(db, layerId);
            if (current.isPresent() && !versions.tables(db).contains(current.get().table())) {
                versions.insert(db, new VersionTable.Row(versions.next(db, layerId), current.get().table(),
                        Instant.now(), note, current.get().info()));
            }
            return null;
        });
    }

    @Override
    public List<LayerVersion> versions(String layerId) {
        return withConnection("list the versions of " + layerId, db -> VersionTable.listed(versions.rows(db, layerId),
                registry.find(db, layerId).map(PostgisRegistry.Entry::table).orElse(null)));
    }

    @Override
    public void prune(String layerId, int keep) {
        inTransaction("prune the versions of " + layerId, db -> {
            String current = registry.lockCurrent(db, layerId).map(PostgisRegistry.Entry::table).orElse(null);
            for (VersionTable.Row r : VersionTable.beyond(versions.rows(db, layerId), keep, current)) {
                versions.remove(db, layerId, r.number());
                dropUnlessKept(db, r.table());
            }
            return null;
        });
    }

    /** Drops a table no longer current, unless a kept version (or the layer again, after a restore) names it. */
    private void dropUnlessKept(Connection db, String table) throws SQLException {
        if (!versions.tables(db).contains(table)
                && registry.all(db).stream().noneMatch(e -> e.table().equals(table))) {
            tables.drop(db, table);
        }
    }

    @Override
    public void delete(String id) {
        changing(() -> inTransaction("delete layer " + id, db -> {
            Optional<PostgisRegistry.Entry> current = registry.lockCurrent(db, id);
            if (current.isPresent()) {
                registry.remove(db, id);
                dropUnlessKept(db, current.get().table());
                notices.announce(db, id, current.get().info().version(), null);
            }
            return null;
        }));
    }

    /** A registry change, counted once it has ended (committed or not), so the next catalog read is fresh. */
    private void changing(Runnable change) {
        try {
            change.run();
        } finally {
            changes.incrementAndGet();
        }
    }

    /**
     * A cursor over its own connection and read-only transaction, held until it closes. A replace that commits
     * between the registry lookup and the SELECT drops the table just looked up; that is seen before any row is
     * delivered, so the lookup is simply made again.
     */
    @Override
    public FeatureCursor query(FeatureQuery query) {
        String what = "read layer " + query.layerId();
        for (int attempt = 1; ; attempt++) {
            Connection db = null;
            try {
                db = pool.getConnection();
                db.setAutoCommit(false);
                db.setReadOnly(true);
                PostgisRegistry.Entry entry = entry(db, query);
                PostgisRows rows = new PostgisRows(tables.qualified(entry.table()),
                        query.withProperties() ? entry.info().fields() : List.of(), LayerTables.srid(entry.info().crs()));
                Connection held = db;
                return rows.select(db, query, () -> end(held), e -> failed(what, e));
            } catch (SQLException e) {
                endQuietly(db, e);
                if (attempt >= 3 || !"42P01".equals(e.getSQLState())) {
                    throw failed(what, e);
                }
            } catch (UnknownVersionException e) {
                endQuietly(db, e);
                throw e;
            } catch (StoreException e) {
                endQuietly(db, e);
                throw new StoreException("could not " + what + ": " + e.getMessage(), e.getCause() == null ? e : e.getCause());
            } catch (RuntimeException e) {
                endQuietly(db, e);
                throw new StoreException("could not " + what + ": " + e, e);
            }
        }
    }

    /** The table and description {@code query} reads: the layer's current ones, or those of the version it names. */
    private PostgisRegistry.Entry entry(Connection db, FeatureQuery query) throws SQLException {
        String id = query.layerId();
        if (query.version() != null) {
            return versions.find(db, id, query.version()).map(v -> new PostgisRegistry.Entry(v.layer(), v.table()))
                    .orElseThrow(() -> new UnknownVersionException(id, query.version()));
        }
        return registry.find(db, id).orElseThrow(() -> new StoreException("no layer " + id + " in the store"));
    }

    private static void end(Connection db) throws SQLException {
        try {
            db.rollback();
        } finally {
            db.close();
        }
    }

    private static void endQuietly(Connection db, Exception cause) {
        if (db != null) {
            try {
                end(db);
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }
    }

    @Override
    public long count(FeatureQuery query) {
        return read("count layer " + query.layerId(), query, (db, rows) -> rows.count(db, query));
    }

    @Override
    public Optional<String> derived(String key) {
        return withConnection("read " + key, db -> registry.derived(db, key));
    }

    @Override
    public void keepDerived(String key, String text) {
        inTransaction("keep " + key, db -> {
            registry.keepDerived(db, key, text);
            return null;
        });
    }

    /**
     * Holds a transaction-scoped advisory lock on {@code key} (within this schema) while {@code work} runs: the
     * lock goes with the transaction, and with the session if this server dies. A server waits at most
     * {@link #EXCLUSIVE_WAIT} for another's work (the ledger of 500 000 polygons takes about 12 s).
     */
    @Override
    public <T> T exclusively(String key, Supplier<T> work) {
        String what = "wait for " + key + " on another server";
        Connection db;
        try {
            db = pool.getConnection();
        } catch (SQLException e) {
            throw failed(what, e);
        }
        try (db) {
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '" + EXCLUSIVE_WAIT.toMillis() + "ms'");
            }
            lock(db, key);
            try {
                return work.get();
            } finally {
                db.rollback();
            }
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    /** Waits for, then holds until {@code db}'s transaction ends, the advisory lock on {@code key} in this schema. */
    private void lock(Connection db, String key) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            ps.setString(1, tables.schema() + "." + key);
            ps.execute();
        }
    }

    @Override
    public void watchChangesElsewhere(ChangedElsewhere listener) {
        notices.listen(url, user, password, changes::incrementAndGet, () -> catchUp(listener), listener);
    }

    /**
     * Once LISTEN is in force again: reads the registry afresh and tells {@code listener} each layer whose version
     * differs from the catalog held before, i.e. the changes whose notifications went out while nobody here
     * listened. This store's own changes are not among them as long as the catalog was read after each (the
     * {@code LayerWriter} reads the new version back at once); one not read back yet would be told once more, which
     * listeners that compare versions take in their stride.
     */
    private void catchUp(ChangedElsewhere listener) {
        Catalog known = catalog;
        changes.incrementAndGet();
        List<LayerInfo> now = catalog().layers();
        if (known == null) {
            return;   // nothing was served yet, so nothing can be out of date
        }
        Map<String, String> before = versions(known.layers());
        Map<String, String> after = versions(now);
        Set<String> ids = new LinkedHashSet<>(before.keySet());
        ids.addAll(after.keySet());
        for (String id : ids) {
            if (!Objects.equals(before.get(id), after.get(id))) {
                listener.changed(id, before.get(id), after.get(id));
            }
        }
    }

    private static Map<String, String> versions(List<LayerInfo> layers) {
        Map<String, String> versions = new LinkedHashMap<>();
        layers.forEach(l -> versions.put(l.id(), l.version()));
        return versions;
    }

    @Override
    public void close() {
        notices.close();
        pool.close();
    }

    private interface Work<T> {
        T run(Connection db) throws SQLException;
    }

    private interface RowsWork<T> {
        T run(Connection db, PostgisRows rows) throws SQLException;
    }

    /**
     * Looks the layer's table up and reads it in one read-only transaction (which also lets the driver
     * stream through a cursor). A replace that commits between the two statements drops the table just
     * looked up; that is seen before any row is delivered, so the lookup is simply made again.
     */
    private <T> T read(String what, FeatureQuery query, RowsWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(what, db -> {
                    db.setReadOnly(true);
                    PostgisRegistry.Entry entry = entry(db, query);
                    PostgisRows rows = new PostgisRows(tables.qualified(entry.table()), entry.info().fields(),
                            LayerTables.srid(entry.info().crs()));
                    return work.run(db, rows);
                });
            } catch (StoreException e) {
                if (attempt >= 3 || !(e.getCause() instanceof SQLException s) || !"42P01".equals(s.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    private <T> T withConnection(String what, Work<T> work) {
        try (Connection db = pool.getConnection()) {
            return work.run(db);
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    private <T> T inTransaction(String what, Work<T> work) {
        try (Connection db = pool.getConnection()) {
            db.setAutoCommit(false);
            try {
                T result = work.run(db);
                db.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(db, e);
                throw e;
            }
        } catch (SQLException e) {
            throw failed(what, e);
        } catch (StoreUnavailableException | UnknownVersionException e) {
            throw e;
        } catch (FeatureLoad.SourceFailed e) {
            throw e.original();
        } catch (StoreException e) {
            throw new StoreException("could not " + what + ": " + e.getMessage(), e.getCause() == null ? e : e.getCause());
        } catch (RuntimeException e) {
            throw new StoreException("could not " + what + ": " + e, e);
        }
    }

    private static void rollbackQuietly(Connection db, Exception cause) {
        try {
            db.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * A connection-level failure means the server went away (a restart, a failover): every pooled connection is
     * from that server and is dropped, so that the first request after it is back gets a fresh one instead of a
     * dead connection Hikari lends without checking (it skips the check for one used in the last 500 ms).
     */
    private StoreException failed(String what, SQLException e) {
        StoreException f = failure(what, e);
        if (f instanceof StoreUnavailableException) {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
        return f;
    }

    private static StoreException failure(String what, SQLException e) {
        // SQLState class 08 is a connection failure; 57P01–57P03 are a database shutting down, crashed or
        // starting up: all of them pass when the database is back.
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        boolean unreachable = e instanceof SQLTransientConnectionException || state.startsWith("08")
                || state.startsWith("57P");
        if (unreachable) {
            return new StoreUnavailableException("could not " + what + ": the database is unreachable ("
                    + e.getMessage() + ")", e);
        }
        // 53100 disk_full, 53200 out_of_memory is not ours to name; 53xxx is "insufficient resources"
        return state.equals("53100") ? new StoreFullException("could not " + what + ": the database's disk is full ("
                + e.getMessage() + ")", e) : new StoreException("could not " + what + ": " + e.getMessage(), e);
    }
}

package org.planmap.store.gpkg;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureTable;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import org.planmap.store.FeatureCursor;
import org.planmap.store.FeatureLoad;
import org.planmap.store.FeatureQuery;
import org.planmap.store.FeatureSource;
import org.planmap.store.FeatureStore;
import org.planmap.store.Field;
import org.planmap.store.JdbcColumns;
import org.planmap.store.LayerInfo;
import org.planmap.store.LayerVersion;
import org.planmap.store.StoreException;
import org.planmap.store.StoreFullException;
import org.planmap.store.UnknownVersionException;
import org.planmap.store.VersionNote;
import org.planmap.store.VersionTable;

/**
 * The embedded store: one GeoPackage file (OGC 12-128r18) that QGIS, ArcGIS and GDAL open as it is.
 *
 * <p>Each layer version is its own feature table with an R-tree index; the table {@code planmap_layers}
 * says which table is current. Replacing a layer builds the new table beside the old one and then
 * switches the pointer with one statement, so readers never see a half-built layer, and a failure
 * leaves the previous version in place. (One wrapping transaction is not possible: NGA writes the
 * GeoPackage metadata through a second connection, which a transaction on the first would lock
 * out.) A table that no pointer names, left by a crash mid-build, is dropped when the store opens.
 *
 * <p>A replace with a note keeps the previous table as a version ({@link VersionTable} {@code planmap_versions});
 * the pointer and the new version's row are written in one transaction, after the table is built.
 *
 * <p>The file is in WAL mode: writes (one at a time, on NGA's connection, under the store's write lock)
 * and reads (on a few read-only connections of their own, see {@link ReadConnections}) go on side by side,
 * so a 500 000-feature import does not stop the map from drawing the previous version.
 */
public final class GeoPackageStore implements FeatureStore {

    static final String FILE_NAME = "planmap.gpkg";
    /** The column holding each feature's planmap id in the files this store writes. */
    public static final String ID_COLUMN = GeoPackageRows.ID;
    private static final String TABLE_PREFIX = "layer_";
    /** Readers at once: enough for the request threads of a 2–4 core server that also encode and render. */
    private static final int READERS = 8;
    private static final int BULK_CACHE_KIB = 65_536;
    /** SQLite's default page cache: -2000, i.e. about 2 MB. */
    private static final int DEFAULT_CACHE_PAGES = -2000;

    private final Path file;
    private final GeoPackage geoPackage;
    private final Connection db;
    private final ReadConnections readers;
    private final Object writeLock = new Object();
    private final VersionTable versions = new VersionTable("planmap_versions");
    /**
     * The registry as this process last committed it. The file has no other writer, so the catalog (asked for by
     * every tile, ledger and layer request) is answered from memory and leaves the read connections to features.
     */
    private volatile List<LayerInfo> catalog;

    private GeoPackageStore(Path file, GeoPackage geoPackage) {
        this.file = file;
        this.geoPackage = geoPackage;
        this.db = geoPackage.getConnection().getConnection();
        prepare();
        this.readers = new ReadConnections(file, READERS);
        reloadCatalog();
    }

    /** Opens the store in {@code dataDir}, creating the directory and the GeoPackage if missing. */
    public static GeoPackageStore open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        File file = dataDir.resolve(FILE_NAME).toFile();
        if (!file.exists()) {
            GeoPackageManager.create(file);
        }
        return new GeoPackageStore(file.toPath(), GeoPackageManager.open(file, true));
    }

    /**
     * WAL so that readers never wait for the writer; synchronous=NORMAL because in WAL mode it still
     * survives a crash of the process intact (only a power cut may lose the last commits, never half of one).
     */
    private void prepare() {
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA busy_timeout=30000");
        } catch (SQLException e) {
            throw new StoreException("cannot prepare " + file + ": " + e.getMessage(), e);
        }
        geoPackage.createGeometryColumnsTable();
        GeoPackageRegistry.createIfMissing(db);
        try {
            versions.createIfMissing(db);
        } catch (SQLException e) {
            throw new StoreException("cannot prepare the version table of " + file + ": " + e.getMessage(), e);
        }
        dropOrphanTables();
    }

    public Path file() {
        return file;
    }

    @Override
    public List<LayerInfo> layers() {
        return catalog;
    }

    @Override
    public Optional<LayerInfo> layer(String id) {
        return catalog.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** Called under the write lock (or while opening) after the registry changed. */
    private void reloadCatalog() {
        catalog = GeoPackageRegistry.all(db).stream().map(GeoPackageRegistry.Entry::info).toList();
    }

    @Override
    public void replace(LayerInfo layer, FeatureSource features) {
        replace(layer, features, null);
    }

    @Override
    public void replace(LayerInfo layer, FeatureSource features, Supplier<VersionNote> note) {
        synchronized (writeLock) {
            Optional<GeoPackageRegistry.Entry> previous = GeoPackageRegistry.find(db, layer.id());
            String table = TABLE_PREFIX + layer.id().replaceAll("[^A-Za-z0-9]", "_") + "_" + System.currentTimeMillis();
            try {
                long srsId = srsId(layer.crs());
                FeatureTable featureTable = createTable(table, layer, srsId);
                RTreeIndexExtension rtree = new RTreeIndexExtension(geoPackage);
                rtree.createRTreeIndex(featureTable);
                FeatureLoad load = bulk(() -> {
                    FeatureLoad rows = new GeoPackageRows(db, table, layer.fields(), srsId).insert(features);
                    index(table);   // its sort wants the large cache too
                    return rows;
                });
                ContentsExtent.write(db, table, load.extent());
                // registered and guarded by triggers once filled, as the extension's create() would leave it
                rtree.getOrCreate(featureTable);
                rtree.createFunctions(featureTable);
                rtree.createAllTriggers(featureTable);
                LayerInfo stored = load.stored(layer);
                Instant now = Instant.now();
                inTransaction(() -> {
                    GeoPackageRegistry.put(db, new GeoPackageRegistry.Entry(stored, table), now);
                    if (note != null) {
                        versions.insert(db, new VersionTable.Row(versions.next(db, layer.id()), table, now, note.get(),
                                stored));
                    }
                });
            } catch (FeatureLoad.SourceFailed e) {
                dropTable(table);
                throw e.original();
            } catch (SQLException | RuntimeException e) {
                dropTable(table);
                if (full(e)) {
                    throw new StoreFullException("could not store layer " + layer.id() + ": the disk or the store's "
                            + "size limit is full (" + e.getMessage() + ")", e);
                }
                throw new StoreException("could not store layer " + layer.id() + ": " + e.getMessage(), e);
            }
            reloadCatalog();
            previous.ifPresent(p -> dropUnlessKept(p.table()));
        }
    }

    @Override
    public void restore(String layerId, int number, VersionNote note) {
        synchronized (writeLock) {
            Optional<GeoPackageRegistry.Entry> previous = GeoPackageRegistry.find(db, layerId);
            try {
                VersionTable.Row restored = versions.find(db, layerId, number)
                        .orElseThrow(() -> new UnknownVersionException(layerId, number));
                Instant now = Instant.now();
                inTransaction(() -> {
                    GeoPackageRegistry.put(db, new GeoPackageRegistry.Entry(restored.layer(), restored.table()), now);
                    versions.insert(db, new VersionTable.Row(versions.next(db, layerId), restored.table(), now, note,
                            restored.layer()));
                });
            } catch (SQLException e) {
                throw new StoreException("could not restore version " + number + " of layer " + layerId + ": "
                        + e.getMessage(), e);
            }
            reloadCatalog();
            previous.ifPresent(p -> dropUnlessKept(p.table()));
        }
    }

    @Override
    public void keepCurrent(String layerId, VersionNote note) {
        synchronized (writeLock) {
            Optional<GeoPackageRegistry.Entry> current = GeoPackageRegistry.find(db, layerId);
            try {
                if (current.isPresent() && !versions.tables(db).contains(current.get().table())) {
                    versions.insert(db, new VersionTable.Row(versions.next(db, layerId), current.get().table(),
                            Instant.now(), note, current.get().info()));
                }
            } catch (SQLException e) {
                throw new StoreException("could not keep layer " + layerId + " as a version: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public List<LayerVersion> versions(String layerId) {
        return read("list the versions of " + layerId, r -> VersionTable.listed(versions.rows(r, layerId),
                GeoPackageRegistry.find(r, layerId).map(GeoPackageRegistry.Entry::table).orElse(null)));
    }

    /** The rows go first, in one transaction; a crash before the tables are dropped leaves orphans, dropped at open. */
    @Override
    public void prune(String layerId, int keep) {
        synchronized (writeLock) {
            List<VersionTable.Row> pruned;
            try {
                pruned = VersionTable.beyond(versions.rows(db, layerId), keep,
                        GeoPackageRegistry.find(db, layerId).map(GeoPackageRegistry.Entry::table).orElse(null));
                inTransaction(() -> {
                    for (VersionTable.Row r : pruned) {
                        versions.remove(db, layerId, r.number());
                    }
                });
            } catch (SQLException e) {
                throw new StoreException("could not prune the versions of " + layerId + ": " + e.getMessage(), e);
            }
            pruned.forEach(r -> dropUnlessKept(r.table()));
        }
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    /** Several statements on the writing connection, committed together or not at all. */
    private void inTransaction(SqlWork work) throws SQLException {
        db.setAutoCommit(false);
        try {
            work.run();
            db.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                db.rollback();
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    /** Drops a table no longer current, unless a kept version (or the layer again, after a restore) names it. */
    private void dropUnlessKept(String table) {
        try {
            if (!versions.tables(db).contains(table) && !registryTables().contains(table)) {
                dropTable(table);
            }
        } catch (SQLException e) {
            throw new StoreException("could not tell whether " + table + " is kept: " + e.getMessage(), e);
        }
    }

    private Set<String> registryTables() {
        return Set.copyOf(GeoPackageRegistry.all(db).stream().map(GeoPackageRegistry.Entry::table).toList());
    }

    /** The registry row goes first: a crash between the two leaves an orphan table, dropped at the next open. */
    @Override
    public void delete(String id) {
        synchronized (writeLock) {
            Optional<GeoPackageRegistry.Entry> current = GeoPackageRegistry.find(db, id);
            if (current.isEmpty()) {
                return;
            }
            try {
                GeoPackageRegistry.remove(db, id);
            } catch (SQLException e) {
                throw new StoreException("could not delete layer " + id + ": " + e.getMessage(), e);
            }
            reloadCatalog();
            dropUnlessKept(current.get().table());
        }
    }

    /**
     * A cursor holding one read connection, and so one snapshot, until it is closed: a replace committed meanwhile
     * is seen by the next query, never half-way through this one.
     */
    @Override
    public FeatureCursor query(FeatureQuery query) {
        Connection r = readers.borrow();
        try {
            GeoPackageRegistry.Entry entry = entry(r, query);
            List<Field> fields = query.withProperties() ? entry.info().fields() : List.of();
            return new GeoPackageRows(r, entry.table(), fields, 0).select(query, () -> readers.giveBack(r));
        } catch (SQLException | RuntimeException e) {
            try {
                readers.giveBack(r);
            } catch (SQLException g) {
                e.addSuppressed(g);
            }
            throw e instanceof StoreException s ? s
                    : new StoreException("could not read layer " + query.layerId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long count(FeatureQuery query) {
        return read("count layer " + query.layerId(), r -> {
            GeoPackageRegistry.Entry entry = entry(r, query);
            return new GeoPackageRows(r, entry.table(), entry.info().fields(), 0).count(query);
        });
    }

    @Override
    public Optional<String> derived(String key) {
        return read("read " + key, r -> GeoPackageRegistry.derived(r, key));
    }

    @Override
    public void keepDerived(String key, String text) {
        synchronized (writeLock) {
            try {
                GeoPackageRegistry.keepDerived(db, key, text, Instant.now());
            } catch (SQLException e) {
                if (full(e)) {
                    throw new StoreFullException("could not keep " + key + ": the disk or the store's size limit is full ("
                            + e.getMessage() + ")", e);
                }
                throw new StoreException("could not keep " + key + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            readers.close();
            geoPackage.close();
        }
    }

    private <T> T read(String what, ReadConnections.Work<T> work) {
        try {
            return readers.read(work);
        } catch (SQLException e) {
            throw new StoreException("could not " + what + ": " + e.getMessage(), e);
        }
    }

    /** The table and description {@code query} reads: the layer's current ones, or those of the version it names. */
    private GeoPackageRegistry.Entry entry(Connection db, FeatureQuery query) throws SQLException {
        String id = query.layerId();
        if (query.version() != null) {
            return versions.find(db, id, query.version()).map(v -> new GeoPackageRegistry.Entry(v.layer(), v.table()))
                    .orElseThrow(() -> new UnknownVersionException(id, query.version()));
        }
        return GeoPackageRegistry.find(db, id).orElseThrow(() -> new StoreException("no layer " + id + " in the store"));
    }

    private long srsId(String crs) throws SQLException {
        String[] parts = crs.split(":");
        if (parts.length != 2 || !parts[0].equals("EPSG")) {
            throw new StoreException("only EPSG codes are stored, not " + crs);
        }
        SpatialReferenceSystem srs = geoPackage.getSpatialReferenceSystemDao()
                .getOrCreateCode("EPSG", Long.parseLong(parts[1]));
        return srs.getSrsId();
    }

    private FeatureTable createTable(String table, LayerInfo layer, long srsId) {
        GeometryColumns geometryColumns = new GeometryColumns();
        geometryColumns.setTableName(table);
        geometryColumns.setColumnName(GeoPackageRows.GEOMETRY);
        geometryColumns.setGeometryType(GeometryType.fromName(layer.geometryType()));
        geometryColumns.setZ((byte) 0);
        geometryColumns.setM((byte) 0);
        geometryColumns.setSrsId(srsId);
        List<FeatureColumn> columns = new ArrayList<>();
        columns.add(FeatureColumn.createColumn(GeoPackageRows.ID, mil.nga.geopackage.db.GeoPackageDataType.TEXT, true));
        // NGA wraps names in quotes without doubling quotes inside them, but leaves a name already quoted alone.
        for (Field f : layer.fields()) {
            columns.add(FeatureColumn.createColumn(JdbcColumns.quote(f.name()), GeoPackageRows.columnType(f.type())));
        }
        return geoPackage.createFeatureTable(
                FeatureTableMetadata.create(geometryColumns, GeoPackageRows.FID, columns, new BoundingBox()));
    }

    /** The index of feature ids, built once the rows are in: one sort instead of a B-tree kept up row by row. */
    private void index(String table) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE UNIQUE INDEX " + JdbcColumns.quote(table + "_id") + " ON " + JdbcColumns.quote(table)
                    + "(" + GeoPackageRows.ID + ")");
        }
    }

    /**
     * Runs a load with a page cache large enough for the R-tree's tables ({@value #BULK_CACHE_KIB} KiB instead of
     * SQLite's 2 MB: its map of row ids to leaves is written in the tree's order, not the rows', and lands all over
     * a table of some 10 MB at 500 000 features, which a 2 MB cache keeps evicting and reading back; the id index's
     * sort wants it too), and SQLite's default again
     * after, so an idle server does not keep the memory. The journal stays as it
     * is (WAL): readers go on reading the previous version from the same file while the new table fills, and the
     * table only becomes visible when the registry points at it, so nothing needs the journal switched off.
     */
    private FeatureLoad bulk(Load load) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA cache_size = -" + BULK_CACHE_KIB);
            try {
                return load.run();
            } finally {
                s.execute("PRAGMA cache_size = " + DEFAULT_CACHE_PAGES);
            }
        }
    }

    @FunctionalInterface
    private interface Load {
        FeatureLoad run() throws SQLException;
    }

    /**
     * Drops a feature table with its R-tree. The R-tree is created before the rows are written but only
     * registered as an extension after, so NGA alone would leave the R-tree of a table that failed half-way.
     */
    private void dropTable(String table) {
        geoPackage.deleteTableQuietly(table);
        try (Statement s = db.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + JdbcColumns.quote(GeoPackageRows.rtree(table)));
        } catch (SQLException e) {
            throw new StoreException("could not drop the R-tree of " + table + ": " + e.getMessage(), e);
        }
    }

    /** Feature tables, and R-trees of feature tables, that no registry entry names: left by a crash. */
    private void dropOrphanTables() {
        Set<String> current;
        try {
            current = new java.util.HashSet<>(versions.tables(db));
        } catch (SQLException e) {
            throw new StoreException("cannot read the version table of " + file + ": " + e.getMessage(), e);
        }
        current.addAll(registryTables());
        List<String> tables = new ArrayList<>(geoPackage.getFeatureTables());
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")) {
            while (rs.next()) {
                String rtree = rs.getString(1);
                String base = rtree.startsWith("rtree_") && rtree.endsWith("_" + GeoPackageRows.GEOMETRY)
                        ? rtree.substring(6, rtree.length() - GeoPackageRows.GEOMETRY.length() - 1) : "";
                if (!tables.contains(base)) {
                    tables.add(base);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list the R-trees of " + file + ": " + e.getMessage(), e);
        }
        for (String table : tables) {
            if (table.startsWith(TABLE_PREFIX) && !current.contains(table)) {
                dropTable(table);
            }
        }
    }

    /** SQLITE_FULL: the disk is full or max_page_count is reached; NGA may wrap it in its own exceptions. */
    private static boolean full(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s && s.getResultCode() == SQLiteErrorCode.SQLITE_FULL) {
                return true;
            }
        }
        return false;
    }

    /**
     * Caps the GeoPackage file at about {@code maxBytes} (SQLite's max_page_count, for this connection), so that
     * imports cannot take the whole disk the server shares: a write beyond it fails as a full disk would.
     */
    public void limitSize(long maxBytes) {
        synchronized (writeLock) {
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA page_size")) {
                long pages = Math.max(1, maxBytes / (rs.next() ? rs.getLong(1) : 4096));
                s.execute("PRAGMA max_page_count = " + pages);
            } catch (SQLException e) {
                throw new StoreException("could not limit the store's size: " + e.getMessage(), e);
            }
        }
    }

    /** For tests and integrity checks: SQLite's own verdict on the file. */
    public String integrityCheck() {
        synchronized (writeLock) {
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                return rs.next() ? rs.getString(1) : "no answer";
            } catch (SQLException e) {
                return e.getMessage();
            }
        }
    }
}

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
import java.util.function.Consumer;
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
import org.locationtech.jts.geom.Envelope;
import org.planmap.store.Feature;
import org.planmap.store.FeatureQuery;
import org.planmap.store.FeatureStore;
import org.planmap.store.Field;
import org.planmap.store.LayerInfo;
import org.planmap.store.StoreException;
import org.planmap.store.StoreFullException;

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
 * <p>SQLite serialises writers anyway and the JDBC connection is not thread-safe, so every call
 * holds the store's lock; callers cache encoded results rather than query per request.
 */
public final class GeoPackageStore implements FeatureStore {

    static final String FILE_NAME = "planmap.gpkg";
    private static final String TABLE_PREFIX = "layer_";

    private final Path file;
    private final GeoPackage geoPackage;
    private final Connection db;
    private final LayerRegistry registry;

    private GeoPackageStore(Path file, GeoPackage geoPackage) {
        this.file = file;
        this.geoPackage = geoPackage;
        this.db = geoPackage.getConnection().getConnection();
        this.registry = new LayerRegistry(db);
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
        GeoPackageStore store = new GeoPackageStore(file.toPath(), GeoPackageManager.open(file, true));
        synchronized (store) {
            store.geoPackage.createGeometryColumnsTable();
            store.registry.createIfMissing();
            store.dropOrphanTables();
        }
        return store;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized List<LayerInfo> layers() {
        return registry.all().stream().map(LayerRegistry.Entry::info).toList();
    }

    @Override
    public synchronized Optional<LayerInfo> layer(String id) {
        return registry.find(id).map(LayerRegistry.Entry::info);
    }

    @Override
    public synchronized void replace(LayerInfo layer, List<Feature> features) {
        Optional<LayerRegistry.Entry> previous = registry.find(layer.id());
        String table = TABLE_PREFIX + layer.id().replaceAll("[^A-Za-z0-9]", "_") + "_" + System.currentTimeMillis();
        Envelope extent = new Envelope();
        features.stream().filter(f -> f.geometry() != null)
                .forEach(f -> extent.expandToInclude(f.geometry().getEnvelopeInternal()));
        List<Double> bbox = extent.isNull() ? List.of()
                : List.of(extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY());
        LayerInfo stored = layer.withContents(features.size(), bbox, layer.version());
        try {
            long srsId = srsId(layer.crs());
            FeatureTable featureTable = createTable(table, layer, srsId, extent);
            new FeatureRows(db, table, layer.fields(), srsId).insert(features);
            new RTreeIndexExtension(geoPackage).create(featureTable);
            registry.put(new LayerRegistry.Entry(stored, table), Instant.now());
        } catch (SQLException | RuntimeException e) {
            geoPackage.deleteTableQuietly(table);
            if (full(e)) {
                throw new StoreFullException("could not store layer " + layer.id() + ": the disk or the store's size "
                        + "limit is full (" + e.getMessage() + ")", e);
            }
            throw new StoreException("could not store layer " + layer.id() + ": " + e.getMessage(), e);
        }
        previous.ifPresent(p -> geoPackage.deleteTableQuietly(p.table()));
    }

    /** The registry row goes first: a crash between the two leaves an orphan table, dropped at the next open. */
    @Override
    public synchronized void delete(String id) {
        Optional<LayerRegistry.Entry> current = registry.find(id);
        if (current.isEmpty()) {
            return;
        }
        try {
            registry.remove(id);
        } catch (SQLException e) {
            throw new StoreException("could not delete layer " + id + ": " + e.getMessage(), e);
        }
        geoPackage.deleteTableQuietly(current.get().table());
    }

    @Override
    public synchronized void query(FeatureQuery query, Consumer<Feature> sink) {
        LayerRegistry.Entry entry = require(query.layerId());
        FeatureRows rows = new FeatureRows(db, entry.table(), entry.info().fields(), 0);
        try {
            rows.select(query, sink);
        } catch (SQLException e) {
            throw new StoreException("could not read layer " + query.layerId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized long count(FeatureQuery query) {
        LayerRegistry.Entry entry = require(query.layerId());
        try {
            return new FeatureRows(db, entry.table(), entry.info().fields(), 0).count(query);
        } catch (SQLException e) {
            throw new StoreException("could not count layer " + query.layerId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        geoPackage.close();
    }

    private LayerRegistry.Entry require(String id) {
        return registry.find(id).orElseThrow(() -> new StoreException("no layer " + id + " in the store"));
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

    private FeatureTable createTable(String table, LayerInfo layer, long srsId, Envelope extent) {
        GeometryColumns geometryColumns = new GeometryColumns();
        geometryColumns.setTableName(table);
        geometryColumns.setColumnName(FeatureRows.GEOMETRY);
        geometryColumns.setGeometryType(GeometryType.fromName(layer.geometryType()));
        geometryColumns.setZ((byte) 0);
        geometryColumns.setM((byte) 0);
        geometryColumns.setSrsId(srsId);
        List<FeatureColumn> columns = new ArrayList<>();
        columns.add(FeatureColumn.createColumn(FeatureRows.ID, mil.nga.geopackage.db.GeoPackageDataType.TEXT, true));
        for (Field f : layer.fields()) {
            columns.add(FeatureColumn.createColumn(f.name(), FeatureRows.columnType(f.type())));
        }
        BoundingBox box = extent.isNull() ? new BoundingBox()
                : new BoundingBox(extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY());
        FeatureTable created = geoPackage.createFeatureTable(
                FeatureTableMetadata.create(geometryColumns, FeatureRows.FID, columns, box));
        try (Statement s = db.createStatement()) {
            s.execute("CREATE UNIQUE INDEX \"" + table + "_id\" ON \"" + table + "\"(" + FeatureRows.ID + ")");
        } catch (SQLException e) {
            throw new StoreException("could not index " + table + ": " + e.getMessage(), e);
        }
        return created;
    }

    private void dropOrphanTables() {
        List<String> current = registry.all().stream().map(LayerRegistry.Entry::table).toList();
        for (String table : geoPackage.getFeatureTables()) {
            if (table.startsWith(TABLE_PREFIX) && !current.contains(table)) {
                geoPackage.deleteTableQuietly(table);
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
    public synchronized void limitSize(long maxBytes) {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA page_size")) {
            long pages = Math.max(1, maxBytes / (rs.next() ? rs.getLong(1) : 4096));
            s.execute("PRAGMA max_page_count = " + pages);
        } catch (SQLException e) {
            throw new StoreException("could not limit the store's size: " + e.getMessage(), e);
        }
    }

    /** For tests and integrity checks: SQLite's own verdict on the file. */
    public synchronized String integrityCheck() {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            return rs.next() ? rs.getString(1) : "no answer";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }
}

package org.planmap.encode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureTable;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.geopackage.srs.SpatialReferenceSystemDao;
import mil.nga.sf.GeometryType;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.planmap.crs.CrsRef;
import org.planmap.layer.FeaturePage;
import org.planmap.style.MapStyles;
import org.planmap.store.Feature;
import org.planmap.store.JdbcColumns;
import org.planmap.store.Field;
import org.planmap.store.gpkg.ContentsExtent;
import org.planmap.store.gpkg.GeoPackageBinary;
import org.planmap.style.Qml;
import org.planmap.style.Sld;
import org.planmap.style.Symbology;

/**
 * A GeoPackage (OGC 12-128) for QGIS and ArcGIS Pro: one feature table named after the layer, the attribute
 * {@link Column}s, an R-tree spatial index, and the CRS as an {@code EPSG} row in gpkg_spatial_ref_sys with
 * its WKT definition (NGA's for WGS 84 and Web Mercator, {@link OgcWkt} for CGCS2000). SQLite needs a file, so it is
 * built in a {@link ScratchDirectory} as the features stream in, copied to {@code out} once complete and deleted,
 * whether the export succeeds or fails. The layer's style goes into a {@code layer_styles} table as QGIS writes it
 * (QML and SLD, as the default), so QGIS opens the layer in the web map's colours.
 */
public final class GeoPackageEncoder implements FeatureEncoder {

    private static final String GEOMETRY = "geom";
    /** Rows per JDBC batch. */
    private static final int BATCH = 1000;

    /**
     * The table QGIS creates when it saves a style into a GeoPackage (QGIS 3.22, read from one it wrote), column for
     * column: QGIS and GDAL look for these names. Registered in gpkg_contents as attributes, as QGIS does.
     */
    private static final String LAYER_STYLES = "CREATE TABLE \"layer_styles\" ( \"id\" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "
            + "\"f_table_catalog\" TEXT(256), \"f_table_schema\" TEXT(256), \"f_table_name\" TEXT(256), "
            + "\"f_geometry_column\" TEXT(256), \"styleName\" TEXT(30), \"styleQML\" TEXT, \"styleSLD\" TEXT, "
            + "\"useAsDefault\" BOOLEAN, \"description\" TEXT, \"owner\" TEXT(30), \"ui\" TEXT(30), "
            + "\"update_time\" DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))";

    private final Path workDir;
    private final MapStyles styles;

    /**
     * @param workDir where the file is built before it is sent (see {@link ScratchDirectory})
     * @param styles  the web map's styles, of which the layer's goes into {@code layer_styles}
     */
    public GeoPackageEncoder(Path workDir, MapStyles styles) {
        this.workDir = workDir;
        this.styles = styles;
    }

    @Override
    public String format() {
        return "gpkg";
    }

    @Override
    public String mediaType() {
        return "application/geopackage+sqlite3";
    }

    @Override
    public String fileExtension() {
        return "gpkg";
    }

    @Override
    public void write(FeaturePage page, OutputStream out) throws IOException {
        try (ScratchDirectory dir = new ScratchDirectory(workDir)) {
            Path file = dir.resolve("export.gpkg");
            GeoPackageManager.create(file.toFile());
            try (GeoPackage gpkg = GeoPackageManager.open(file.toFile(), true)) {
                String table = fill(gpkg, page);
                style(gpkg.getConnection().getConnection(), table, Symbology.of(styles, page.layer()));
            }
            Files.copy(file, out);
        }
    }

    /**
     * Rows as they stream from the cursor, through one prepared statement in batches inside one transaction, each
     * row's envelope into the (still trigger-less) R-tree in the same pass, as the store writes its own tables:
     * NGA's row-by-row insert and its R-tree fill parse every blob again and took most of a large export's time.
     * The extent, known after the last row, goes into gpkg_contents after.
     */
    private static String fill(GeoPackage gpkg, FeaturePage page) throws IOException {
        String table = page.layer().id().replaceAll("[^A-Za-z0-9_]", "_");
        long srsId = srsId(gpkg, page.crs());
        GeometryColumns geometry = new GeometryColumns();
        geometry.setTableName(table);
        geometry.setColumnName(GEOMETRY);
        geometry.setGeometryType(GeometryType.fromName(page.layer().geometryType()));
        geometry.setZ((byte) 0);
        geometry.setM((byte) 0);
        geometry.setSrsId(srsId);
        List<Column> columns = Column.of(page.layer());
        List<FeatureColumn> featureColumns = new ArrayList<>();
        // NGA wraps names in quotes without doubling the quotes inside, but leaves a name already in quotes alone:
        // so names go in quoted by us, and rows go in through our own INSERT.
        columns.forEach(c -> featureColumns.add(FeatureColumn.createColumn(JdbcColumns.quote(c.name()), sqlType(c.type()))));
        FeatureTable featureTable = gpkg.createFeatureTable(
                FeatureTableMetadata.create(geometry, "fid", featureColumns, new BoundingBox()));
        RTreeIndexExtension rtree = new RTreeIndexExtension(gpkg);
        rtree.createRTreeIndex(featureTable);
        StringBuilder sql = new StringBuilder("INSERT INTO " + JdbcColumns.quote(table) + " (fid, " + GEOMETRY);
        columns.forEach(c -> sql.append(", ").append(JdbcColumns.quote(c.name())));
        sql.append(") VALUES (?, ?").append(", ?".repeat(columns.size())).append(')');
        Connection db = gpkg.getConnection().getConnection();
        WKBWriter wkb = new WKBWriter(2);
        Envelope extent = new Envelope();
        try {
            db.setAutoCommit(false);
            try (PreparedStatement rows = db.prepareStatement(sql.toString());
                    PreparedStatement boxes = db.prepareStatement("INSERT INTO "
                            + JdbcColumns.quote("rtree_" + table + "_" + GEOMETRY) + " VALUES (?, ?, ?, ?, ?)")) {
                long fid = 0;
                while (page.features().hasNext()) {
                    Feature f = page.features().next();
                    Geometry g = f.geometry();
                    rows.setLong(1, ++fid);
                    rows.setBytes(2, g == null ? null : GeoPackageBinary.encode((int) srsId, g, wkb.write(g)));
                    for (int i = 0; i < columns.size(); i++) {
                        rows.setObject(i + 3, value(columns.get(i), f));
                    }
                    rows.addBatch();
                    if (g != null && !g.isEmpty()) {
                        Envelope e = g.getEnvelopeInternal();
                        extent.expandToInclude(e);
                        boxes.setLong(1, fid);
                        boxes.setDouble(2, e.getMinX());
                        boxes.setDouble(3, e.getMaxX());
                        boxes.setDouble(4, e.getMinY());
                        boxes.setDouble(5, e.getMaxY());
                        boxes.addBatch();
                    }
                    if (fid % BATCH == 0) {
                        rows.executeBatch();
                        boxes.executeBatch();
                    }
                }
                rows.executeBatch();
                boxes.executeBatch();
            }
            ContentsExtent.write(db, table, extent);
            db.commit();
            db.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IOException("cannot write the GeoPackage: " + e.getMessage(), e);
        }
        // registered and guarded by triggers once filled, as the extension's create() would leave it
        rtree.getOrCreate(featureTable);
        rtree.createFunctions(featureTable);
        rtree.createAllTriggers(featureTable);
        return table;
    }

    private static void style(Connection db, String table, Symbology symbology) throws IOException {
        try (Statement ddl = db.createStatement()) {
            ddl.execute(LAYER_STYLES);
            ddl.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, last_change, srs_id) VALUES "
                    + "('layer_styles', 'attributes', 'layer_styles', strftime('%Y-%m-%dT%H:%M:%fZ','now'), 0)");
            try (PreparedStatement row = db.prepareStatement("INSERT INTO layer_styles (f_table_catalog, f_table_schema, "
                    + "f_table_name, f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, description, owner) "
                    + "VALUES ('', '', ?, ?, ?, ?, ?, 1, ?, '')")) {
                row.setString(1, table);
                row.setString(2, GEOMETRY);
                row.setString(3, table);
                row.setString(4, Qml.of(symbology));
                row.setString(5, Sld.of(symbology));
                row.setString(6, symbology.title());
                row.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IOException("cannot write the GeoPackage's layer_styles: " + e.getMessage(), e);
        }
    }

    /** The srs_id (= the EPSG code) of {@code crs}, adding its gpkg_spatial_ref_sys row when NGA has none. */
    private static long srsId(GeoPackage gpkg, CrsRef crs) throws IOException {
        SpatialReferenceSystemDao dao = gpkg.getSpatialReferenceSystemDao();
        try {
            if (crs.equals(CrsRef.WGS84) || crs.equals(CrsRef.WEB_MERCATOR)) {
                return dao.getOrCreateCode("EPSG", crs.epsg()).getSrsId();
            }
            SpatialReferenceSystem srs = new SpatialReferenceSystem();
            srs.setSrsName(crs.name());
            srs.setSrsId(crs.epsg());
            srs.setOrganization("EPSG");
            srs.setOrganizationCoordsysId(crs.epsg());
            srs.setDefinition(OgcWkt.cgcs2000(crs));
            srs.setDescription(crs.nameZh());
            dao.create(srs);
            return srs.getSrsId();
        } catch (SQLException e) {
            throw new IOException("cannot add " + crs.code() + " to the GeoPackage: " + e.getMessage(), e);
        }
    }

    private static GeoPackageDataType sqlType(Field.Type type) {
        return type == Field.Type.INTEGER ? GeoPackageDataType.INTEGER
                : type == Field.Type.REAL ? GeoPackageDataType.DOUBLE
                : type == Field.Type.BOOLEAN ? GeoPackageDataType.BOOLEAN
                : GeoPackageDataType.TEXT;
    }

    /** Numbers and booleans as themselves, everything else (lists included) as its text. */
    private static Object value(Column c, Feature f) {
        Object v = c.value().apply(f);
        return switch (c.type()) {
            case INTEGER -> v instanceof Number n ? n.longValue() : null;
            case REAL -> v instanceof Number n ? n.doubleValue() : null;
            case BOOLEAN -> v instanceof Boolean b ? b : null;
            default -> v == null ? null : c.text(f);
        };
    }
}

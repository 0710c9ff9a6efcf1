package org.planmap.encode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureTable;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.geopackage.srs.SpatialReferenceSystemDao;
import mil.nga.sf.GeometryType;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKBWriter;
import org.planmap.crs.CrsRef;
import org.planmap.layer.FeaturePage;
import org.planmap.store.Feature;
import org.planmap.store.JdbcColumns;
import org.planmap.store.Field;

/**
 * A GeoPackage (OGC 12-128) for QGIS and ArcGIS Pro: one feature table named after the layer, the attribute
 * {@link Column}s, an R-tree spatial index, and the CRS as an {@code EPSG} row in gpkg_spatial_ref_sys with
 * its WKT definition (NGA's for WGS 84 and Web Mercator, {@link OgcWkt} for CGCS2000). SQLite needs a file, so it is
 * built in a temporary directory, copied to {@code out} and deleted, whether the export succeeds or fails.
 */
public final class GeoPackageEncoder implements FeatureEncoder {

    /** Prefix of the temporary directories, so that a test can see none is left behind. */
    public static final String TEMP_PREFIX = "planmap-export-";

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
        Path dir = Files.createTempDirectory(TEMP_PREFIX);
        try {
            Path file = dir.resolve("export.gpkg");
            GeoPackageManager.create(file.toFile());
            try (GeoPackage gpkg = GeoPackageManager.open(file.toFile(), true)) {
                fill(gpkg, page);
            }
            Files.copy(file, out);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(GeoPackageEncoder::delete);
            }
        }
    }

    private static void fill(GeoPackage gpkg, FeaturePage page) throws IOException {
        String table = page.layer().id().replaceAll("[^A-Za-z0-9_]", "_");
        long srsId = srsId(gpkg, page.crs());
        GeometryColumns geometry = new GeometryColumns();
        geometry.setTableName(table);
        geometry.setColumnName("geom");
        geometry.setGeometryType(GeometryType.fromName(page.layer().geometryType()));
        geometry.setZ((byte) 0);
        geometry.setM((byte) 0);
        geometry.setSrsId(srsId);
        List<Column> columns = Column.of(page.layer());
        List<FeatureColumn> featureColumns = new ArrayList<>();
        // NGA wraps names in quotes without doubling the quotes inside, but leaves a name already in quotes alone:
        // so names go in quoted by us, and rows go in through our own INSERT (NGA's would quote them its way).
        columns.forEach(c -> featureColumns.add(FeatureColumn.createColumn(JdbcColumns.quote(c.name()), sqlType(c.type()))));
        Envelope extent = new Envelope();
        page.features().stream().filter(f -> f.geometry() != null)
                .forEach(f -> extent.expandToInclude(f.geometry().getEnvelopeInternal()));
        BoundingBox box = extent.isNull() ? new BoundingBox()
                : new BoundingBox(extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY());
        FeatureTable featureTable = gpkg.createFeatureTable(
                FeatureTableMetadata.create(geometry, "fid", featureColumns, box));
        StringBuilder sql = new StringBuilder("INSERT INTO " + JdbcColumns.quote(table) + " (geom");
        columns.forEach(c -> sql.append(", ").append(JdbcColumns.quote(c.name())));
        sql.append(") VALUES (?").append(", ?".repeat(columns.size())).append(')');
        WKBWriter wkb = new WKBWriter(2);
        gpkg.beginTransaction();
        try (PreparedStatement rows = gpkg.getConnection().getConnection().prepareStatement(sql.toString())) {
            for (Feature f : page.features()) {
                rows.setBytes(1, f.geometry() == null ? null
                        : GeoPackageGeometryData.createFromWkbAndBuildEnvelope(srsId, wkb.write(f.geometry())).toBytes());
                for (int i = 0; i < columns.size(); i++) {
                    rows.setObject(i + 2, value(columns.get(i), f));
                }
                rows.executeUpdate();
            }
            gpkg.commit();
        } catch (SQLException e) {
            throw new IOException("cannot write the GeoPackage rows: " + e.getMessage(), e);
        } finally {
            gpkg.endTransaction();
        }
        new RTreeIndexExtension(gpkg).create(featureTable);
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

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary " + p, e);
        }
    }
}

package org.planmap.importer.gpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planmap.importer.ImporterFixtures.features;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.planmap.importer.ImporterFixtures.file;
import static org.planmap.importer.ImporterFixtures.refused;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.sf.GeometryType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;
import org.planmap.crs.CrsException;
import org.planmap.crs.CrsRef;
import org.planmap.importer.ImportLimits;
import org.planmap.importer.LimitCounter;
import org.planmap.importer.FileContents;
import org.planmap.store.Feature;
import org.planmap.store.Field;

class GeoPackageReaderTest {

    private static final String HOLE = "POLYGON ((500000 4100000, 501000 4100000, 501000 4101000, 500000 4101000, "
            + "500000 4100000), (500250 4100250, 500250 4100750, 500750 4100750, 500750 4100250, 500250 4100250))";

    private final GeoPackageReader reader = new GeoPackageReader();

    @TempDir
    Path tmp;

    @Test
    void readsGdalsGeoPackage() throws IOException {
        Path copy = Files.copy(file("gpkg-4547.gpkg"), tmp.resolve("gdal.gpkg"));
        FileContents data = reader.read(copy, ImportLimits.DEFAULT);
        assertThat(data.format()).isEqualTo("gpkg");
        assertThat(data.declaredCrs()).isEqualTo(CrsRef.of(4547));
        assertThat(features(data)).extracting(f -> f.properties().get("name")).containsExactly("汾阳市", "孝义市", "介休市");
        assertThat(features(data)).extracting(Feature::id).containsExactly("1", "2", "3");
        assertThat(data.fields()).extracting(Field::name)
                .containsExactly("adcode", "name", "kind", "cityName", "areaKm2", "code", "citylevel");
        assertThat(data.fields()).extracting(Field::type).containsExactly(Field.Type.STRING, Field.Type.STRING,
                Field.Type.STRING, Field.Type.STRING, Field.Type.REAL, Field.Type.INTEGER, Field.Type.INTEGER);
        assertThat(features(data).get(1).properties()).containsEntry("code", 141181L);
        for (Feature f : features(data)) {
            assertThat(f.geometry().isValid()).isTrue();
            double km2 = ((Number) f.properties().get("areaKm2")).doubleValue();
            // CM 114E is ~2.5° east of these counties: Gauss-Krüger enlarges areas there by well under 1 %.
            assertThat(f.geometry().getArea() / 1e6).isCloseTo(km2, within(km2 * 0.01));
        }
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).containsExactly(copy);   // read-only: no journal or WAL left beside the upload
        }
    }

    @Test
    void readsNgasGeoPackageWithAHoleBooleansAndNulls() throws Exception {
        Path f = ngaFile("nga.gpkg", 4547, "红线");
        FileContents data = reader.read(f, ImportLimits.DEFAULT);
        assertThat(data.declaredCrs()).isEqualTo(CrsRef.of(4547));
        assertThat(data.fields()).extracting(Field::type)
                .containsExactly(Field.Type.STRING, Field.Type.INTEGER, Field.Type.BOOLEAN, Field.Type.REAL);
        Feature hole = features(data).get(0);
        assertThat(hole.properties()).containsEntry("名称", "孝义市").containsEntry("n", 7L).containsEntry("ok", true);
        assertThat(((Polygon) hole.geometry()).getNumInteriorRing()).isEqualTo(1);
        assertThat(hole.geometry().getArea()).isEqualTo(750_000, within(1e-6));
        Feature empty = features(data).get(1);
        assertThat(empty.geometry()).isNull();
        assertThat(empty.properties()).containsEntry("n", null).containsEntry("ok", null).containsEntry("area", null);
    }

    @Test
    void anUnsupportedEpsgCodeIsACrsExceptionForTheCallerToMap() throws Exception {
        Path f = ngaFile("utm.gpkg", 32649, "t");
        assertThatThrownBy(() -> reader.read(f, ImportLimits.DEFAULT)).isInstanceOf(CrsException.class);
    }

    @Test
    void withoutAnEpsgOrganizationTheWktDefinitionIsIdentified() throws Exception {
        String esri = new String(GeoPackageReaderTest.class.getResourceAsStream("/crs/esri/4546.prj").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        Path f = ngaFile("esri.gpkg", 100_001, "t", "NONE", esri);
        assertThat(reader.read(f, ImportLimits.DEFAULT).declaredCrs()).isEqualTo(CrsRef.of(4546));
    }

    @Test
    void refusesSeveralFeatureTablesListingThem() throws Exception {
        Path f = ngaFile("two.gpkg", 4547, "甲");
        GeoPackage gp = GeoPackageManager.open(f.toFile(), true);
        try {
            createTable(gp, "乙", 4547);
        } finally {
            gp.close();
        }
        var e = refused(GeoPackageReader.SEVERAL_TABLES, () -> reader.read(f, ImportLimits.DEFAULT));
        assertThat(e.messageEn()).contains("甲").contains("乙");
    }

    @Test
    void refusesWhatIsNotSqliteOrNotAGeoPackage() throws Exception {
        Path text = Files.writeString(tmp.resolve("x.gpkg"), "这不是 GeoPackage");
        refused(GeoPackageReader.NOT_SQLITE, () -> reader.read(text, ImportLimits.DEFAULT));
        Path empty = Files.createFile(tmp.resolve("empty.gpkg"));
        refused(GeoPackageReader.NOT_SQLITE, () -> reader.read(empty, ImportLimits.DEFAULT));
        Path plain = tmp.resolve("plain.gpkg");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + plain)) {
            c.createStatement().execute("CREATE TABLE t (a TEXT)");
        }
        refused(GeoPackageReader.NOT_GEOPACKAGE, () -> reader.read(plain, ImportLimits.DEFAULT));
    }

    @Test
    void refusesABrokenGeometryBlobNamingTheFeature() throws Exception {
        Path f = ngaFile("broken.gpkg", 4547, "t");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f)) {
            c.createStatement().execute("UPDATE t SET geom = X'47500003E6110000' || X'0103000000' WHERE fid = 1");
        }
        var e = refused(GeoPackageReader.INVALID_GEOMETRY, () -> features(reader.read(f, ImportLimits.DEFAULT)));
        assertThat(e.messageEn()).contains("feature 1");
    }

    @Test
    void refusesMoreFeaturesThanAllowed() {
        refused(LimitCounter.TOO_MANY_FEATURES,
                () -> features(reader.read(file("gpkg-4547.gpkg"), new ImportLimits(1 << 20, 1 << 20, 2, 1_000_000))));
        refused(LimitCounter.TOO_MANY_VERTICES,
                () -> features(reader.read(file("gpkg-4547.gpkg"), new ImportLimits(1 << 20, 1 << 20, 100, 100))));
    }

    @Test
    void acceptsGpkgNames() {
        assertThat(reader.accepts("控制线.GPKG")).isTrue();
        assertThat(reader.accepts("a.sqlite")).isFalse();
    }

    /** A GeoPackage written by NGA's library: a polygon with a hole and a row with nulls, in {@code epsg}. */
    private Path ngaFile(String name, int epsg, String table) throws Exception {
        return ngaFile(name, epsg, table, "EPSG", "undefined");
    }

    private Path ngaFile(String name, int epsg, String table, String organization, String wkt) throws Exception {
        Path f = tmp.resolve(name);
        GeoPackageManager.create(f.toFile());
        GeoPackage gp = GeoPackageManager.open(f.toFile(), true);
        try {
            // NGA only knows a few EPSG definitions by heart: register the CRS the way GDAL does (srs_id = code).
            Connection db = gp.getConnection().getConnection();
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, "
                    + "organization, organization_coordsys_id, definition) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, "EPSG:" + epsg);
                ps.setInt(2, epsg);
                ps.setString(3, organization);
                ps.setInt(4, epsg);
                ps.setString(5, wkt);
                ps.executeUpdate();
            }
            long srsId = epsg;
            createTable(gp, table, srsId);
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO \"" + table
                    + "\" (geom, \"名称\", n, ok, area) VALUES (?, ?, ?, ?, ?)")) {
                Geometry g = new WKTReader().read(HOLE);
                ps.setBytes(1, GeoPackageGeometryData.createFromWkbBuildEnvelopeAndWrite(srsId,
                        new WKBWriter().write(g)).getBytes());
                ps.setString(2, "孝义市");
                ps.setLong(3, 7);
                ps.setBoolean(4, true);
                ps.setDouble(5, g.getArea());
                ps.executeUpdate();
                ps.setNull(1, java.sql.Types.BLOB);
                ps.setString(2, "空");
                ps.setNull(3, java.sql.Types.INTEGER);
                ps.setNull(4, java.sql.Types.BOOLEAN);
                ps.setNull(5, java.sql.Types.REAL);
                ps.executeUpdate();
            }
        } finally {
            gp.close();
        }
        return f;
    }

    private static void createTable(GeoPackage gp, String table, long srsId) throws SQLException {
        GeometryColumns gc = new GeometryColumns();
        gc.setTableName(table);
        gc.setColumnName("geom");
        gc.setGeometryType(GeometryType.POLYGON);
        gc.setZ((byte) 0);
        gc.setM((byte) 0);
        gc.setSrsId(srsId);
        List<FeatureColumn> columns = List.of(FeatureColumn.createColumn("名称", GeoPackageDataType.TEXT),
                FeatureColumn.createColumn("n", GeoPackageDataType.INTEGER),
                FeatureColumn.createColumn("ok", GeoPackageDataType.BOOLEAN),
                FeatureColumn.createColumn("area", GeoPackageDataType.DOUBLE));
        gp.createFeatureTable(FeatureTableMetadata.create(gc, "fid", columns, new BoundingBox()));
    }
}

package org.planmap.store.gpkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.store.FeatureQuery;
import org.planmap.store.FeatureStore;
import org.planmap.store.FeatureStoreContract;

class GeoPackageStoreTest extends FeatureStoreContract {

    @TempDir
    Path dir;

    @Override
    protected FeatureStore openFresh() {
        return GeoPackageStore.open(dir.resolve("data"));
    }

    @Test
    void theFileSurvivesAReopenAndPassesSqlitesIntegrityCheck() {
        store.replace(LAYER, counties());
        store.replace(LAYER.withContents(0, java.util.List.of(), "v2"), counties());
        store.close();
        GeoPackageStore reopened = GeoPackageStore.open(dir.resolve("data"));
        store = reopened;
        assertThat(reopened.integrityCheck()).isEqualTo("ok");
        assertThat(readAll(FeatureQuery.of(LAYER.id()))).hasSize(117);
    }

    @Test
    void onlyTheCurrentVersionTableIsKeptAndItHasAnRtree() throws Exception {
        store.replace(LAYER, counties());
        store.replace(LAYER.withContents(0, java.util.List.of(), "v2"), counties());
        Path file = ((GeoPackageStore) store).file();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT table_name FROM gpkg_contents WHERE data_type = 'features'")) {
            assertThat(rs.next()).isTrue();
            String table = rs.getString(1);
            assertThat(rs.next()).as("the previous version's table is dropped").isFalse();
            try (ResultSet ext = c.createStatement().executeQuery(
                    "SELECT count(*) FROM gpkg_extensions WHERE table_name = '" + table + "' AND extension_name = 'gpkg_rtree_index'")) {
                assertThat(ext.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void aTableLeftByACrashIsDroppedOnOpen() throws Exception {
        store.replace(LAYER, counties());
        Path file = ((GeoPackageStore) store).file();
        store.close();
        // Simulate a crash mid-import: a second feature table that no registry entry points to.
        GeoPackageStore other = GeoPackageStore.open(dir.resolve("other"));
        other.replace(LAYER, counties().subList(0, 3));
        other.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().execute("ATTACH DATABASE '" + dir.resolve("other").resolve(GeoPackageStore.FILE_NAME) + "' AS o");
            ResultSet rs = c.createStatement().executeQuery("SELECT table_name FROM o.gpkg_contents");
            rs.next();
            String orphan = rs.getString(1) + "_orphan";
            c.createStatement().execute("CREATE TABLE \"" + orphan + "\" AS SELECT * FROM o.\"" + rs.getString(1) + "\"");
            c.createStatement().execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('"
                    + orphan + "', 'features', '" + orphan + "', 4326)");
            c.createStatement().execute("INSERT INTO gpkg_geometry_columns VALUES ('" + orphan + "', 'geom', 'MULTIPOLYGON', 4326, 0, 0)");
        }
        store = GeoPackageStore.open(dir.resolve("data"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM gpkg_contents WHERE data_type = 'features'")) {
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        assertThat(readAll(FeatureQuery.of(LAYER.id()))).hasSize(117);
    }

    @Test
    void aReplaceThatFailsHalfWayLeavesNoTableOrRtreeBehind() throws Exception {
        store.replace(LAYER, counties());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.replace(LAYER.withContents(0, java.util.List.of(), "v2"),
                sink -> {
                    counties().subList(0, 40).forEach(sink);
                    throw new IllegalStateException("the source broke off");
                })).hasMessage("the source broke off");
        Path file = ((GeoPackageStore) store).file();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             ResultSet rs = c.createStatement().executeQuery("SELECT (SELECT count(*) FROM gpkg_contents), "
                     + "(SELECT count(*) FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'), "
                     + "(SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'layer\\_%' ESCAPE '\\')")) {
            assertThat(rs.getInt(1)).as("feature tables").isEqualTo(1);
            assertThat(rs.getInt(2)).as("R-trees").isEqualTo(1);
            assertThat(rs.getInt(3)).as("layer tables").isEqualTo(1);
        }
    }
}

package org.planmap.store.postgis;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * The real PostGIS that bin/test starts for the suite (a throwaway cluster), named by
 * {@code PLANMAP_TEST_PG_URL} / {@code PLANMAP_TEST_PG_USER} / {@code PLANMAP_TEST_PG_PASSWORD}.
 * Without it the PostGIS tests fail rather than skip, so that CI can never pass without running them.
 */
public final class TestPostgis {

    private TestPostgis() {
    }

    public static String url() {
        String url = System.getenv("PLANMAP_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            fail("PLANMAP_TEST_PG_URL is not set: the PostGIS store tests need a real PostGIS. Run bin/test, which "
                    + "installs postgresql-15-postgis-3 and starts a throwaway cluster, or point PLANMAP_TEST_PG_URL "
                    + "(and PLANMAP_TEST_PG_USER/PASSWORD) at a database with the postgis extension.");
        }
        return url;
    }

    public static String user() {
        return System.getenv().getOrDefault("PLANMAP_TEST_PG_USER", "postgres");
    }

    public static String password() {
        return System.getenv("PLANMAP_TEST_PG_PASSWORD");
    }

    /** The settings that make a planmap under test store its layers (and records) in {@code schema} of this database. */
    public static Map<String, String> settings(String schema) {
        return Map.of("planmap.db-url", url(), "planmap.db-user", user(),
                "planmap.db-password", password() == null ? "" : password(), "planmap.db-schema", schema);
    }

    /** A schema name no other test uses. */
    public static String freshSchema() {
        return "planmap_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }

    public static void dropSchema(String schema) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + schema, e);
        }
    }
}

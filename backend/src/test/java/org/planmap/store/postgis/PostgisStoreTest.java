package org.planmap.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.planmap.store.Feature;
import org.planmap.store.FeatureQuery;
import org.planmap.store.FeatureStore;
import org.planmap.store.FeatureStoreContract;
import org.planmap.store.StoreException;
import org.planmap.store.StoreUnavailableException;

/** The store contract, and what is particular to PostGIS, on the real PostGIS bin/test starts. */
@org.planmap.PostgisTest
class PostgisStoreTest extends FeatureStoreContract {

    @RegisterExtension
    final PostgisSchema postgis = new PostgisSchema();
    private final String schema = postgis.name();

    @Override
    protected FeatureStore openFresh() {
        return PostgisStore.open(TestPostgis.url(), TestPostgis.user(), TestPostgis.password(), schema);
    }

    @Test
    void aReplaceThatFailsAfterBuildingItsTableLeavesThePreviousVersionAndNoTable() throws Exception {
        store.replace(LAYER, counties());
        String before = currentTable();
        // A duplicate id passes every insert and fails only when the table is indexed: by then the
        // new table exists and is full, and the rollback must take it away again.
        List<Feature> duplicated = new ArrayList<>(counties());
        duplicated.add(duplicated.get(0));
        assertThatThrownBy(() -> store.replace(LAYER.withContents(0, List.of(), "v2"), duplicated))
                .isInstanceOf(StoreException.class).hasMessageContaining(LAYER.id());
        assertThat(layerTables()).containsExactly(before);
        assertThat(currentTable()).isEqualTo(before);
        assertThat(store.layer(LAYER.id()).orElseThrow().version()).isEqualTo("v1");
        assertThat(readAll(FeatureQuery.of(LAYER.id()))).hasSize(117);
    }

    /**
     * Two planmap servers on one database: each answers the catalog from memory, sees its own replace and delete
     * at once, and the other's once its copy is older than {@link PostgisStore#REGISTRY_MAX_AGE}.
     */
    @Test
    void theCatalogIsKeptInMemoryAndFollowsChangesHereAtOnceAndElsewhereAfterItsMaxAge() throws Exception {
        long[] otherClock = {0};
        try (PostgisStore other = PostgisStore.open(TestPostgis.url(), TestPostgis.user(), TestPostgis.password(), schema,
                PostgisStore.REGISTRY_MAX_AGE, () -> otherClock[0])) {
            assertThat(other.layers()).isEmpty();
            store.replace(LAYER, counties());
            assertThat(store.layer(LAYER.id()).orElseThrow().version()).isEqualTo("v1");
            assertThat(other.layer(LAYER.id())).as("the other server's copy, younger than its max age").isEmpty();
            otherClock[0] += PostgisStore.REGISTRY_MAX_AGE.toNanos();
            assertThat(other.layer(LAYER.id()).orElseThrow().version()).isEqualTo("v1");

            other.replace(LAYER.withContents(0, List.of(), "v2"), counties().subList(0, 3));
            assertThat(other.layer(LAYER.id()).orElseThrow().version()).isEqualTo("v2");
            other.delete(LAYER.id());
            assertThat(other.layers()).isEmpty();
            assertThat(other.layer(LAYER.id())).isEmpty();
        }
    }

    /**
     * NOTIFY is the one signal between servers: while the other server listens, its catalog follows a change
     * as soon as it is told (its clock never moves here, so no re-read by age could show it), and a change made
     * while its listening connection was cut and could not come back is told once it listens again.
     */
    @Test
    void anotherServerIsToldEachChangeAndOnesMadeWhileItCouldNotListenOnceItListensAgain() throws Exception {
        BlockingQueue<String> told = new LinkedBlockingQueue<>();
        try (PostgisStore other = PostgisStore.open(TestPostgis.url(), TestPostgis.user(), TestPostgis.password(), schema,
                PostgisStore.REGISTRY_MAX_AGE, () -> 0L)) {
            assertThat(other.layers()).isEmpty();
            other.watchChangesElsewhere((layer, before, after) -> told.add(layer + " " + before + "→" + after));
            awaitListening();
            store.replace(LAYER, counties());
            assertThat(awaitTold(told, LAYER.id() + " null→v1", 10)).isTrue();
            assertThat(other.layer(LAYER.id()).orElseThrow().version()).isEqualTo("v1");

            String db = queryOne("SELECT current_database()");
            executeOnMaintenanceDb("ALTER DATABASE \"" + db + "\" ALLOW_CONNECTIONS false");
            try {
                executeOnMaintenanceDb("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE application_name = 'planmap-changes' AND datname = '" + db + "'");
                // the store's pooled connections stay: its replace commits while nobody can listen
                store.replace(LAYER.withContents(0, List.of(), "v2"), counties().subList(0, 3));
            } finally {
                executeOnMaintenanceDb("ALTER DATABASE \"" + db + "\" ALLOW_CONNECTIONS true");
            }
            assertThat(awaitTold(told, LAYER.id() + " v1→v2", 15)).as("caught up after the reconnect").isTrue();
            assertThat(other.layer(LAYER.id()).orElseThrow().version()).isEqualTo("v2");
            assertThat(awaitTold(told, LAYER.id() + " v1→v2", 1)).as("told once").isFalse();
        }
    }

    private static boolean awaitTold(BlockingQueue<String> told, String change, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (long left; (left = end - System.nanoTime()) > 0;) {
            if (change.equals(told.poll(left, TimeUnit.NANOSECONDS))) {
                return true;
            }
        }
        return false;
    }

    /** The listening connection is in the database's activity under its application name once LISTEN is in force. */
    private static void awaitListening() throws Exception {
        for (int i = 0; i < 100; i++) {
            if (!queryOne("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'planmap-changes' "
                    + "AND (query LIKE 'LISTEN%' OR query = 'SELECT 1')").equals("0")) {
                Thread.sleep(300); // and past its catch-up
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the other store never listened");
    }

    @Test
    void aReplaceDropsThePreviousTableInTheSameTransaction() throws Exception {
        store.replace(LAYER, counties());
        String first = currentTable();
        store.replace(LAYER.withContents(0, List.of(), "v2"), counties().subList(0, 3));
        assertThat(currentTable()).isNotEqualTo(first);
        assertThat(layerTables()).containsExactly(currentTable());
    }

    @Test
    void aTableLeftByACrashIsDroppedOnOpen() throws Exception {
        store.replace(LAYER, counties());
        String current = currentTable();
        execute("CREATE TABLE \"" + schema + "\".layer_test_counties_999 AS SELECT * FROM \"" + schema + "\".\"" + current + "\"");
        execute("CREATE TABLE \"" + schema + "\".notes (text TEXT)");
        store.close();
        store = openFresh();
        assertThat(layerTables()).containsExactly(current);
        assertThat(tablesLike("notes")).as("tables that are not layer tables are left alone").containsExactly("notes");
        assertThat(readAll(FeatureQuery.of(LAYER.id()))).hasSize(117);
    }

    @Test
    void theGeometryColumnHasTheLayersSridAndTypeAndAGistIndex() throws Exception {
        store.replace(LAYER, counties());
        String table = currentTable();
        assertThat(queryOne("SELECT Find_SRID(?, ?, 'geom')::text", schema, table)).isEqualTo("4326");
        assertThat(queryOne("SELECT type || '/' || coord_dimension FROM geometry_columns "
                + "WHERE f_table_schema = ? AND f_table_name = ?", schema, table)).isEqualTo("MULTIPOLYGON/2");
        assertThat(queryOne("SELECT string_agg(indexdef, ' | ') FROM pg_indexes WHERE schemaname = ? AND tablename = ?",
                schema, table)).contains("USING gist (geom)").contains("(planmap_id)");
        assertThat(queryOne("SELECT data_type FROM information_schema.columns WHERE table_schema = ? "
                + "AND table_name = ? AND column_name = 'neighbours'", schema, table)).isEqualTo("jsonb");
    }

    @Test
    void theStoreRecoversWhenTheDatabaseDropsItsConnections() throws Exception {
        store.replace(LAYER, counties());
        // What a database restart does to a pool: every connection it holds is cut.
        execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'planmap' "
                + "AND datname = current_database() AND pid <> pg_backend_pid()");
        Thread.sleep(600); // past the pool's window for lending without a liveness check
        assertThat(store.layers()).hasSize(1);
        assertThat(store.count(FeatureQuery.of(LAYER.id()))).isEqualTo(117);
    }

    @Test
    void whileTheDatabaseRefusesConnectionsTheStoreSaysUnavailableAndRecoversAfter() throws Exception {
        store.replace(LAYER, counties());
        String db = queryOne("SELECT current_database()");
        // As during a restart: existing connections cut, new ones refused.
        // A database cannot close itself to connections: ask from the cluster's maintenance database.
        executeOnMaintenanceDb("ALTER DATABASE \"" + db + "\" ALLOW_CONNECTIONS false");
        try {
            executeOnMaintenanceDb("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'planmap' "
                    + "AND datname = '" + db + "'");
            long start = System.nanoTime();
            assertThatThrownBy(() -> store.layers()).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("unreachable");
            assertThat((System.nanoTime() - start) / 1e9).as("fails fast, no hang").isLessThan(10);
        } finally {
            executeOnMaintenanceDb("ALTER DATABASE \"" + db + "\" ALLOW_CONNECTIONS true");
        }
        assertThat(store.count(FeatureQuery.of(LAYER.id()))).isEqualTo(117);
    }

    @Test
    void anUnreachableDatabaseIsAQuickClearError() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> PostgisStore.open("jdbc:postgresql://127.0.0.1:1/none?password=secret", "x", "secret", schema))
                .isInstanceOf(StoreException.class).hasMessageContaining("cannot connect")
                .hasMessageNotContaining("secret");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
    }

    private String currentTable() throws SQLException {
        return queryOne("SELECT table_name FROM \"" + schema + "\".layers WHERE id = ?", LAYER.id());
    }

    private List<String> layerTables() throws SQLException {
        return tablesLike("layer\\_%");
    }

    private List<String> tablesLike(String pattern) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = TestPostgis.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT tablename FROM pg_tables WHERE schemaname = ? AND tablename LIKE ? ORDER BY tablename")) {
            ps.setString(1, schema);
            ps.setString(2, pattern);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static void executeOnMaintenanceDb(String sql) throws SQLException {
        String url = TestPostgis.url().replaceFirst("/[^/?]+(\\?|$)", "/postgres$1");
        try (Connection c = java.sql.DriverManager.getConnection(url, TestPostgis.user(), TestPostgis.password())) {
            c.createStatement().execute(sql);
        }
    }

    private static String queryOne(String sql, String... args) throws SQLException {
        try (Connection c = TestPostgis.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = TestPostgis.connect()) {
            c.createStatement().execute(sql);
        }
    }
}

package org.planmap.store.postgis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.planmap.store.JdbcColumns;
import org.planmap.store.LayerInfo;

/**
 * The {@code <schema>.layers} table: each layer's description and the table now serving it; and the
 * {@code <schema>.derived} table, text derived from layers ({@link org.planmap.store.FeatureStore#derived}).
 */
final class PostgisRegistry {

    record Entry(LayerInfo info, String table) {
    }

    static final String TABLE = "layers";
    static final String DERIVED = "derived";

    private final String table;
    private final String derived;

    PostgisRegistry(LayerTables tables) {
        this.table = tables.qualified(TABLE);
        this.derived = tables.qualified(DERIVED);
    }

    void createIfMissing(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + table + " (id TEXT PRIMARY KEY, table_name TEXT NOT NULL UNIQUE, "
                    + "title TEXT NOT NULL, geometry_type TEXT NOT NULL, crs TEXT NOT NULL, source TEXT NOT NULL, "
                    + "feature_count BIGINT NOT NULL, bbox JSONB NOT NULL, fields JSONB NOT NULL, "
                    + "version TEXT NOT NULL, updated TIMESTAMPTZ NOT NULL DEFAULT now())");
            s.execute("CREATE TABLE IF NOT EXISTS " + derived + " (key TEXT PRIMARY KEY, text TEXT NOT NULL, "
                    + "updated TIMESTAMPTZ NOT NULL DEFAULT now())");
        }
    }

    Optional<String> derived(Connection db, String key) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT text FROM " + derived + " WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    void keepDerived(Connection db, String key, String text) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO " + derived + " (key, text) VALUES (?, ?) "
                + "ON CONFLICT (key) DO UPDATE SET text = EXCLUDED.text, updated = now()")) {
            ps.setString(1, key);
            ps.setString(2, text);
            ps.executeUpdate();
        }
    }

    List<Entry> all(Connection db) throws SQLException {
        return select(db, "SELECT " + JdbcColumns.LAYER_COLUMNS + " FROM " + table + " ORDER BY id", null);
    }

    Optional<Entry> find(Connection db, String id) throws SQLException {
        return select(db, "SELECT " + JdbcColumns.LAYER_COLUMNS + " FROM " + table + " WHERE id = ?", id).stream().findFirst();
    }

    /**
     * The entry now serving {@code id}, its row locked until the transaction ends, so that two concurrent
     * replaces of one layer queue up and each drops the table the other had put in place.
     */
    Optional<Entry> lockCurrent(Connection db, String id) throws SQLException {
        return select(db, "SELECT " + JdbcColumns.LAYER_COLUMNS + " FROM " + table + " WHERE id = ? FOR UPDATE", id)
                .stream().findFirst();
    }

    void remove(Connection db, String id) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    void put(Connection db, Entry e) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO " + table + " (" + JdbcColumns.LAYER_COLUMNS + ", updated) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, now()) ON CONFLICT (id) DO UPDATE SET "
                + "table_name = EXCLUDED.table_name, title = EXCLUDED.title, geometry_type = EXCLUDED.geometry_type, "
                + "crs = EXCLUDED.crs, source = EXCLUDED.source, feature_count = EXCLUDED.feature_count, "
                + "bbox = EXCLUDED.bbox, fields = EXCLUDED.fields, version = EXCLUDED.version, updated = now()")) {
            JdbcColumns.bindLayer(ps, e.info(), e.table());
            ps.executeUpdate();
        }
    }

    private static List<Entry> select(Connection db, String sql, String id) throws SQLException {
        return JdbcColumns.readLayers(db, sql, id, Entry::new);
    }
}

package org.planmap.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.planmap.store.JdbcColumns;
import org.planmap.store.LayerInfo;
import org.planmap.store.StoreException;

/**
 * The {@code planmap_layers} table: each layer's description and the feature table now serving it; and the
 * {@code planmap_derived} table, text derived from layers ({@link org.planmap.store.FeatureStore#derived}).
 */
final class GeoPackageRegistry {

    record Entry(LayerInfo info, String table) {
    }

    private GeoPackageRegistry() {
    }

    static void createIfMissing(Connection db) {
        execute(db, "CREATE TABLE IF NOT EXISTS planmap_layers (id TEXT PRIMARY KEY, table_name TEXT NOT NULL, "
                + "title TEXT NOT NULL, geometry_type TEXT NOT NULL, crs TEXT NOT NULL, source TEXT NOT NULL, "
                + "feature_count INTEGER NOT NULL, bbox TEXT NOT NULL, fields TEXT NOT NULL, version TEXT NOT NULL, "
                + "updated TEXT NOT NULL)");
        execute(db, "CREATE TABLE IF NOT EXISTS planmap_derived (key TEXT PRIMARY KEY, text TEXT NOT NULL, "
                + "updated TEXT NOT NULL)");
    }

    static Optional<String> derived(Connection db, String key) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT text FROM planmap_derived WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    static void keepDerived(Connection db, String key, String text, Instant updated) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT OR REPLACE INTO planmap_derived (key, text, updated) VALUES (?, ?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, text);
            ps.setString(3, updated.toString());
            ps.executeUpdate();
        }
    }

    static List<Entry> all(Connection db) {
        return select(db, "SELECT " + JdbcColumns.LAYER_COLUMNS + " FROM planmap_layers ORDER BY id", null);
    }

    static Optional<Entry> find(Connection db, String id) {
        return select(db, "SELECT " + JdbcColumns.LAYER_COLUMNS + " FROM planmap_layers WHERE id = ?", id).stream().findFirst();
    }

    static void remove(Connection db, String id) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("DELETE FROM planmap_layers WHERE id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    static void put(Connection db, Entry e, Instant updated) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT OR REPLACE INTO planmap_layers (" + JdbcColumns.LAYER_COLUMNS
                + ", updated) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            JdbcColumns.bindLayer(ps, e.info(), e.table());
            ps.setString(11, updated.toString());
            ps.executeUpdate();
        }
    }

    private static List<Entry> select(Connection db, String sql, String id) {
        try {
            return JdbcColumns.readLayers(db, sql, id, Entry::new);
        } catch (SQLException e) {
            throw new StoreException("cannot read the layer registry: " + e.getMessage(), e);
        }
    }

    private static void execute(Connection db, String sql) {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new StoreException("cannot prepare the layer registry: " + e.getMessage(), e);
        }
    }
}

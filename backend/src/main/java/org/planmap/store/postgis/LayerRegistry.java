package org.planmap.store.postgis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.planmap.store.Field;
import org.planmap.store.LayerInfo;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code <schema>.layers} table: each layer's description and the table now serving it. */
final class LayerRegistry {

    record Entry(LayerInfo info, String table) {
    }

    static final String TABLE = "layers";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS =
            "id, table_name, title, geometry_type, crs, source, feature_count, bbox, fields, version";

    private final String table;

    LayerRegistry(LayerTables tables) {
        this.table = tables.qualified(TABLE);
    }

    void createIfMissing(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + table + " (id TEXT PRIMARY KEY, table_name TEXT NOT NULL UNIQUE, "
                    + "title TEXT NOT NULL, geometry_type TEXT NOT NULL, crs TEXT NOT NULL, source TEXT NOT NULL, "
                    + "feature_count BIGINT NOT NULL, bbox JSONB NOT NULL, fields JSONB NOT NULL, "
                    + "version TEXT NOT NULL, updated TIMESTAMPTZ NOT NULL DEFAULT now())");
        }
    }

    List<Entry> all(Connection db) throws SQLException {
        return select(db, "SELECT " + COLUMNS + " FROM " + table + " ORDER BY id", null);
    }

    Optional<Entry> find(Connection db, String id) throws SQLException {
        return select(db, "SELECT " + COLUMNS + " FROM " + table + " WHERE id = ?", id).stream().findFirst();
    }

    /**
     * The table now serving {@code id}, locked until the transaction ends, so that two concurrent
     * replaces of one layer queue up and each drops the table the other had put in place.
     */
    Optional<String> lockCurrentTable(Connection db, String id) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT table_name FROM " + table + " WHERE id = ? FOR UPDATE")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    void put(Connection db, Entry e) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO " + table + " (" + COLUMNS + ", updated) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, now()) ON CONFLICT (id) DO UPDATE SET "
                + "table_name = EXCLUDED.table_name, title = EXCLUDED.title, geometry_type = EXCLUDED.geometry_type, "
                + "crs = EXCLUDED.crs, source = EXCLUDED.source, feature_count = EXCLUDED.feature_count, "
                + "bbox = EXCLUDED.bbox, fields = EXCLUDED.fields, version = EXCLUDED.version, updated = now()")) {
            LayerInfo i = e.info();
            ps.setString(1, i.id());
            ps.setString(2, e.table());
            ps.setString(3, i.title());
            ps.setString(4, i.geometryType());
            ps.setString(5, i.crs());
            ps.setString(6, i.source());
            ps.setLong(7, i.featureCount());
            ps.setString(8, JSON.writeValueAsString(i.bbox()));
            ps.setString(9, JSON.writeValueAsString(i.fields()));
            ps.setString(10, i.version());
            ps.executeUpdate();
        }
    }

    private static List<Entry> select(Connection db, String sql, String id) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            if (id != null) {
                ps.setString(1, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LayerInfo info = new LayerInfo(rs.getString("id"), rs.getString("title"),
                            rs.getString("geometry_type"), rs.getString("crs"), rs.getString("source"),
                            rs.getLong("feature_count"),
                            JSON.readValue(rs.getString("bbox"), new TypeReference<List<Double>>() { }),
                            JSON.readValue(rs.getString("fields"), new TypeReference<List<Field>>() { }),
                            rs.getString("version"));
                    entries.add(new Entry(info, rs.getString("table_name")));
                }
            }
        }
        return entries;
    }
}

package org.planmap.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.planmap.store.LayerInfo;
import org.planmap.store.StoreException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code planmap_layers} table: each layer's description and the feature table now serving it. */
final class LayerRegistry {

    record Entry(LayerInfo info, String table) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, table_name, title, geometry_type, crs, source, feature_count, bbox, fields, version";

    private final Connection db;

    LayerRegistry(Connection db) {
        this.db = db;
    }

    void createIfMissing() {
        execute("CREATE TABLE IF NOT EXISTS planmap_layers (id TEXT PRIMARY KEY, table_name TEXT NOT NULL, "
                + "title TEXT NOT NULL, geometry_type TEXT NOT NULL, crs TEXT NOT NULL, source TEXT NOT NULL, "
                + "feature_count INTEGER NOT NULL, bbox TEXT NOT NULL, fields TEXT NOT NULL, version TEXT NOT NULL, "
                + "updated TEXT NOT NULL)");
    }

    List<Entry> all() {
        return select("SELECT " + COLUMNS + " FROM planmap_layers ORDER BY id", null);
    }

    Optional<Entry> find(String id) {
        return select("SELECT " + COLUMNS + " FROM planmap_layers WHERE id = ?", id).stream().findFirst();
    }

    void put(Entry e, Instant updated) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT OR REPLACE INTO planmap_layers (" + COLUMNS
                + ", updated) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
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
            ps.setString(11, updated.toString());
            ps.executeUpdate();
        }
    }

    private List<Entry> select(String sql, String id) {
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
                            JSON.readValue(rs.getString("fields"), new TypeReference<List<org.planmap.store.Field>>() { }),
                            rs.getString("version"));
                    entries.add(new Entry(info, rs.getString("table_name")));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the layer registry: " + e.getMessage(), e);
        }
        return entries;
    }

    private void execute(String sql) {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new StoreException("cannot prepare the layer registry: " + e.getMessage(), e);
        }
    }
}

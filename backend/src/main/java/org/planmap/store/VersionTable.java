package org.planmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The kept versions of layers, one row each, in both SQL stores alike (the same DDL suits SQLite and PostgreSQL):
 * the layer as it was ({@link JdbcColumns#LAYER_COLUMNS}, so {@code table_name} names the feature table holding
 * it), its number and its {@link VersionNote}. A version's table is one of the store's layer tables, never
 * copied: the registry points at one of them as current, and a restore points at it again. So a table is dropped
 * only when neither the registry nor any row here names it.
 */
public final class VersionTable {

    /** A row: version {@code number} of {@code layer.id()}, its rows in {@code table}. */
    public record Row(int number, String table, Instant created, VersionNote note, LayerInfo layer) {

        LayerVersion version(boolean current) {
            return new LayerVersion(number, created, note, layer, current);
        }
    }

    private static final String COLUMNS = JdbcColumns.LAYER_COLUMNS
            + ", number, created, user_name, action, file_name, sha256, format, source_crs, repaired, area_ha";

    private final String name;

    /** @param name the table's name as SQL takes it (quoted, schema-qualified where the store has schemas) */
    public VersionTable(String name) {
        this.name = name;
    }

    public void createIfMissing(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + name + " (id TEXT NOT NULL, number BIGINT NOT NULL, "
                    + "table_name TEXT NOT NULL, title TEXT NOT NULL, geometry_type TEXT NOT NULL, crs TEXT NOT NULL, "
                    + "source TEXT NOT NULL, feature_count BIGINT NOT NULL, bbox TEXT NOT NULL, fields TEXT NOT NULL, "
                    + "version TEXT NOT NULL, created TEXT NOT NULL, user_name TEXT, action TEXT NOT NULL, "
                    + "file_name TEXT, sha256 TEXT, format TEXT, source_crs TEXT, repaired BIGINT NOT NULL, "
                    + "area_ha DOUBLE PRECISION NOT NULL, PRIMARY KEY (id, number))");
        }
    }

    /** The number the next version of {@code layerId} gets: one more than any it had, pruned ones included. */
    public int next(Connection db, String layerId) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT max(number) FROM " + name + " WHERE id = ?")) {
            ps.setString(1, layerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) + 1 : 1;
            }
        }
    }

    public void insert(Connection db, Row row) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO " + name + " (" + COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            JdbcColumns.bindLayer(ps, row.layer(), row.table());
            VersionNote n = row.note();
            ps.setInt(11, row.number());
            ps.setString(12, row.created().toString());
            ps.setString(13, n.user());
            ps.setString(14, n.action());
            ps.setString(15, n.fileName());
            ps.setString(16, n.sha256());
            ps.setString(17, n.format());
            ps.setString(18, n.sourceCrs());
            ps.setLong(19, n.repaired());
            ps.setDouble(20, n.areaHa());
            ps.executeUpdate();
        }
    }

    /** The versions of {@code layerId}, newest first. */
    public List<Row> rows(Connection db, String layerId) throws SQLException {
        return select(db, "WHERE id = ? ORDER BY number DESC", layerId, null);
    }

    public Optional<Row> find(Connection db, String layerId, int number) throws SQLException {
        return select(db, "WHERE id = ? AND number = ?", layerId, number).stream().findFirst();
    }

    public void remove(Connection db, String layerId, int number) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("DELETE FROM " + name + " WHERE id = ? AND number = ?")) {
            ps.setString(1, layerId);
            ps.setInt(2, number);
            ps.executeUpdate();
        }
    }

    /** The feature tables some version names. */
    public Set<String> tables(Connection db) throws SQLException {
        Set<String> tables = new HashSet<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT table_name FROM " + name)) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /**
     * The versions as listed, newest first, the newest one whose table the registry names for the layer
     * ({@code currentTable}, null when the layer is absent) marked current: a restore shares its table with the
     * version it restored, and it is the restore that is current.
     */
    public static List<LayerVersion> listed(List<Row> rows, String currentTable) {
        List<LayerVersion> out = new ArrayList<>();
        boolean found = false;
        for (Row r : rows) {
            boolean current = !found && r.table().equals(currentTable);
            found |= current;
            out.add(r.version(current));
        }
        return out;
    }

    /**
     * The rows (newest first) beyond the {@code keep} newest, the current one excepted: what a retention of
     * {@code keep} versions prunes.
     */
    public static List<Row> beyond(List<Row> rows, int keep, String currentTable) {
        List<LayerVersion> listed = listed(rows, currentTable);
        List<Row> out = new ArrayList<>();
        for (int i = keep; i < rows.size(); i++) {
            if (!listed.get(i).current()) {
                out.add(rows.get(i));
            }
        }
        return out;
    }

    private List<Row> select(Connection db, String where, String layerId, Integer number) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT " + COLUMNS + " FROM " + name + " " + where)) {
            ps.setString(1, layerId);
            if (number != null) {
                ps.setInt(2, number);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getInt("number"), rs.getString("table_name"),
                            Instant.parse(rs.getString("created")),
                            new VersionNote(rs.getString("action"), rs.getString("user_name"), rs.getString("file_name"),
                                    rs.getString("sha256"), rs.getString("format"), rs.getString("source_crs"),
                                    rs.getLong("repaired"), rs.getDouble("area_ha")),
                            JdbcColumns.readLayer(rs)));
                }
            }
        }
        return rows;
    }
}

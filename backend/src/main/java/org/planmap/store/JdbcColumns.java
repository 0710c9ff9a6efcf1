package org.planmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.planmap.store.filter.SqlWhere;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * How both SQL stores put feature properties and layer descriptions into columns and read them back, so
 * that GeoPackage and PostGIS hand out exactly the same Java values (the contract tests compare them).
 */
public final class JdbcColumns {

    /** The registry's columns, in the order {@link #bindLayer} binds its first ten. */
    public static final String LAYER_COLUMNS =
            "id, table_name, title, geometry_type, crs, source, feature_count, bbox, fields, version";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JdbcColumns() {
    }

    /** An SQL identifier in double quotes, embedded quotes doubled (SQLite and PostgreSQL alike). */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * Binds a query's filters from the first parameter on, in the order both stores' SQL asks for them: the
     * bbox as minX, minY, maxX, maxY, then the adcode prefix, then the feature id, each only when present, then
     * the parameters of its CQL2 filter translated by the store ({@code filter}, null when there is none).
     *
     * @return the next free parameter index
     */
    public static int bindFilters(PreparedStatement ps, FeatureQuery q, SqlWhere filter) throws SQLException {
        int next = 1;
        if (q.bbox() != null) {
            ps.setDouble(next++, q.bbox().getMinX());
            ps.setDouble(next++, q.bbox().getMinY());
            ps.setDouble(next++, q.bbox().getMaxX());
            ps.setDouble(next++, q.bbox().getMaxY());
        }
        if (q.adcodePrefix() != null) {
            ps.setString(next++, q.adcodePrefix() + "%");
        }
        if (q.featureId() != null) {
            ps.setString(next++, q.featureId());
        }
        for (Object v : filter == null ? List.of() : filter.params()) {
            if (v instanceof String s) {
                ps.setString(next++, s);
            } else if (v instanceof Long l) {
                ps.setLong(next++, l);
            } else if (v instanceof Double d) {
                ps.setDouble(next++, d);
            } else if (v instanceof Boolean b) {
                ps.setBoolean(next++, b);
            } else {
                ps.setBytes(next++, (byte[]) v);
            }
        }
        return next;
    }

    /** How many rows {@code from} (a store's FROM … WHERE for {@code q}, parameters as {@link #bindFilters}) holds. */
    public static long count(Connection db, String from, FeatureQuery q, SqlWhere filter) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT count(*)" + from)) {
            bindFilters(ps, q, filter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public static void bind(PreparedStatement ps, int i, Field f, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, switch (f.type()) {
                case STRING, JSON -> Types.VARCHAR;
                case INTEGER -> Types.BIGINT;
                case REAL -> Types.DOUBLE;
                case BOOLEAN -> Types.BOOLEAN;
            });
            return;
        }
        switch (f.type()) {
            case STRING -> ps.setString(i, String.valueOf(v));
            case INTEGER -> ps.setLong(i, ((Number) v).longValue());
            case REAL -> ps.setDouble(i, ((Number) v).doubleValue());
            case BOOLEAN -> ps.setBoolean(i, (Boolean) v);
            case JSON -> ps.setString(i, JSON.writeValueAsString(v));
        }
    }

    public static Object read(ResultSet rs, int i, Field f) throws SQLException {
        if (rs.getObject(i) == null) {
            return null;
        }
        return switch (f.type()) {
            case STRING -> rs.getString(i);
            case INTEGER -> rs.getLong(i);
            case REAL -> rs.getDouble(i);
            case BOOLEAN -> rs.getBoolean(i);
            case JSON -> JSON.readValue(rs.getString(i), Object.class);
        };
    }

    /** Binds a layer's description and the table serving it as parameters 1–10 (bbox and fields as JSON). */
    public static void bindLayer(PreparedStatement ps, LayerInfo i, String table) throws SQLException {
        ps.setString(1, i.id());
        ps.setString(2, table);
        ps.setString(3, i.title());
        ps.setString(4, i.geometryType());
        ps.setString(5, i.crs());
        ps.setString(6, i.source());
        ps.setLong(7, i.featureCount());
        ps.setString(8, JSON.writeValueAsString(i.bbox()));
        ps.setString(9, JSON.writeValueAsString(i.fields()));
        ps.setString(10, i.version());
    }

    /**
     * The registry rows {@code sql} selects ({@link #LAYER_COLUMNS}; one parameter, {@code id}, unless null), each
     * made an entry of the store's own kind from the layer and the table serving it.
     */
    public static <E> List<E> readLayers(Connection db, String sql, String id, BiFunction<LayerInfo, String, E> entry)
            throws SQLException {
        List<E> entries = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            if (id != null) {
                ps.setString(1, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry.apply(readLayer(rs), rs.getString("table_name")));
                }
            }
        }
        return entries;
    }

    static LayerInfo readLayer(ResultSet rs) throws SQLException {
        return new LayerInfo(rs.getString("id"), rs.getString("title"), rs.getString("geometry_type"),
                rs.getString("crs"), rs.getString("source"), rs.getLong("feature_count"),
                JSON.readValue(rs.getString("bbox"), new TypeReference<List<Double>>() { }),
                JSON.readValue(rs.getString("fields"), new TypeReference<List<Field>>() { }),
                rs.getString("version"));
    }
}

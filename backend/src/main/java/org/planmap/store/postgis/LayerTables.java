package org.planmap.store.postgis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.planmap.store.JdbcColumns;
import org.planmap.store.Field;
import org.planmap.store.LayerInfo;
import org.planmap.store.StoreException;

/**
 * The DDL of the PostGIS store: the schema, and one table per layer version
 * ({@code layer_<id>_<n>}: fid, planmap_id, geom, one column per field) with its GiST index.
 */
final class LayerTables {

    static final String PREFIX = "layer_";
    static final String FID = "fid";
    static final String ID = "planmap_id";
    static final String GEOMETRY = "geom";

    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Set<String> GEOMETRY_TYPES = Set.of("GEOMETRY", "POINT", "LINESTRING", "POLYGON",
            "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION");
    private static final Set<String> RESERVED = Set.of(FID, ID, GEOMETRY);

    private final String schema;

    LayerTables(String schema) {
        if (!SCHEMA.matcher(schema).matches()) {
            throw new StoreException("the schema name must be lower-case letters, digits and _, not " + schema);
        }
        this.schema = schema;
    }

    String schema() {
        return schema;
    }

    /** {@code "schema"."name"}. */
    String qualified(String name) {
        return quote(schema) + "." + quote(name);
    }

    static String quote(String identifier) {
        return JdbcColumns.quote(identifier);
    }

    /** Creates the schema and the sequence that numbers layer tables; PostGIS must be in the database. */
    void createSchema(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")) {
                if (!rs.next()) {
                    try {
                        s.execute("CREATE EXTENSION IF NOT EXISTS postgis");
                    } catch (SQLException e) {
                        throw new StoreException("the database has no PostGIS extension and this user may not "
                                + "create it; run CREATE EXTENSION postgis as the database owner", e);
                    }
                }
            }
            s.execute("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
            s.execute("CREATE SEQUENCE IF NOT EXISTS " + qualified("table_numbers"));
        }
    }

    /** A new, unused table name for a version of {@code layerId}. */
    String newTableName(Connection db, String layerId) throws SQLException {
        String stem = layerId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        stem = stem.substring(0, Math.min(stem.length(), 40));
        try (PreparedStatement ps = db.prepareStatement("SELECT nextval(?::regclass)")) {
            ps.setString(1, qualified("table_numbers"));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return PREFIX + stem + "_" + rs.getLong(1);
            }
        }
    }

    /** SRID of an {@code EPSG:n} CRS. */
    static int srid(String crs) {
        String[] parts = crs.split(":");
        if (parts.length != 2 || !parts[0].equals("EPSG") || !parts[1].matches("[0-9]{1,9}")) {
            throw new StoreException("only EPSG codes are stored, not " + crs);
        }
        return Integer.parseInt(parts[1]);
    }

    /** Creates the table; indexes are added by {@link #index} once the rows are in, which loads faster. */
    void create(Connection db, String table, LayerInfo layer) throws SQLException {
        String type = layer.geometryType().toUpperCase(Locale.ROOT);
        if (!GEOMETRY_TYPES.contains(type)) {
            throw new StoreException("unsupported geometry type " + layer.geometryType());
        }
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(qualified(table)).append(" (")
                .append(FID).append(" BIGSERIAL PRIMARY KEY, ")
                .append(ID).append(" TEXT NOT NULL, ")
                .append(GEOMETRY).append(" geometry(").append(type).append(", ").append(srid(layer.crs())).append(')');
        for (Field f : layer.fields()) {
            if (RESERVED.contains(f.name()) || f.name().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63) {
                throw new StoreException("field name " + f.name() + " is reserved or longer than 63 bytes");
            }
            sql.append(", ").append(quote(f.name())).append(' ').append(columnType(f.type()));
        }
        sql.append(')');
        try (Statement s = db.createStatement()) {
            s.execute(sql.toString());
        }
    }

    void index(Connection db, String table) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("ALTER TABLE " + qualified(table) + " ADD UNIQUE (" + ID + ")");
            s.execute("CREATE INDEX " + quote(table + "_geom") + " ON " + qualified(table)
                    + " USING GIST (" + GEOMETRY + ")");
            s.execute("ANALYZE " + qualified(table));
        }
    }

    void drop(Connection db, String table) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + qualified(table));
        }
    }

    /** Layer tables in the schema that neither a registry row nor a kept version names: left by hand or by an older run. */
    List<String> orphans(Connection db, String registry, String versions) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT tablename FROM pg_tables WHERE schemaname = ? "
                + "AND tablename LIKE 'layer\\_%' AND tablename NOT IN (SELECT table_name FROM "
                + qualified(registry) + ") AND tablename NOT IN (SELECT table_name FROM " + qualified(versions) + ")")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    static String columnType(Field.Type type) {
        return switch (type) {
            case STRING -> "TEXT";
            case INTEGER -> "BIGINT";
            case REAL -> "DOUBLE PRECISION";
            case BOOLEAN -> "BOOLEAN";
            case JSON -> "JSONB";
        };
    }
}

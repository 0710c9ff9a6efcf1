package org.planmap.store.postgis;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.planmap.store.Feature;
import org.planmap.store.FeatureCursor;
import org.planmap.store.FeatureLoad;
import org.planmap.store.FeatureSource;
import org.planmap.store.FeatureQuery;
import org.planmap.store.Field;
import org.planmap.store.JdbcColumns;
import org.planmap.store.RowCursor;
import org.planmap.store.StoreException;
import org.planmap.store.filter.SqlWhere;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Writes and reads the rows of one layer table.
 *
 * <p>Geometries travel as ISO WKB ({@code ST_GeomFromWKB} / {@code ST_AsBinary}) read and written by JTS,
 * rather than through postgis-jdbc: the store works in JTS geometries, WKB carries the doubles bit for
 * bit, and postgis-jdbc would add its own geometry classes to convert from (and a dependency whose pom
 * names an artifact Maven Central does not serve).
 *
 * <p>Property values come back as the GeoPackage store gives them: String, Long, Double, Boolean, and
 * JSON parsed into lists and maps. JSONB keeps array order and numbers' digits but not the key order
 * of objects (maps compare equal; the planmap layers' JSON fields are lists).
 */
final class PostgisRows {

    /** Bytes of COPY data gathered before they go to the driver, and by the driver before they go to the server. */
    private static final int COPY_BUFFER = 1 << 16;
    /** Rows fetched per round trip when reading, so that a large layer streams instead of loading at once. */
    static final int FETCH = 1000;

    private final String table;
    private final List<Field> fields;
    private final int srid;

    PostgisRows(String qualifiedTable, List<Field> fields, int srid) {
        this.table = qualifiedTable;
        this.fields = fields;
        this.srid = srid;
    }

    /**
     * Loads the rows in the caller's transaction, in source order (which becomes fid order), as one
     * {@code COPY … FROM STDIN (FORMAT binary)}: no SQL is parsed per row and no text is converted, so the
     * server's part of a 500 000-polygon load is about what writing the table costs. A failure of the source
     * cancels the copy, and the caller's transaction takes everything back.
     */
    FeatureLoad insert(Connection db, FeatureSource features) throws SQLException {
        StringBuilder sql = new StringBuilder("COPY " + table + " (" + LayerTables.ID + ", " + LayerTables.GEOMETRY);
        fields.forEach(f -> sql.append(", ").append(LayerTables.quote(f.name())));
        sql.append(") FROM STDIN (FORMAT binary)");
        PGCopyOutputStream copy = new PGCopyOutputStream(db.unwrap(PGConnection.class), sql.toString(), COPY_BUFFER);
        boolean done = false;
        try {
            BinaryCopyRows rows = new BinaryCopyRows(new DataOutputStream(new BufferedOutputStream(copy, COPY_BUFFER)),
                    fields, srid);
            FeatureLoad load = FeatureLoad.run(features, rows::write);
            rows.end();
            copy.endCopy();
            done = true;
            return load;
        } finally {
            if (!done && copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /**
     * The matching rows as a cursor on {@code db}, which must be in a transaction (autocommit off) so that the
     * driver reads through a server-side cursor, {@value #FETCH} rows per round trip, instead of fetching the
     * whole answer at once; {@code release} ends the transaction when the cursor closes.
     */
    FeatureCursor select(Connection db, FeatureQuery q, RowCursor.Release release,
            Function<SQLException, StoreException> failure) throws SQLException {
        String geometry = q.withGeometry() ? "ST_AsBinary(" + LayerTables.GEOMETRY + ")" : "NULL";
        StringBuilder sql = new StringBuilder("SELECT " + LayerTables.ID + ", " + geometry);
        fields.forEach(f -> sql.append(", ").append(LayerTables.quote(f.name())));
        SqlWhere filter = filter(q);
        sql.append(from(q, filter)).append(" ORDER BY ").append(LayerTables.FID).append(" LIMIT ? OFFSET ?");
        PreparedStatement ps = db.prepareStatement(sql.toString());
        try {
            ps.setFetchSize(FETCH);
            int next = JdbcColumns.bindFilters(ps, q, filter);
            if (q.limit() == null) {
                ps.setNull(next, Types.BIGINT); // LIMIT NULL: no limit
            } else {
                ps.setLong(next, q.limit());
            }
            ps.setLong(next + 1, q.offset());
            ResultSet rs = ps.executeQuery();
            WKBReader reader = new WKBReader();
            return new RowCursor(() -> {
                if (!rs.next()) {
                    return null;
                }
                Map<String, Object> props = new LinkedHashMap<>();
                for (int i = 0; i < fields.size(); i++) {
                    props.put(fields.get(i).name(), JdbcColumns.read(rs, i + 3, fields.get(i)));
                }
                byte[] wkb = rs.getBytes(2);
                return new Feature(rs.getString(1), wkb == null ? null : geometry(reader, wkb), props);
            }, () -> {
                try {
                    ps.close();
                } finally {
                    release.run();
                }
            }, failure);
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    long count(Connection db, FeatureQuery q) throws SQLException {
        SqlWhere filter = filter(q);
        return JdbcColumns.count(db, from(q, filter), q, filter);
    }

    /**
     * A bbox keeps the geometries that intersect it. ST_Intersects brings its own index condition (PostGIS adds
     * {@code geom && box} through its support function), so the GiST index picks the candidates and GEOS tests
     * only those.
     */
    private String from(FeatureQuery q, SqlWhere filter) {
        List<String> where = new ArrayList<>();
        if (q.bbox() != null) {
            where.add("ST_Intersects(" + LayerTables.GEOMETRY + ", ST_MakeEnvelope(?, ?, ?, ?, " + srid + "))");
        }
        if (q.adcodePrefix() != null) {
            where.add(LayerTables.quote(FeatureQuery.ADCODE) + " LIKE ?");
        }
        if (q.featureId() != null) {
            where.add(LayerTables.ID + " = ?");
        }
        if (filter != null) {
            where.add(filter.sql());
        }
        return " FROM " + table + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
    }

    private SqlWhere filter(FeatureQuery q) {
        return q.filter() == null ? null : SqlWhere.of(q.filter(), fields, new Dialect());
    }

    /**
     * CQL2 in PostgreSQL: LIKE is already case-sensitive with {@code \} as escape; text is ordered by code point
     * ({@code COLLATE "C"}), as SQLite and Java order it, not by the database's locale; S_INTERSECTS is
     * ST_Intersects, which the GiST index serves, false rather than unknown for a feature without geometry.
     */
    private final class Dialect implements SqlWhere.Dialect {

        @Override
        public String column(Field field, boolean ordered) {
            return LayerTables.quote(field.name()) + (ordered && field.type() == Field.Type.STRING ? " COLLATE \"C\"" : "");
        }

        @Override
        public String like(String column, String pattern, List<Object> params) {
            params.add(pattern);
            return column + " LIKE ?";
        }

        @Override
        public String intersects(Geometry geometry, List<Object> params) {
            params.add(new WKBWriter(2).write(geometry));
            return LayerTables.GEOMETRY + " IS NOT NULL AND ST_Intersects(" + LayerTables.GEOMETRY
                    + ", ST_GeomFromWKB(?, " + srid + "))";
        }
    }

    private static Geometry geometry(WKBReader reader, byte[] wkb) {
        try {
            return reader.read(wkb);
        } catch (ParseException e) {
            throw new StoreException("cannot decode a stored geometry: " + e.getMessage(), e);
        }
    }
}

package org.planmap.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.db.GeoPackageDataType;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
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

/** Writes and reads the rows of one feature table: id, GeoPackage geometry blob, one column per field. */
final class GeoPackageRows {

    static final String FID = "fid";
    static final String ID = "planmap_id";
    static final String GEOMETRY = "geom";
    /** Rows per JDBC batch while writing. */
    private static final int BATCH = 1000;

    private final Connection db;
    private final String table;
    private final List<Field> fields;
    private final long srsId;

    GeoPackageRows(Connection db, String table, List<Field> fields, long srsId) {
        this.db = db;
        this.table = table;
        this.fields = fields;
        this.srsId = srsId;
    }

    static GeoPackageDataType columnType(Field.Type type) {
        return switch (type) {
            case STRING, JSON -> GeoPackageDataType.TEXT;
            case INTEGER -> GeoPackageDataType.INTEGER;
            case REAL -> GeoPackageDataType.DOUBLE;
            case BOOLEAN -> GeoPackageDataType.BOOLEAN;
        };
    }

    /**
     * Writes the source's rows in one transaction, through prepared statements executed in batches, so
     * neither the features nor the statements' parameters pile up in memory. Each row's envelope, from the JTS
     * geometry already at hand, is kept for the (empty, trigger-less) R-tree, packed and written at the end of the
     * same transaction ({@link PackedRTree}): loading it through NGA's SQL functions parsed every blob once more,
     * and inserting the envelopes one by one through the virtual table took a quarter of the writing thread.
     */
    FeatureLoad insert(FeatureSource features) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO " + JdbcColumns.quote(table) + " (" + FID + ", " + ID + ", " + GEOMETRY);
        fields.forEach(f -> sql.append(", ").append(JdbcColumns.quote(f.name())));
        sql.append(") VALUES (?, ?, ?").append(", ?".repeat(fields.size())).append(')');
        WKBWriter wkb = new WKBWriter(2);
        db.setAutoCommit(false);
        try (PreparedStatement rows = db.prepareStatement(sql.toString())) {
            PackedRTree rtree = new PackedRTree(db, rtree(table));
            long[] fid = {0};
            FeatureLoad load = FeatureLoad.run(features, f -> {
                fid[0]++;
                Geometry g = f.geometry();
                rows.setLong(1, fid[0]);
                rows.setString(2, f.id());
                rows.setBytes(3, g == null ? null : GeoPackageBinary.encode((int) srsId, g, wkb.write(g)));
                for (int i = 0; i < fields.size(); i++) {
                    JdbcColumns.bind(rows, i + 4, fields.get(i), f.properties().get(fields.get(i).name()));
                }
                rows.addBatch();
                if (g != null && !g.isEmpty()) {
                    rtree.add(fid[0], g.getEnvelopeInternal());
                }
                if (fid[0] % BATCH == 0) {
                    rows.executeBatch();
                }
            });
            rows.executeBatch();
            rtree.write(db);
            db.commit();
            db.setAutoCommit(true);
            return load;
        } catch (SQLException | RuntimeException e) {
            endTransactionAfter(e);
            throw e;
        }
    }

    /**
     * After some failures (SQLITE_FULL) SQLite has already rolled back by itself, and rollback or the commit that
     * leaving manual mode implies then fail too: those come along as suppressed, the first failure is the one told.
     */
    private void endTransactionAfter(Exception failure) {
        try {
            db.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        try {
            db.setAutoCommit(true);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * The matching rows in fid order as a cursor on this connection; {@code release} runs when it closes. Without
     * a bbox, SQL pages; with one, the R-tree gives candidates, {@link BoxFilter} keeps those that intersect and the
     * page is counted here, after the exact test.
     */
    FeatureCursor select(FeatureQuery q, RowCursor.Release release) throws SQLException {
        // Without geometry and without a box to test, the blob is not even read.
        String geometry = q.withGeometry() || q.bbox() != null ? "t." + GEOMETRY : "NULL";
        StringBuilder sql = new StringBuilder("SELECT t." + ID + ", " + geometry);
        fields.forEach(f -> sql.append(", t.").append(JdbcColumns.quote(f.name())));
        if (q.bbox() != null) {
            sql.append(", r.minx, r.maxx, r.miny, r.maxy");
        }
        SqlWhere filter = filter(q);
        sql.append(from(q, filter)).append(" ORDER BY t.").append(FID);
        if (q.bbox() == null) {
            sql.append(" LIMIT ? OFFSET ?");
        }
        PreparedStatement ps = db.prepareStatement(sql.toString());
        try {
            int next = JdbcColumns.bindFilters(ps, q, filter);
            if (q.bbox() == null) {
                ps.setLong(next, q.limit() == null ? -1 : q.limit());
                ps.setLong(next + 1, q.offset());
            }
            ResultSet rs = ps.executeQuery();
            WKBReader reader = new WKBReader();
            RowCursor.Rows rows = q.bbox() == null
                    ? () -> rs.next() ? feature(rs, reader, rs.getBytes(2)) : null
                    : new Intersecting(rs, reader, new BoxFilter(q.bbox()), q);
            return new RowCursor(rows, () -> {
                try {
                    ps.close();
                } finally {
                    release.run();
                }
            }, e -> new StoreException("could not read layer " + q.layerId() + ": " + e.getMessage(), e));
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    /** How many rows match, after the exact bbox test when there is a bbox (so it agrees with {@link #select}). */
    long count(FeatureQuery q) throws SQLException {
        SqlWhere filter = filter(q);
        if (q.bbox() == null) {
            return JdbcColumns.count(db, from(q, filter), q, filter);
        }
        BoxFilter box = new BoxFilter(q.bbox());
        WKBReader reader = new WKBReader();
        long n = 0;
        try (PreparedStatement ps = db.prepareStatement("SELECT t." + GEOMETRY + ", r.minx, r.maxx, r.miny, r.maxy"
                + from(q, filter))) {
            JdbcColumns.bindFilters(ps, q, filter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (box.inside(rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5))
                            || box.intersects(geometry(reader, rs.getBytes(1)))) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /** The R-tree's candidates that intersect the box, paged by the query's offset and limit. */
    private final class Intersecting implements RowCursor.Rows {
        private final ResultSet rs;
        private final WKBReader reader;
        private final BoxFilter box;
        private final Integer limit;
        private final int envelopeColumn;
        private final boolean withGeometry;
        private long toSkip;
        private long returned;

        Intersecting(ResultSet rs, WKBReader reader, BoxFilter box, FeatureQuery q) {
            this.rs = rs;
            this.reader = reader;
            this.box = box;
            this.limit = q.limit();
            this.toSkip = q.offset();
            this.envelopeColumn = fields.size() + 3;
            this.withGeometry = q.withGeometry();
        }

        @Override
        public Feature next() throws SQLException {
            while ((limit == null || returned < limit) && rs.next()) {
                byte[] blob = rs.getBytes(2);
                boolean inside = box.inside(rs.getDouble(envelopeColumn), rs.getDouble(envelopeColumn + 1),
                        rs.getDouble(envelopeColumn + 2), rs.getDouble(envelopeColumn + 3));
                Geometry g = inside || blob == null ? null : geometry(reader, blob);
                if (!inside && !box.intersects(g)) {
                    continue;
                }
                if (toSkip > 0) {
                    toSkip--;
                    continue;
                }
                returned++;
                return withGeometry ? feature(rs, reader, g == null ? blob : null, g) : feature(rs, reader, null, null);
            }
            return null;
        }
    }

    private Feature feature(ResultSet rs, WKBReader reader, byte[] blob) throws SQLException {
        return feature(rs, reader, blob, null);
    }

    /** The row's feature, its geometry {@code decoded} already or read from {@code blob}. */
    private Feature feature(ResultSet rs, WKBReader reader, byte[] blob, Geometry decoded) throws SQLException {
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            props.put(fields.get(i).name(), JdbcColumns.read(rs, i + 3, fields.get(i)));
        }
        Geometry g = decoded != null ? decoded : blob == null ? null : geometry(reader, blob);
        return new Feature(rs.getString(1), g, props);
    }

    /** The R-tree table's name as the GeoPackage R-tree extension (F.3) defines it. */
    static String rtree(String table) {
        return "rtree_" + table + "_" + GEOMETRY;
    }

    private String from(FeatureQuery q, SqlWhere filter) {
        String from = " FROM " + JdbcColumns.quote(table) + " t";
        if (q.bbox() != null) {
            from += " JOIN " + JdbcColumns.quote(rtree(table)) + " r ON r.id = t." + FID
                    + " AND r.maxx >= ? AND r.maxy >= ? AND r.minx <= ? AND r.miny <= ?";
        }
        List<String> where = new ArrayList<>();
        if (q.adcodePrefix() != null) {
            where.add("t." + JdbcColumns.quote(FeatureQuery.ADCODE) + " LIKE ?");
        }
        if (q.featureId() != null) {
            where.add("t." + ID + " = ?");
        }
        if (filter != null) {
            where.add(filter.sql());
        }
        return where.isEmpty() ? from : from + " WHERE " + String.join(" AND ", where);
    }

    private SqlWhere filter(FeatureQuery q) {
        return q.filter() == null ? null : SqlWhere.of(q.filter(), fields, new Dialect());
    }

    /**
     * CQL2 in SQLite: LIKE as GLOB (SQLite's LIKE ignores the case of ASCII letters, CQL2's does not), and
     * S_INTERSECTS as the R-tree's candidates for the geometry's box that {@link GeometryIntersects} confirms, the
     * same two steps as a bbox.
     */
    private final class Dialect implements SqlWhere.Dialect {

        @Override
        public String column(Field field, boolean ordered) {
            return "t." + JdbcColumns.quote(field.name());
        }

        @Override
        public String like(String column, String pattern, List<Object> params) {
            params.add(glob(pattern));
            return column + " GLOB ?";
        }

        @Override
        public String intersects(Geometry geometry, List<Object> params) {
            Envelope e = geometry.getEnvelopeInternal();
            params.addAll(List.of(e.getMaxX(), e.getMinX(), e.getMaxY(), e.getMinY()));
            params.add(new WKBWriter(2).write(geometry));
            return "t." + FID + " IN (SELECT id FROM " + JdbcColumns.quote(rtree(table))
                    + " WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?) AND "
                    + GeometryIntersects.NAME + "(t." + GEOMETRY + ", ?)";
        }
    }

    /** A CQL2 LIKE pattern as a GLOB pattern: {@code %} is {@code *}, {@code _} is {@code ?}, the rest literal. */
    static String glob(String like) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            boolean escaped = c == '\\' && i + 1 < like.length();
            if (escaped) {
                c = like.charAt(++i);
            }
            if (!escaped && c == '%') {
                out.append('*');
            } else if (!escaped && c == '_') {
                out.append('?');
            } else {
                out.append(c == '*' || c == '?' || c == '[' ? "[" + c + "]" : String.valueOf(c));
            }
        }
        return out.toString();
    }

    private static Geometry geometry(WKBReader reader, byte[] blob) {
        try {
            return GeoPackageBinary.decode(blob, reader).geometry();
        } catch (IllegalArgumentException e) {
            throw new StoreException("cannot decode a stored geometry: " + e.getMessage(), e);
        }
    }
}

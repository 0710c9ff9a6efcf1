package org.planmap.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import mil.nga.geopackage.db.GeoPackageDataType;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.planmap.store.Feature;
import org.planmap.store.FeatureLoad;
import org.planmap.store.FeatureSource;
import org.planmap.store.FeatureQuery;
import org.planmap.store.Field;
import org.planmap.store.JdbcColumns;
import org.planmap.store.StoreException;

/** Writes and reads the rows of one feature table: id, GeoPackage geometry blob, one column per field. */
final class FeatureRows {

    static final String FID = "fid";
    static final String ID = "planmap_id";
    static final String GEOMETRY = "geom";
    /** Rows per JDBC batch while writing. */
    private static final int BATCH = 1000;

    private final Connection db;
    private final String table;
    private final List<Field> fields;
    private final long srsId;

    FeatureRows(Connection db, String table, List<Field> fields, long srsId) {
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
     * neither the features nor the statements' parameters pile up in memory. Each row's envelope goes into
     * the (empty, trigger-less) R-tree in the same pass, from the JTS geometry already at hand: loading it
     * afterwards through NGA's SQL functions parsed every blob once more and took longer than the rows.
     */
    FeatureLoad insert(FeatureSource features) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO " + JdbcColumns.quote(table) + " (" + FID + ", " + ID + ", " + GEOMETRY);
        fields.forEach(f -> sql.append(", ").append(JdbcColumns.quote(f.name())));
        sql.append(") VALUES (?, ?, ?").append(", ?".repeat(fields.size())).append(')');
        WKBWriter wkb = new WKBWriter(2);
        db.setAutoCommit(false);
        try (PreparedStatement rows = db.prepareStatement(sql.toString());
                PreparedStatement rtree = db.prepareStatement("INSERT INTO " + JdbcColumns.quote(rtree(table)) + " VALUES (?, ?, ?, ?, ?)")) {
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
                    Envelope e = g.getEnvelopeInternal();
                    rtree.setLong(1, fid[0]);
                    rtree.setDouble(2, e.getMinX());
                    rtree.setDouble(3, e.getMaxX());
                    rtree.setDouble(4, e.getMinY());
                    rtree.setDouble(5, e.getMaxY());
                    rtree.addBatch();
                }
                if (fid[0] % BATCH == 0) {
                    rows.executeBatch();
                    rtree.executeBatch();
                }
            });
            rows.executeBatch();
            rtree.executeBatch();
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

    void select(FeatureQuery q, Consumer<Feature> sink) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT t." + ID + ", t." + GEOMETRY);
        fields.forEach(f -> sql.append(", t.").append(JdbcColumns.quote(f.name())));
        sql.append(from(q)).append(" ORDER BY t.").append(FID).append(" LIMIT ? OFFSET ?");
        WKBReader reader = new WKBReader();
        try (PreparedStatement ps = db.prepareStatement(sql.toString())) {
            int next = JdbcColumns.bindFilters(ps, q);
            ps.setLong(next, q.limit() == null ? -1 : q.limit());
            ps.setLong(next + 1, q.offset());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> props = new LinkedHashMap<>();
                    for (int i = 0; i < fields.size(); i++) {
                        props.put(fields.get(i).name(), JdbcColumns.read(rs, i + 3, fields.get(i)));
                    }
                    byte[] blob = rs.getBytes(2);
                    sink.accept(new Feature(rs.getString(1), blob == null ? null : geometry(reader, blob), props));
                }
            }
        }
    }

    long count(FeatureQuery q) throws SQLException {
        return JdbcColumns.count(db, from(q), q);
    }

    /** The R-tree table's name as the GeoPackage R-tree extension (F.3) defines it. */
    static String rtree(String table) {
        return "rtree_" + table + "_" + GEOMETRY;
    }

    private String from(FeatureQuery q) {
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
        return where.isEmpty() ? from : from + " WHERE " + String.join(" AND ", where);
    }

    private static Geometry geometry(WKBReader reader, byte[] blob) {
        try {
            return GeoPackageBinary.decode(blob, reader).geometry();
        } catch (IllegalArgumentException e) {
            throw new StoreException("cannot decode a stored geometry: " + e.getMessage(), e);
        }
    }
}

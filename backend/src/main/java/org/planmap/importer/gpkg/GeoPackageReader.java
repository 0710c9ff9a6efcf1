package org.planmap.importer.gpkg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBReader;
import org.planmap.crs.CrsRef;
import org.planmap.crs.PrjReader;
import org.planmap.importer.FeaturePass;
import org.planmap.importer.FormatReader;
import org.planmap.importer.ImportException;
import org.planmap.importer.ImportLimits;
import org.planmap.importer.LimitCounter;
import org.planmap.importer.FileContents;
import org.planmap.store.Feature;
import org.planmap.store.Field;
import org.planmap.store.gpkg.GeoPackageBinary;
import org.planmap.store.gpkg.GeoPackageStore;
import org.sqlite.SQLiteConfig;

/**
 * Reads the one feature table of an uploaded GeoPackage, opened read-only through the SQLite JDBC driver
 * (already here for the embedded store). The CRS is the table's row in {@code gpkg_spatial_ref_sys}: its EPSG
 * code when the organization is EPSG, otherwise its WKT definition identified like a .prj.
 */
public final class GeoPackageReader implements FormatReader {

    public static final String NOT_SQLITE = "gpkg-not-sqlite";
    public static final String NOT_GEOPACKAGE = "gpkg-not-geopackage";
    public static final String NO_FEATURE_TABLE = "gpkg-no-feature-table";
    public static final String SEVERAL_TABLES = "gpkg-several-tables";
    public static final String INVALID_GEOMETRY = "gpkg-invalid-geometry";
    public static final String UNREADABLE = "gpkg-unreadable";

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final GeometryFactory factory = new GeometryFactory();

    @Override
    public String format() {
        return "gpkg";
    }

    @Override
    public List<String> extensions() {
        return List.of(".gpkg");
    }

    /**
     * Checks the file and reads its schema and CRS now; the features are read when the store pulls them,
     * row by row through a connection of their own, so a 500 000-feature file is never held in memory.
     */
    @Override
    public FileContents read(Path file, ImportLimits limits) {
        checkSqliteHeader(file);
        try (Connection db = open(file)) {
            return read(file, db, limits);
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    /** An upload is only ever read: no journal, no accidental writes. */
    private static Connection open(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    private static ImportException unreadable(SQLException e) {
        return new ImportException(UNREADABLE, "GeoPackage 无法读取：" + e.getMessage(),
                "cannot read the GeoPackage: " + e.getMessage(), e);
    }

    private FileContents read(Path file, Connection db, ImportLimits limits) throws SQLException {
        if (!hasTable(db, "gpkg_contents") || !hasTable(db, "gpkg_geometry_columns")
                || !hasTable(db, "gpkg_spatial_ref_sys")) {
            throw new ImportException(NOT_GEOPACKAGE, "文件是 SQLite 数据库，但不是 GeoPackage（缺少 gpkg_contents 等表）",
                    "the file is an SQLite database but not a GeoPackage (no gpkg_contents and related tables)");
        }
        List<String[]> tables = new ArrayList<>();   // table, geometry column, srs_id
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c JOIN gpkg_geometry_columns g "
                        + "ON g.table_name = c.table_name WHERE c.data_type = 'features' ORDER BY c.table_name")) {
            while (rs.next()) {
                tables.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        if (tables.isEmpty()) {
            throw new ImportException(NO_FEATURE_TABLE, "GeoPackage 中没有要素表", "the GeoPackage holds no feature table");
        }
        if (tables.size() > 1) {
            String names = String.join(", ", tables.stream().map(t -> t[0]).toList());
            throw new ImportException(SEVERAL_TABLES, "GeoPackage 中有 " + tables.size() + " 个要素表（" + names
                    + "），每次只能导入一个", "the GeoPackage holds " + tables.size() + " feature tables (" + names
                    + "); import one at a time");
        }
        String table = tables.get(0)[0];
        String geometryColumn = tables.get(0)[1];
        List<String> notes = new ArrayList<>();
        notes.add("要素表 / feature table: " + table);
        CrsRef crs = crs(db, Integer.parseInt(tables.get(0)[2]), notes);
        return features(file, db, table, geometryColumn, crs, limits, notes);
    }

    private FileContents features(Path file, Connection db, String table, String geometryColumn, CrsRef crs,
            ImportLimits limits, List<String> notes) throws SQLException {
        List<Field> fields = new ArrayList<>();
        String pk = null;
        String planmapId = null;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + quote(table) + ")")) {
            while (rs.next()) {
                String name = rs.getString("name");
                String type = rs.getString("type") == null ? "" : rs.getString("type").toUpperCase(Locale.ROOT);
                if (rs.getInt("pk") > 0 && type.equals("INTEGER")) {
                    pk = name;   // the fid: the feature's id, not one of its properties (GDAL hides it too)
                } else if (name.equals(GeoPackageStore.ID_COLUMN) && type.equals("TEXT")) {
                    planmapId = name;   // a file planmap wrote (its store, generate-control-lines): the real id
                } else if (!name.equals(geometryColumn)) {
                    if (type.equals("BLOB")) {
                        notes.add("二进制列 " + name + " 未导入 / binary column " + name + " skipped");
                    } else {
                        fields.add(new Field(name, type(type), null));
                    }
                }
            }
        }
        String id = planmapId != null ? quote(planmapId) : pk == null ? "rowid" : quote(pk);
        StringBuilder sql = new StringBuilder("SELECT ").append(id)
                .append(", ").append(quote(geometryColumn));
        fields.forEach(f -> sql.append(", ").append(quote(f.name())));
        sql.append(" FROM ").append(quote(table)).append(pk == null ? " ORDER BY rowid" : " ORDER BY " + quote(pk));
        // No survey: the table declares its schema, and a refusal while storing keeps the previous version.
        FeaturePass<Void> reading = (sink, counter) -> {
            WKBReader wkb = new WKBReader(factory);
            try (Connection rows = open(file); Statement s = rows.createStatement();
                    ResultSet rs = s.executeQuery(sql.toString())) {
                while (rs.next()) {
                    sink.accept(feature(rs, fields, counter, wkb));
                }
            } catch (SQLException e) {
                throw unreadable(e);
            }
            return null;
        };
        return new FileContents(format(), reading.source(limits), fields, crs, notes);
    }

    private static Feature feature(ResultSet rs, List<Field> fields, LimitCounter counter, WKBReader wkb)
            throws SQLException {
        counter.nextFeature();
        String id = rs.getString(1);
        byte[] blob = rs.getBytes(2);
        GeoPackageBinary.Decoded g;
        try {
            g = blob == null ? new GeoPackageBinary.Decoded(0, null) : GeoPackageBinary.decode(blob, wkb);
        } catch (IllegalArgumentException e) {
            throw ImportException.invalidGeometry(INVALID_GEOMETRY, "要素 " + id + " ", "feature " + id, e.getMessage(), e);
        }
        counter.add(g.geometry());
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            props.put(fields.get(i).name(), value(rs, i + 3, fields.get(i).type()));
        }
        return new Feature(id, g.geometry(), props);
    }

    /** EPSG by code when the organization is EPSG, else its WKT; a CrsException is the caller's to map. */
    private static CrsRef crs(Connection db, int srsId, List<String> notes) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT organization, organization_coordsys_id, definition "
                + "FROM gpkg_spatial_ref_sys WHERE srs_id = ?")) {
            ps.setInt(1, srsId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || srsId == 0 || srsId == -1) {
                    // 0 and -1 are the specification's "undefined geographic/Cartesian": nothing declared
                    notes.add("GeoPackage 未定义坐标系（srs_id " + srsId + "），需指定 / undefined CRS (srs_id "
                            + srsId + "); one must be given");
                    return null;
                }
                if ("EPSG".equalsIgnoreCase(rs.getString(1))) {
                    return CrsRef.of(rs.getInt(2));   // an unsupported code says so by its number
                }
                return PrjReader.identify(rs.getString(3));
            }
        }
    }

    /** SQLite's type-affinity rules (§3.1 of its datatype page), with GeoPackage's BOOLEAN. */
    private static Field.Type type(String declared) {
        if (declared.equals("BOOLEAN")) {
            return Field.Type.BOOLEAN;
        }
        if (declared.contains("INT")) {
            return Field.Type.INTEGER;
        }
        if (declared.contains("REAL") || declared.contains("FLOA") || declared.contains("DOUB")) {
            return Field.Type.REAL;
        }
        return Field.Type.STRING;   // TEXT, DATE, DATETIME and anything else
    }

    private static Object value(ResultSet rs, int column, Field.Type type) throws SQLException {
        Object v = switch (type) {
            case INTEGER -> rs.getLong(column);
            case REAL -> rs.getDouble(column);
            case BOOLEAN -> rs.getInt(column) != 0;
            default -> rs.getString(column);
        };
        return rs.wasNull() ? null : v;
    }

    private static boolean hasTable(Connection db, String name) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The driver would only say "file is not a database" at the first query: check the 16-byte magic first. */
    private static void checkSqliteHeader(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SQLITE_MAGIC.length);
        } catch (IOException e) {
            throw ImportException.unreadable(UNREADABLE, e);
        }
        if (!Arrays.equals(head, SQLITE_MAGIC)) {
            throw new ImportException(NOT_SQLITE, "文件不是 GeoPackage（不是 SQLite 数据库）",
                    "the file is not a GeoPackage (not an SQLite database)");
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}

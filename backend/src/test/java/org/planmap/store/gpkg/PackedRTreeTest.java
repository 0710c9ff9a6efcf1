package org.planmap.store.gpkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * The packed R-tree against SQLite's own: the same boxes inserted one by one through the rtree module into one
 * table and packed into another must store the same leaves, answer the same searches, pass the module's own
 * {@code rtreecheck()}, and stay a tree the module keeps up afterwards.
 */
class PackedRTreeTest {

    private Connection db;

    @BeforeEach
    void open() throws SQLException {
        db = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (Statement s = db.createStatement()) {
            s.execute("CREATE VIRTUAL TABLE inserted USING rtree(id, minx, maxx, miny, maxy)");
            s.execute("CREATE VIRTUAL TABLE packed USING rtree(id, minx, maxx, miny, maxy)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    /**
     * Boxes of Shanxi's fields and counties, plus coordinates no float holds (0.1), below zero, exact floats,
     * points, and enough of them for a tree three levels deep at 51 cells a node.
     */
    private static List<Envelope> boxes(int n) {
        Random random = new Random(13);
        List<Envelope> boxes = new ArrayList<>();
        boxes.add(new Envelope(0.1, 0.30000000000000004, -0.1, 0.2));
        boxes.add(new Envelope(-112.5, -112.25, -37.75, -37.5));
        boxes.add(new Envelope(113.0, 113.0, 36.0, 36.0));
        boxes.add(new Envelope(-1e-9, 1e-9, -1e-12, 1e-300));
        while (boxes.size() < n) {
            double x = 110.2 + random.nextDouble() * 4.3;
            double y = 34.5 + random.nextDouble() * 6;
            double size = random.nextInt(50) == 0 ? random.nextDouble() : random.nextDouble() * 0.002;
            boxes.add(new Envelope(x, x + size, y, y + size * 0.8));
        }
        return boxes;
    }

    private void load(List<Envelope> boxes) throws SQLException {
        PackedRTree packed = new PackedRTree(db, "packed");
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO inserted VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < boxes.size(); i++) {
                Envelope e = boxes.get(i);
                ps.setLong(1, i + 1);
                ps.setDouble(2, e.getMinX());
                ps.setDouble(3, e.getMaxX());
                ps.setDouble(4, e.getMinY());
                ps.setDouble(5, e.getMaxY());
                ps.addBatch();
                packed.add(i + 1, e);
            }
            ps.executeBatch();
        }
        packed.write(db);
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    @Test
    void storesTheLeavesTheModuleWouldAndPassesItsCheck() throws SQLException {
        load(boxes(30_000));
        assertThat(rows("SELECT rtreecheck('packed')")).containsExactly("ok|");
        List<String> packed = rows("SELECT * FROM packed ORDER BY id");
        assertThat(packed).hasSize(30_000).isEqualTo(rows("SELECT * FROM inserted ORDER BY id"));
        // the depth the module reads from the root: 30 000 boxes at 51 a node make three levels
        assertThat(rows("SELECT hex(substr(data, 1, 2)) FROM packed_node WHERE nodeno = 1")).containsExactly("0002|");
        for (String box : List.of("112.5 AND 112.6 AND 37.8 AND 37.9", "0 AND 0.2 AND -1 AND 1", "-200 AND 200 AND -90 AND 90",
                "113 AND 113 AND 36 AND 36")) {
            String[] b = box.split(" AND ");
            String where = " WHERE maxx >= " + b[0] + " AND minx <= " + b[1] + " AND maxy >= " + b[2] + " AND miny <= " + b[3]
                    + " ORDER BY id";
            assertThat(rows("SELECT id FROM packed" + where)).isEqualTo(rows("SELECT id FROM inserted" + where));
        }
    }

    @Test
    void theModuleKeepsThePackedTreeUpAfterwards() throws SQLException {
        load(boxes(5_000));
        try (Statement s = db.createStatement()) {
            for (String t : List.of("inserted", "packed")) {
                s.execute("DELETE FROM " + t + " WHERE id % 3 = 0");
                s.execute("UPDATE " + t + " SET minx = minx + 0.5, maxx = maxx + 0.5 WHERE id % 7 = 0");
                s.execute("INSERT INTO " + t + " VALUES (100000, 111.0, 111.5, 36.0, 36.5)");
            }
        }
        assertThat(rows("SELECT rtreecheck('packed')")).containsExactly("ok|");
        assertThat(rows("SELECT * FROM packed ORDER BY id")).isEqualTo(rows("SELECT * FROM inserted ORDER BY id"));
        assertThat(rows("SELECT id FROM packed WHERE maxx >= 111.2 AND minx <= 111.3 AND maxy >= 36.2 AND miny <= 36.3"))
                .contains("100000|");
    }

    @Test
    void aTreeOfOneBoxIsItsRootAndOfNoneStaysEmpty() throws SQLException {
        new PackedRTree(db, "packed").write(db);
        assertThat(rows("SELECT rtreecheck('packed')")).containsExactly("ok|");
        assertThat(rows("SELECT count(*) FROM packed")).containsExactly("0|");
        load(List.of(new Envelope(112, 113, 37, 38)));
        assertThat(rows("SELECT rtreecheck('packed')")).containsExactly("ok|");
        assertThat(rows("SELECT * FROM packed")).isEqualTo(rows("SELECT * FROM inserted")).hasSize(1);
    }
}

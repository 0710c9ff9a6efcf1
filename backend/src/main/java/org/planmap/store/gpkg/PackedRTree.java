package org.planmap.store.gpkg;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.AbstractNode;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.STRtree;
import org.planmap.store.JdbcColumns;

/**
 * The R-tree of a freshly written feature table, packed at once: the row envelopes are grouped by JTS's
 * sort-tile-recursive packing and the nodes written straight into the three tables behind SQLite's rtree module
 * ({@code _node}, {@code _rowid}, {@code _parent}), in the format its rtree.c reads and {@code rtreecheck()}
 * verifies. Inserting the envelopes one by one through the virtual table (each insert descends the tree and splits
 * R*-style; no order of the inserts helped) took a quarter of the CPU of the thread storing 500 000 polygons, against
 * a tenth for the packing and these writes. GDAL fills the R-trees of the GeoPackages it writes the same way.
 *
 * <p>The leaves hold exactly what an INSERT would have stored: each box widened to float precision as rtree.c rounds
 * it. Only the tree's shape differs (full nodes, grouped by STR), and the module keeps it up as usual afterwards.
 * The rtree table must be empty (just created) and the load runs in the transaction that writes the rows.
 */
final class PackedRTree {

    /** Bytes of a 2-D cell: the 64-bit id, then minx, maxx, miny, maxy as 32-bit floats. */
    private static final int CELL = 8 + 4 * 4;
    /** rtree.c's rounding factors (RNDTOWARDS, RNDAWAY): a box is widened outwards to the next float. */
    private static final double TOWARDS = 1.0 - 1.0 / 8388608.0;
    private static final double AWAY = 1.0 + 1.0 / 8388608.0;
    private static final long ROOT = 1;
    private static final int BATCH = 1000;

    private final String rtree;
    private final int nodeBytes;
    private final STRtree tree;
    /** The rows' ids in the order given (ascending), and the leaf each one lands in, by that order. */
    private long[] ids = new long[1024];
    private long[] leaves;
    private int count;
    private long nextNode = ROOT + 1;

    /** For the (empty) rtree table {@code rtree}: its node size is that of the root node the module created. */
    PackedRTree(Connection db, String rtree) throws SQLException {
        this.rtree = rtree;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT length(data) FROM " + shadow("node") + " WHERE nodeno = " + ROOT)) {
            if (!rs.next()) {
                throw new SQLException("the R-tree " + rtree + " has no root node");
            }
            nodeBytes = rs.getInt(1);
        }
        tree = new STRtree((nodeBytes - 4) / CELL);
    }

    /** The envelope of row {@code fid}, given in ascending fid order; the envelope object is kept, so it must not change. */
    void add(long fid, Envelope envelope) {
        if (count == ids.length) {
            ids = Arrays.copyOf(ids, count * 2);
        }
        ids[count] = fid;
        tree.insert(envelope, count++);
    }

    /** Writes the nodes; an R-tree given no envelope keeps the empty root node it was created with. */
    void write(Connection db) throws SQLException {
        if (tree.isEmpty()) {
            return;
        }
        leaves = new long[count];
        try (Shadow shadow = new Shadow(db)) {
            node(shadow, (AbstractNode) tree.getRoot(), ROOT);
            // in fid order, the map of rows to leaves is appended to rather than inserted all over its B-tree
            for (int i = 0; i < count; i++) {
                shadow.row(ids[i], leaves[i]);
            }
            shadow.flush();
        }
    }

    /**
     * Writes {@code node} as node number {@code number} and its subtree below it, returning the box its cell in the
     * parent gets: the union of its cells' float boxes, so it holds them exactly.
     */
    private float[] node(Shadow shadow, AbstractNode node, long number) throws SQLException {
        ByteBuffer blob = ByteBuffer.allocate(nodeBytes);   // big-endian, as rtree.c reads it
        // the root's first two bytes are the tree's depth (leaves 0), as JTS counts levels
        blob.putShort((short) (number == ROOT ? node.getLevel() : 0)).putShort((short) node.getChildBoundables().size());
        float[] box = {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (Object child : node.getChildBoundables()) {
            long id;
            float[] cell;
            if (child instanceof ItemBoundable item) {
                int i = (Integer) item.getItem();
                id = ids[i];
                leaves[i] = number;
                Envelope e = (Envelope) item.getBounds();
                cell = new float[] {down(e.getMinX()), up(e.getMaxX()), down(e.getMinY()), up(e.getMaxY())};
            } else {
                id = nextNode++;
                cell = node(shadow, (AbstractNode) child, id);
                shadow.parent(id, number);
            }
            blob.putLong(id);
            for (float c : cell) {
                blob.putFloat(c);
            }
            box[0] = Math.min(box[0], cell[0]);
            box[1] = Math.max(box[1], cell[1]);
            box[2] = Math.min(box[2], cell[2]);
            box[3] = Math.max(box[3], cell[3]);
        }
        shadow.node(number, blob.array());
        return box;
    }

    /** rtree.c's rtreeValueDown: the largest float not above {@code d}, as the module stores a minimum. */
    static float down(double d) {
        float f = (float) d;
        return f > d ? (float) (d * (d < 0 ? AWAY : TOWARDS)) : f;
    }

    /** rtree.c's rtreeValueUp: the smallest float not below {@code d}, as the module stores a maximum. */
    static float up(double d) {
        float f = (float) d;
        return f < d ? (float) (d * (d < 0 ? TOWARDS : AWAY)) : f;
    }

    private String shadow(String suffix) {
        return JdbcColumns.quote(rtree + "_" + suffix);
    }

    /** The three shadow tables' inserts, batched. */
    private final class Shadow implements AutoCloseable {
        private final PreparedStatement nodes;
        private final PreparedStatement rows;
        private final PreparedStatement parents;
        private int pending;

        Shadow(Connection db) throws SQLException {
            // the root node exists (empty) since the table was created: replaced, like every other node written
            nodes = db.prepareStatement("INSERT OR REPLACE INTO " + shadow("node") + " (nodeno, data) VALUES (?, ?)");
            rows = db.prepareStatement("INSERT INTO " + shadow("rowid") + " (rowid, nodeno) VALUES (?, ?)");
            parents = db.prepareStatement("INSERT INTO " + shadow("parent") + " (nodeno, parentnode) VALUES (?, ?)");
        }

        void node(long number, byte[] data) throws SQLException {
            nodes.setLong(1, number);
            nodes.setBytes(2, data);
            add(nodes);
        }

        void row(long id, long node) throws SQLException {
            rows.setLong(1, id);
            rows.setLong(2, node);
            add(rows);
        }

        void parent(long node, long parent) throws SQLException {
            parents.setLong(1, node);
            parents.setLong(2, parent);
            add(parents);
        }

        private void add(PreparedStatement ps) throws SQLException {
            ps.addBatch();
            if (++pending % BATCH == 0) {
                flush();
            }
        }

        void flush() throws SQLException {
            nodes.executeBatch();
            rows.executeBatch();
            parents.executeBatch();
        }

        @Override
        public void close() throws SQLException {
            try (nodes; rows; parents) {
                // closed, whether the nodes were all written or not
            }
        }
    }
}

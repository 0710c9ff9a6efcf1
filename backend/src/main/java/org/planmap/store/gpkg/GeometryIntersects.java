package org.planmap.store.gpkg;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.sqlite.Function;

/**
 * {@code planmap_intersects(geom, wkb)}: whether a GeoPackage geometry blob intersects a WKB geometry (1, or 0
 * for none), JTS's answer from a prepared geometry. SQLite has no spatial functions of its own (SpatiaLite is not
 * a dependency), and a CQL2 S_INTERSECTS may sit anywhere in a filter, under OR or NOT, so the exact test is a
 * function of the SQL rather than a pass over the rows in Java. Registered on each read connection, which one
 * thread uses at a time, so the prepared geometry is kept between rows without locking.
 */
final class GeometryIntersects extends Function {

    static final String NAME = "planmap_intersects";

    private final WKBReader reader = new WKBReader();
    private byte[] preparedWkb;
    private PreparedGeometry prepared;

    static void register(Connection db) throws SQLException {
        Function.create(db, NAME, new GeometryIntersects());
    }

    @Override
    protected void xFunc() throws SQLException {
        byte[] blob = value_blob(0);
        byte[] wkb = value_blob(1);
        if (!Arrays.equals(wkb, preparedWkb)) {
            try {
                prepared = PreparedGeometryFactory.prepare(reader.read(wkb));
            } catch (ParseException e) {
                throw new SQLException("not a WKB geometry: " + e.getMessage(), e);
            }
            preparedWkb = wkb;
        }
        Geometry g = blob == null ? null : GeoPackageBinary.decode(blob, reader).geometry();
        result(g != null && !g.isEmpty() && prepared.intersects(g) ? 1 : 0);
    }
}

package org.planmap.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.locationtech.jts.geom.Envelope;

/**
 * A feature table's extent in gpkg_contents, written after its rows: tables are created before their features are
 * read (by the store and by the GeoPackage export alike), so the extent is only known at the end.
 */
public final class ContentsExtent {

    private ContentsExtent() {
    }

    /** Sets {@code table}'s extent; an empty one (no geometry) leaves the row as it was. */
    public static void write(Connection db, String table, Envelope extent) throws SQLException {
        if (extent.isNull()) {
            return;
        }
        try (PreparedStatement ps = db.prepareStatement(
                "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?")) {
            ps.setDouble(1, extent.getMinX());
            ps.setDouble(2, extent.getMinY());
            ps.setDouble(3, extent.getMaxX());
            ps.setDouble(4, extent.getMaxY());
            ps.setString(5, table);
            ps.executeUpdate();
        }
    }
}

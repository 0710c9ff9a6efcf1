package org.planmap.account;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedRecordsTest extends RecordsContract {

    @TempDir
    Path dir;

    @Override
    SqlRecords open() {
        return SqlRecords.embedded(dir);
    }

    @Override
    Connection raw() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqlRecords.EMBEDDED_FILE));
    }

    @Override
    String auditTable() {
        return "audit";
    }
}

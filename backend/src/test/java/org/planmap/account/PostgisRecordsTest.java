package org.planmap.account;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.planmap.PostgisTest;
import org.planmap.store.postgis.TestPostgis;

@PostgisTest
class PostgisRecordsTest extends RecordsContract {

    private final String schema = TestPostgis.freshSchema();

    @AfterEach
    void drop() {
        TestPostgis.dropSchema(schema);
    }

    @Override
    SqlRecords open() {
        return SqlRecords.postgis(TestPostgis.url(), TestPostgis.user(), TestPostgis.password(), schema);
    }

    @Override
    Connection raw() throws SQLException {
        return TestPostgis.connect();
    }

    @Override
    String auditTable() {
        return schema + ".audit";
    }
}

package org.planmap.account;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.planmap.PostgisTest;
import org.planmap.store.postgis.PostgisSchema;
import org.planmap.store.postgis.TestPostgis;

@PostgisTest
class PostgisRecordsTest extends RecordsContract {

    @RegisterExtension
    final PostgisSchema schema = new PostgisSchema();

    @Override
    SqlRecords open() {
        return SqlRecords.postgis(TestPostgis.url(), TestPostgis.user(), TestPostgis.password(), schema.name());
    }

    @Override
    Connection raw() throws SQLException {
        return TestPostgis.connect();
    }

    @Override
    String auditTable() {
        return schema.name() + ".audit";
    }
}

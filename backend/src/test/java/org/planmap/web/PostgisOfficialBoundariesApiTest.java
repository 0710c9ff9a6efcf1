package org.planmap.web;

import org.junit.jupiter.api.AfterAll;
import org.planmap.store.postgis.TestPostgis;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link OfficialBoundariesApiTest} with the layers, their versions, the ledger and the audit log in PostGIS. */
@org.planmap.PostgisTest
@DirtiesContext // closes the pool before the schema is dropped
class PostgisOfficialBoundariesApiTest extends OfficialBoundariesApiTest {

    static final String SCHEMA = TestPostgis.freshSchema();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgis.settings(registry, SCHEMA);
    }

    @AfterAll
    static void dropSchema() {
        TestPostgis.dropSchema(SCHEMA);
    }
}

package org.planmap.web;

import org.junit.jupiter.api.AfterAll;
import org.planmap.store.postgis.TestPostgis;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link VersionApiTest} with the layers, their versions and the audit log in PostGIS. */
@org.planmap.PostgisTest
@DirtiesContext // closes the pool before the schema is dropped
class PostgisVersionApiTest extends VersionApiTest {

    static final String SCHEMA = TestPostgis.freshSchema();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("planmap.db-url", TestPostgis::url);
        registry.add("planmap.db-user", TestPostgis::user);
        registry.add("planmap.db-password", () -> TestPostgis.password() == null ? "" : TestPostgis.password());
        registry.add("planmap.db-schema", () -> SCHEMA);
    }

    @AfterAll
    static void dropSchema() {
        TestPostgis.dropSchema(SCHEMA);
    }
}

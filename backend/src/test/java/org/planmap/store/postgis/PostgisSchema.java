package org.planmap.store.postgis;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A schema of its own for each test of a plain (not Spring) test on {@link TestPostgis}'s database:
 * {@code @RegisterExtension final PostgisSchema schema = new PostgisSchema();}. The test fails before it starts when
 * no PostGIS is named; the schema is dropped after the test's own {@code @AfterEach} methods, so that the stores and
 * servers they close have let go of it. Spring tests use {@code @PostgisServerTest} instead.
 */
public final class PostgisSchema implements BeforeEachCallback, AfterEachCallback {

    private final String name = TestPostgis.freshSchema();

    public String name() {
        return name;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        TestPostgis.url();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestPostgis.dropSchema(name);
    }
}

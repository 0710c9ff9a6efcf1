package org.planmap;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.planmap.store.postgis.TestPostgis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.TestExecutionListeners;

/**
 * A Spring test whose planmap stores its layers, versions and records in PostGIS ({@link TestPostgis}), in a schema
 * of the test class's own: the class fails before its server starts when no PostGIS is named, and after its last
 * test the server is closed — its pool, its LISTEN connection — and then the schema dropped. A class's own
 * {@code @DynamicPropertySource} still wins over these settings (PostgisOutageTest adds a password to the URL).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PostgisTest
@ContextCustomizerFactories(PostgisServerTest.Schema.class)
@TestExecutionListeners(listeners = PostgisServerTest.DropSchema.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface PostgisServerTest {

    /** Puts the {@code planmap.db-*} settings of the class's schema under the class's own dynamic properties. */
    final class Schema implements ContextCustomizerFactory {
        private static final Map<Class<?>, String> SCHEMAS = new ConcurrentHashMap<>();

        /** The schema of a test class: one name per class however often Spring asks (its context cache key). */
        public static String of(Class<?> testClass) {
            return SCHEMAS.computeIfAbsent(testClass, c -> TestPostgis.freshSchema());
        }

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
            return new Settings(of(testClass));
        }
    }

    /** A record, so that Spring's context cache tells the classes' servers apart by their schema. */
    record Settings(String schema) implements ContextCustomizer {
        /** Where Spring keeps {@code @DynamicPropertySource} values ({@code DynamicValuesPropertySource}). */
        static final String DYNAMIC = "Dynamic Test Properties";

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            MapPropertySource settings = new MapPropertySource("PostGIS schema " + schema,
                    Map.copyOf(TestPostgis.settings(schema)));
            if (sources.contains(DYNAMIC)) {
                sources.addAfter(DYNAMIC, settings);
            } else {
                sources.addFirst(settings);
            }
        }
    }

    /** Fails early without a PostGIS; after the class, closes its server and drops its schema, in that order. */
    final class DropSchema implements TestExecutionListener, Ordered {

        /** First before the class and last after it, so that no other listener asks for the closed server again. */
        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void beforeTestClass(TestContext testContext) {
            TestPostgis.url();
        }

        @Override
        public void afterTestClass(TestContext testContext) {
            if (testContext.hasApplicationContext()) {
                testContext.markApplicationContextDirty(DirtiesContext.HierarchyMode.EXHAUSTIVE);
            }
            TestPostgis.dropSchema(Schema.of(testContext.getTestClass()));
        }
    }
}

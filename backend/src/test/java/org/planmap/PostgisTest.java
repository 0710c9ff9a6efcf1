package org.planmap;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * Needs a real PostGIS ({@code PLANMAP_TEST_PG_URL}), which bin/test starts; without it such a test fails, never skips.
 * The fast lane (`mvn test`) leaves these out; `bin/test` (`-Pall`) runs them (docs/testing.md). Each test works in a
 * schema of its own: a Spring test by {@link PostgisServerTest} (which carries this tag), a plain one by the
 * extension {@code store.postgis.PostgisSchema}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("postgis")
public @interface PostgisTest {
}

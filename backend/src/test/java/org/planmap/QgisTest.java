package org.planmap;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * Starts headless QGIS (Debian python3-qgis, {@code QT_QPA_PLATFORM=offscreen}) to read what planmap wrote: seconds of
 * Qt start-up per run. The fast lane (`mvn test`) leaves these out; `bin/test` (`-Pall`) installs QGIS and runs them
 * (docs/testing.md).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("qgis")
public @interface QgisTest {
}

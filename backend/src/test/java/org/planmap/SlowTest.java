package org.planmap;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * In process but costly for what a usual change risks: a whole-province import re-run, a server of its own fed
 * tens of megabytes of hostile files, a 120 000-feature export, every layer exported in every format and read
 * back by GDAL, 50 000 demonstration features generated. The fast lane (`mvn test`) leaves these out; `bin/test`
 * (`-Pall`) runs them
 * (docs/testing.md).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface SlowTest {
}

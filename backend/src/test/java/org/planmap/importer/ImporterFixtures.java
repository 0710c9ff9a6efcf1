package org.planmap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.planmap.store.Feature;

/** The GDAL-made files under src/test/resources/importer (see its README), and a check for refusals. */
public final class ImporterFixtures {

    private ImporterFixtures() {
    }

    public static Path file(String name) {
        try {
            return Path.of(ImporterFixtures.class.getResource("/importer/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads all of a source's features (a reader may stream them only when asked). */
    public static List<Feature> features(SourceData data) {
        List<Feature> out = new ArrayList<>();
        data.features().forEach(out::add);
        return out;
    }

    /** Runs {@code call}, which must refuse with {@code code} and a message in both languages. */
    public static ImportException refused(String code, ThrowingCallable call) {
        ImportException e = catchThrowableOfType(ImportException.class, call);
        assertThat(e).as("an ImportException " + code).isNotNull();
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.messageZh()).isNotBlank().matches(".*[\\u4e00-\\u9fff].*");
        assertThat(e.messageEn()).isNotBlank();
        return e;
    }
}

package org.planmap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.planmap.store.Feature;

/** The GDAL-made files under src/test/resources/importer (see its README), a check for refusals, a zip patcher. */
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
    public static List<Feature> features(FileContents data) {
        List<Feature> out = new ArrayList<>();
        data.features().forEach(out::add);
        return out;
    }

    /** java.util.zip cannot write a symlink entry: patch the central directory as Info-ZIP's {@code zip -y} would. */
    public static byte[] markAsSymlink(byte[] zip, String name) {
        byte[] b = zip.clone();
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        for (int p = 0; p + 46 < b.length; p++) {
            if (buf.getInt(p) == 0x02014b50) {
                int len = buf.getShort(p + 28);
                if (new String(b, p + 46, len, StandardCharsets.UTF_8).equals(name)) {
                    b[p + 5] = 3;
                    buf.putInt(p + 38, 0120777 << 16);
                }
            }
        }
        return b;
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

package org.planmap.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.io.WKTReader;
import org.planmap.style.MapStyles;
import org.planmap.crs.CrsRef;
import org.planmap.layer.FeaturePage;
import org.planmap.store.Feature;
import org.planmap.store.FeatureCursor;
import org.planmap.store.Field;
import org.planmap.store.LayerInfo;

class GeoPackageEncoderTest {

    @TempDir
    Path work;

    @Test
    void anExportLeavesNoTemporaryFileBehindWhetherItSucceedsOrFails() throws Exception {
        LayerInfo layer = new LayerInfo("t", "测试", "MULTIPOLYGON", "EPSG:4326", "test", 1, List.of(),
                List.of(new Field("name", Field.Type.STRING, "名称")), "1");
        Feature f = new Feature("a", new WKTReader().read("MULTIPOLYGON (((111 37, 112 37, 112 38, 111 37)))"),
                Map.of("name", "孝义市"));
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("the client went away");
            }
        };
        ByteArrayOutputStream ok = new ByteArrayOutputStream();
        new GeoPackageEncoder(work, MapStyles.fromClasspath()).write(page(layer, f), ok);
        assertThat(new String(ok.toByteArray(), 0, 15, StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3");
        assertThat(leftovers()).isZero();
        assertThatThrownBy(() -> new GeoPackageEncoder(work, MapStyles.fromClasspath()).write(page(layer, f), broken))
                .isInstanceOf(IOException.class).hasMessageContaining("went away");
        assertThat(leftovers()).isZero();
    }

    private static FeaturePage page(LayerInfo layer, Feature f) {
        return new FeaturePage(layer, FeatureCursor.of(List.of(f)), OptionalLong.empty(), CrsRef.of(4546));
    }

    private long leftovers() throws IOException {
        try (Stream<Path> files = Files.list(work)) {
            return files.filter(p -> p.getFileName().toString().startsWith(ScratchDirectory.PREFIX)).count();
        }
    }
}

package org.planmap.controlline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.planmap.boundary.BoundaryFiles;
import org.planmap.boundary.BoundarySet;
import org.planmap.importer.ImportLimits;
import org.planmap.importer.FileContents;
import org.planmap.importer.gpkg.GeoPackageReader;
import org.planmap.layer.LayerContent;
import org.planmap.plan.CountyDirectory;
import org.planmap.plan.PlanTables;
import org.planmap.store.Feature;
import org.planmap.store.FeatureStoreContract;

/** The generator's GeoPackages: what GDAL finds in them, and what planmap's own reader reads back. */
class GenerateControlLinesCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesOneGeoPackagePerLineThatGdalAndTheImporterRead() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = GenerateControlLinesCommand.run(List.of("--total", "3000", "--out", dir.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("3000 features");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "ecological-protection-redline.gpkg", "permanent-basic-farmland.gpkg", "urban-development-boundary.gpkg");
        }

        BoundarySet boundaries = BoundaryFiles.fromClasspath();
        CountyDirectory directory = new CountyDirectory(boundaries, PlanTables.fromClasspath());
        Map<ControlLine, LayerContent> expected = DemoControlLines.generate(boundaries, directory,
                DemoControlLines.DEFAULT_SEED, DemoScale.ofTotal(3000));
        for (ControlLine line : ControlLine.values()) {
            Path file = dir.resolve(line.layerId() + ".gpkg");
            List<Feature> want = expected.get(line).features();
            String info = ogrinfo("-so", "-al", file.toString());
            assertThat(info).contains("Feature Count: " + want.size(), "Multi Polygon", "WGS 84");

            // a window over Taiyuan: GDAL answers it through the file's R-tree, so this checks the index too
            Envelope window = new Envelope(112.3, 112.8, 37.6, 38.1);
            long inWindow = want.stream().filter(f -> f.geometry().getEnvelopeInternal().intersects(window)).count();
            assertThat(ogrinfo("-so", "-al", "-spat", "112.3", "37.6", "112.8", "38.1", file.toString()))
                    .contains("Feature Count: " + inWindow);

            FileContents read = new GeoPackageReader().read(file, ImportLimits.DEFAULT);
            List<Feature> got = new ArrayList<>();
            read.features().forEach(got::add);
            FeatureStoreContract.assertSameFeatures(got, want);
        }
    }

    @Test
    void aMissingOutputDirectoryIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = GenerateControlLinesCommand.run(List.of("--total", "3000"), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
    }

    private static String ogrinfo(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("ogrinfo", "-ro"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }
}

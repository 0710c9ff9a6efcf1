package org.planmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.boundary.OfficialCountiesReport;
import org.planmap.controlline.ConflictLayer;
import org.planmap.controlline.LedgerService;
import org.planmap.layer.LayerService;
import org.planmap.plan.CurrentBoundaries;
import org.planmap.plan.CurrentBoundariesTest;
import org.planmap.plan.OfficialBoundaryImport;
import org.planmap.store.LayerInfo;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A restart on the data directory of an earlier start writes and computes nothing: every layer keeps its version,
 * the ledger is read back as kept, not computed; and "planmap ready on …" is said once the port accepts
 * connections. Two starts in this JVM, one after the other, as an operator's restart: tens of seconds, so in the
 * full lane ({@link SlowTest}).
 */
@SlowTest
@ExtendWith(OutputCaptureExtension.class)
class RestartTest {

    @TempDir
    Path dir;

    record Start(Map<String, String> versions, int ledgerComputations, List<org.planmap.controlline.ControlLineLedger.Row> ledger, String log) {
    }

    Start start(CapturedOutput output) throws Exception {
        int logFrom = output.getOut().length();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PlanmapApplication.class)
                .run("--server.port=0", "--planmap.data-dir=" + dir)) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 1000);
            }
            String log = output.getOut().substring(logFrom);
            assertThat(log).contains("planmap ready on http://localhost:" + port);
            LedgerService ledger = context.getBean(LedgerService.class);
            Map<String, String> versions = context.getBean(LayerService.class).layers().stream()
                    .collect(Collectors.toMap(LayerInfo::id, LayerInfo::version));
            return new Start(versions, ledger.computations(), ledger.rows(LedgerService.Level.COUNTY), log);
        }
    }

    /**
     * With a department's county boundaries in force, a restart comes up with them: read back from the store, the
     * layers made of them and the ledger as they were, nothing written or computed.
     */
    @Test
    void aRestartKeepsTheOfficialBoundariesInForce(CapturedOutput output) throws Exception {
        Path file = CurrentBoundariesTest.departmentFile(Files.createDirectories(dir.resolve("department")));
        double shrunkKm2;
        Map<String, String> versions;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PlanmapApplication.class)
                .run("--server.port=0", "--planmap.data-dir=" + dir.resolve("store"))) {
            OfficialCountiesReport report = context.getBean(OfficialBoundaryImport.class).replace(
                    Files.copy(file, dir.resolve("upload.part")), "official.geojson", null, "0".repeat(64), "DM",
                    Optional.empty(), "admin");
            assertThat(report.problems()).isEmpty();
            CurrentBoundaries boundaries = context.getBean(CurrentBoundaries.class);
            assertThat(boundaries.current().official()).isTrue();
            shrunkKm2 = boundaries.directory().byAdcode(CurrentBoundariesTest.SHRUNK).orElseThrow().areaKm2();
            versions = context.getBean(LayerService.class).layers().stream()
                    .collect(Collectors.toMap(LayerInfo::id, LayerInfo::version));
        }
        int logFrom = output.getOut().length();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PlanmapApplication.class)
                .run("--server.port=0", "--planmap.data-dir=" + dir.resolve("store"))) {
            CurrentBoundaries boundaries = context.getBean(CurrentBoundaries.class);
            assertThat(boundaries.current().official()).isTrue();
            assertThat(boundaries.directory().byAdcode(CurrentBoundariesTest.SHRUNK).orElseThrow().areaKm2())
                    .isEqualTo(shrunkKm2);
            assertThat(context.getBean(LayerService.class).layers().stream()
                    .collect(Collectors.toMap(LayerInfo::id, LayerInfo::version))).isEqualTo(versions);
            assertThat(context.getBean(LedgerService.class).computations()).as("the ledger read back as kept").isZero();
            assertThat(output.getOut().substring(logFrom)).doesNotContain("stored layer")
                    .doesNotContain("stored demonstration");
        }
    }

    @Test
    void aRestartOnTheSameDataComputesNothing(CapturedOutput output) throws Exception {
        Start first = start(output);
        assertThat(first.ledgerComputations()).isEqualTo(1);
        assertThat(first.log()).contains("stored layer counties").contains("stored demonstration control lines");

        Start again = start(output);
        assertThat(again.versions()).isEqualTo(first.versions()).containsKey(ConflictLayer.ID);
        assertThat(again.ledgerComputations()).as("the ledger read back as kept").isZero();
        assertThat(again.ledger()).isEqualTo(first.ledger());
        assertThat(again.log()).doesNotContain("stored layer").doesNotContain("stored demonstration")
                .doesNotContain("ledger recomputed").contains("control-line ledger as kept for");
    }

    /** What an import killed mid-way left in the uploads directory is gone once the server is up again. */
    @Test
    void aStartClearsWhatInterruptedImportsLeftInTheUploads(CapturedOutput output) throws Exception {
        Path store = PreparedDataDirectory.copyTo(dir.resolve("store"));
        Path uploads = Files.createDirectories(store.resolve("uploads"));
        Files.write(uploads.resolve("upload-4711.part"), new byte[1000]);
        Files.write(Files.createDirectories(uploads.resolve("shapefile-4712")).resolve("county.dbf"), new byte[24]);
        int logFrom = output.getOut().length();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PlanmapApplication.class)
                .run("--server.port=0", "--planmap.data-dir=" + store, "--planmap.small-layers.warm=false")) {
            try (var left = Files.list(uploads)) {
                assertThat(left.toList()).isEmpty();
            }
            assertThat(output.getOut().substring(logFrom)).contains("removed 2 files (1024 bytes) left in " + uploads);
        }
    }
}

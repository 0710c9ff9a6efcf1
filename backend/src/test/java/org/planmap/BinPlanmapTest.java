package org.planmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/planmap}, the documented way to start the server, as an operator runs it: on the jar the package
 * phase built (hence the {@code packaged} tag: bin/test runs it after {@code package}, see backend/pom.xml). The
 * first run after a build also extracts the jar and records the class cache (a first start and a recorded
 * restart, both on a throwaway data directory), so it takes that much longer; later runs start in seconds.
 */
@ChildJvmTest
@Tag("packaged")
class BinPlanmapTest {

    static final Path REPO = Path.of(System.getProperty("planmap.repo-root", "..")).toAbsolutePath().normalize();
    static final Path SCRIPT = REPO.resolve("bin/planmap");
    static final String READY = "planmap ready on http://";

    @TempDir
    Path data;
    @TempDir
    Path logs;

    @Test
    void startsOnAFreshDataDirectorySaysReadyOnceAnswersAndStopsOnSigterm() throws Exception {
        int port = freePort();
        Path log = logs.resolve("planmap.log");
        ProcessBuilder pb = new ProcessBuilder(SCRIPT.toString(), "--server.port=" + port,
                "--planmap.data-dir=" + data, "--planmap.security.editor-password=bin-planmap-test")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        try {
            awaitLine(p, log, READY, Duration.ofSeconds(900));   // two training starts and a first start, busy 2 cores
            HttpResponse<String> layers = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/layers")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(layers.statusCode()).isEqualTo(200);
            assertThat(layers.body()).contains("\"counties\"");
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            assertThat(lines.stream().filter(l -> l.contains(READY))).as("one ready line").hasSize(1)
                    .allSatisfy(l -> assertThat(l).endsWith(":" + port));
            String feature = Runtime.version().feature() >= 25 ? "planmap-" + Runtime.version().feature() + ".aot"
                    : "planmap-" + Runtime.version().feature() + ".jsa";
            assertThat(REPO.resolve("backend/target/planmap-run").resolve(feature))
                    .as("the class cache the script records and then maps").exists();
            String training = Files.readString(REPO.resolve("backend/target/planmap-run")
                    .resolve("training-" + Runtime.version().feature() + ".log"), StandardCharsets.UTF_8);
            assertThat(training).as("the cache is recorded on a restart that opened its port, what a restart loads")
                    .contains("control-line ledger as kept for").contains(READY);
            assertThat(data.resolve("planmap.gpkg")).as("the store in the data directory given").exists();
        } finally {
            p.destroy();   // the script exec's the JVM: this is SIGTERM to planmap itself
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        assertThat(p.exitValue()).as("a clean stop: 0, or 143 for the signal").isIn(0, 143);
    }

    @Test
    void aJavaHomeWithoutAJdkIsRefusedAtOnceWithAClearMessageAndNothingStarts() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(SCRIPT.toString(), "--server.port=" + freePort(),
                "--planmap.data-dir=" + data).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", "/usr/lib/jvm/no-jdk-25-here");
        Process p = pb.start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(out).contains("JAVA_HOME=/usr/lib/jvm/no-jdk-25-here has no bin/java")
                .contains("point it at a JDK 17 or later");
        try (var left = Files.list(data)) {
            assertThat(left).as("nothing written").isEmpty();
        }
    }

    private static void awaitLine(Process p, Path log, String text, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            if (!p.isAlive()) {
                throw new AssertionError("bin/planmap ended (" + p.exitValue() + ") before \"" + text + "\":\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no \"" + text + "\" within " + limit + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

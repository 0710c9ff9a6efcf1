package org.planmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server killed (SIGKILL) while an import is writing leaves a store that opens cleanly and still serves the
 * layer's previous version, with a version list that names it current and nothing of the killed import. Runs planmap in a child JVM on the test class path, so it can really be killed.
 */
@ChildJvmTest
class KilledImportTest {

    static final String PASSWORD = "killed-import-pw";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String LAYER = "permanent-basic-farmland";

    @TempDir
    Path dir;

    @Test
    void aKilledImportLeavesThePreviousVersion() throws Exception {
        Path data = dir.resolve("data");
        int port = freePort();
        Process server = start(data, port, dir.resolve("first.log"));
        String before;
        long featuresBefore;
        try {
            JsonNode layer = getJson(port, "/api/layers/" + LAYER);
            before = layer.get("version").asString();
            featuresBefore = layer.get("featureCount").asLong();
            Path big = bigGeoJson(dir.resolve("big.geojson"), 300_000);
            String job = upload(port, big);
            awaitStage(port, job, "写入数据库");
        } finally {
            server.destroyForcibly().waitFor();
        }

        Process again = start(data, port, dir.resolve("second.log"));
        try {
            JsonNode layer = getJson(port, "/api/layers/" + LAYER);
            assertThat(layer.get("version").asString()).isEqualTo(before);
            assertThat(layer.get("featureCount").asLong()).isEqualTo(featuresBefore);
            assertThat(getJson(port, "/api/layers/" + LAYER + "/features?limit=1").get("numberMatched").asLong())
                    .isEqualTo(featuresBefore);
            JsonNode versions = getJson(port, "/api/layers/" + LAYER + "/versions");
            assertThat(versions.size()).as("the killed import left no version: " + versions).isEqualTo(1);
            assertThat(versions.get(0).get("action").asString()).isEqualTo("demo");
            assertThat(versions.get(0).get("current").asBoolean()).isTrue();
            assertThat(versions.get(0).get("layerVersion").asString()).isEqualTo(before);
            assertThat(getJson(port, "/api/layers/" + LAYER + "/features?version=1&limit=1").get("numberMatched")
                    .asLong()).isEqualTo(featuresBefore);
        } finally {
            again.destroy();
            again.waitFor();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("planmap.gpkg"))) {
            try (ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT (SELECT count(*) FROM gpkg_contents "
                    + "WHERE data_type = 'features'), (SELECT count(*) FROM (SELECT table_name FROM planmap_layers "
                    + "UNION SELECT table_name FROM planmap_versions)), (SELECT count(*) FROM planmap_versions v WHERE "
                    + "NOT EXISTS (SELECT 1 FROM gpkg_contents g WHERE g.table_name = v.table_name))")) {
                rs.next();
                assertThat(rs.getInt(1)).as("no half-built table is left").isEqualTo(rs.getInt(2));
                assertThat(rs.getInt(3)).as("every version's table is there").isZero();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Process start(Path data, int port, Path log) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), PlanmapApplication.class.getName(),
                "--server.port=" + port, "--planmap.data-dir=" + data, "--planmap.security.editor-password=" + PASSWORD)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (HTTP.send(request(port, "/api/layers").build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return p;
                }
            } catch (IOException notYet) {
                Thread.sleep(300);
            }
            assertThat(p.isAlive()).as("server died at start, see " + log).isTrue();
        }
        p.destroyForcibly();
        throw new AssertionError("server did not start in time, see " + log);
    }

    static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
    }

    static JsonNode getJson(int port, String path) throws Exception {
        return JSON.readTree(HTTP.send(request(port, path).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Many small squares across central Shanxi: big enough that storing them takes a few seconds. */
    static Path bigGeoJson(Path file, int count) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"type\":\"FeatureCollection\",\"features\":[");
            for (int i = 0; i < count; i++) {
                double x = 111.5 + (i % 1000) * 0.001;
                double y = 37.0 + (i / 1000) * 0.003;
                w.write((i == 0 ? "" : ",") + String.format(Locale.ROOT,
                        "{\"type\":\"Feature\",\"properties\":{\"n\":%d},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                                + "[[[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f]]]}}",
                        i, x, y, x + 0.0008, y, x + 0.0008, y + 0.0008, x, y + 0.0008, x, y));
            }
            w.write("]}");
        }
        return file;
    }

    static String upload(int port, Path file) throws Exception {
        String boundary = "planmap-kill";
        List<byte[]> parts = new ArrayList<>();
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.geojson\"\r\n"
                + "Content-Type: application/geo+json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        parts.add(Files.readAllBytes(file));
        parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(request(port, "/api/layers/" + LAYER + "/import?wait=0")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("editor:" + PASSWORD).getBytes()))
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return JSON.readTree(r.body()).get("id").asString();
    }

    static void awaitStage(int port, String job, String stage) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            JsonNode s = getJson(port, "/api/import-jobs/" + job);
            assertThat(s.get("state").asString()).as("the import must still be running when killed: " + s)
                    .isIn("QUEUED", "RUNNING");
            if (stage.equals(s.get("stage").asString())) {
                Thread.sleep(200);
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the import never reached " + stage);
    }
}

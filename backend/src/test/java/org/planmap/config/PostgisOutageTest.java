package org.planmap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planmap.PostgisServerTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.planmap.store.postgis.TestPostgis;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database really stopped (pg_ctl stop on bin/test's throwaway cluster) while planmap runs on it: what needs
 * the database (a write) answers 503 with Retry-After and a bilingual problem document, quickly, while the small
 * layers held in memory per version ({@code ResidentLayers}) go on answering; after pg_ctl start the write
 * succeeds again without restarting planmap. Needs PLANMAP_TEST_PG_CTL (bin/test sets it); against a
 * database the test does not own it is skipped, since stopping someone's server is not a test's business. The
 * database passwords (in the URL and the setting) appear in no log line, neither at start nor in the outage.
 */
@PostgisServerTest
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostgisOutageTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String URL_SECRET = "url-secret-7d1c";
    static final String SETTING_SECRET = "setting-secret-9b2e";
    static final String QUERY = "/api/layers/counties/features?bbox=111.77,37.14,111.79,37.15";
    static final String EDITOR_PASSWORD = "outage-editor-pw";
    /** Resetting a control line to its demonstration data: a write, so it needs the database whatever is cached. */
    static final String WRITE = "/api/layers/urban-development-boundary";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // Passwords in the URL and the setting: bin/test's cluster trusts local connections and ignores them,
        // so they are sentinels the logs must never show, through the start and the outage's warnings.
        registry.add("planmap.db-url", () -> TestPostgis.url() + "?password=" + URL_SECRET);
        registry.add("planmap.db-password", () -> TestPostgis.password() == null ? SETTING_SECRET : TestPostgis.password());
        registry.add("planmap.security.editor-password", () -> EDITOR_PASSWORD);
    }

    @LocalServerPort
    int port;

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> write() throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString(("editor:" + EDITOR_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + WRITE)).DELETE()
                .header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static void ctl(String action) throws Exception {
        Process p = new ProcessBuilder(System.getenv("PLANMAP_TEST_PG_CTL"), action).inheritIO().start();
        assertThat(p.waitFor()).as("ctl " + action).isZero();
    }

    @Test
    void aStoppedDatabaseIs503AndServiceResumesWhenItIsBack(CapturedOutput output) throws Exception {
        Assumptions.assumeTrue(System.getenv("PLANMAP_TEST_PG_CTL") != null,
                "PLANMAP_TEST_PG_CTL unset: no database of our own to stop (bin/test provides one)");
        assertThat(get(QUERY).statusCode()).isEqualTo(200);

        ctl("stop");
        try {
            assertThat(get(QUERY).statusCode()).as("a resident small layer is served from memory").isEqualTo(200);
            long start = System.nanoTime();
            HttpResponse<String> down = write();
            assertThat((System.nanoTime() - start) / 1e9).as("fails fast, no hang").isLessThan(15);
            assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
            assertThat(down.headers().firstValue("Retry-After")).isPresent();
            assertThat(down.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            JsonNode problem = JsonMapper.builder().build().readTree(down.body());
            assertThat(problem.get("code").asString()).isEqualTo("store-unavailable");
            assertThat(problem.get("message").get("zh").asString()).contains("数据库");
            assertThat(down.body()).doesNotContain("Exception").doesNotContain("jdbc:");
        } finally {
            ctl("start");
        }

        long deadline = System.nanoTime() + 30_000_000_000L;
        int status;
        do {
            status = write().statusCode();
            if (status != 204) {
                Thread.sleep(500);
            }
        } while (status != 204 && System.nanoTime() < deadline);
        assertThat(status).as("writable again after the database is back, without a restart").isEqualTo(204);
        assertThat(JsonMapper.builder().build().readTree(get(QUERY).body()).get("features")
                .findValuesAsString("adcode")).contains("141181");
        assertThat(output.getAll()).contains("PostGIS store:", "store unavailable").doesNotContain(URL_SECRET)
                .doesNotContain(SETTING_SECRET);
    }
}

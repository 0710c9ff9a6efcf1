package org.planmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.controlline.ControlLine;
import org.planmap.controlline.LedgerService;
import org.planmap.importer.ImportService;
import org.planmap.importer.ImportStatus;
import org.planmap.store.postgis.PostgisSchema;
import org.planmap.store.postgis.TestPostgis;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two planmap servers on one PostGIS schema, as behind a load balancer: started together they take turns (the
 * second computes nothing), and an import through A is served by B within two seconds of A reporting it done —
 * the same layer version, the same ledger, the same tile — with the ledger computed once for both.
 */
@PostgisTest
class TwoServersTest {

    static final String LAYER = ControlLine.URBAN_DEVELOPMENT_BOUNDARY.layerId();
    /** A z6 tile over central Shanxi, where the imported boundary lies. */
    static final String LEDGER = "/api/control-lines/ledger?level=county";
    static final String TILE = "/api/tiles/" + LAYER + "/6/52/24.png";

    @RegisterExtension
    final PostgisSchema schema = new PostgisSchema();
    final HttpClient http = HttpClient.newHttpClient();
    ConfigurableApplicationContext a;
    ConfigurableApplicationContext b;

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;
    @TempDir
    Path uploads;

    ConfigurableApplicationContext start(Path dataDir) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--planmap.data-dir=" + dataDir));
        TestPostgis.settings(schema.name()).forEach((name, value) -> args.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(PlanmapApplication.class).run(args.toArray(String[]::new));
    }

    @AfterEach
    void stop() {
        for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {a, b}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void anImportThroughOneServerIsServedByTheOtherWithinTwoSeconds() throws Exception {
        CompletableFuture<ConfigurableApplicationContext> startingB = CompletableFuture.supplyAsync(() -> start(dirB));
        a = start(dirA);
        b = startingB.join();
        LedgerService ledgerA = a.getBean(LedgerService.class);
        LedgerService ledgerB = b.getBean(LedgerService.class);
        assertThat(ledgerA.computations() + ledgerB.computations()).as("computed at the first start, by one of them")
                .isEqualTo(1);
        String before = version(b, LAYER);
        String ledgerBefore = get(b, LEDGER);

        ImportService importer = a.getBean(ImportService.class);
        Path upload = Files.writeString(uploads.resolve("boundary.geojson"), boundaryNearTaiyuan());
        ImportStatus submitted = importer.submit(ControlLine.URBAN_DEVELOPMENT_BOUNDARY.importTarget(), upload,
                "boundary.geojson", null, null, "editor");
        ImportStatus done = importer.await(submitted.id(), 120);
        assertThat(done.state()).as(done.toString()).isEqualTo(ImportStatus.State.DONE);
        long doneAt = System.nanoTime();
        String imported = version(a, LAYER);
        assertThat(imported).isNotEqualTo(before);

        while (!(imported.equals(version(b, LAYER))
                && get(b, LEDGER).equals(get(a, LEDGER))
                && etag(b, TILE).equals(etag(a, TILE)))) {
            assertThat((System.nanoTime() - doneAt) / 1e9).as("seconds until B serves the import").isLessThan(2.0);
            Thread.sleep(50);
        }
        assertThat(etag(b, TILE)).contains(imported);
        assertThat(get(b, LEDGER)).as("the ledger follows the import").isNotEqualTo(ledgerBefore);
        assertThat(ledgerA.computations() + ledgerB.computations()).as("the import's ledger computed once").isEqualTo(2);
    }

    /** A 0.1° square in Taiyuan, as a file an editor uploads (RFC 7946: WGS84). */
    static String boundaryNearTaiyuan() {
        return """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"太原城区"},
                "geometry":{"type":"Polygon","coordinates":[[[112.50,37.80],[112.60,37.80],[112.60,37.90],
                [112.50,37.90],[112.50,37.80]]]}}]}""";
    }

    String version(ConfigurableApplicationContext server, String layerId) throws Exception {
        return JsonMapper.builder().build().readTree(get(server, "/api/layers/" + layerId)).get("version").asString();
    }

    String get(ConfigurableApplicationContext server, String path) throws Exception {
        HttpResponse<String> r = http.send(request(server, path), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    String etag(ConfigurableApplicationContext server, String path) throws Exception {
        HttpResponse<Void> r = http.send(request(server, path), HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.headers().firstValue("ETag").orElseThrow();
    }

    static HttpRequest request(ConfigurableApplicationContext server, String path) {
        int port = ((WebServerApplicationContext) server).getWebServer().getPort();
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build();
    }
}

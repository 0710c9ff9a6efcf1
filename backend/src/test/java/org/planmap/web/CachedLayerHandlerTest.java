package org.planmap.web;

import org.planmap.layer.LayerWriter;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.encode.CachedLayers;
import org.planmap.encode.CachedLayersTest;
import org.planmap.layer.LayerPublisher;
import org.planmap.layer.LayerService;
import org.planmap.layer.ZoomBand;
import org.planmap.plan.PlanLayers;
import org.planmap.security.ResponseHeaders;
import org.planmap.store.gpkg.GeoPackageStore;

/**
 * The cached-layer handler on a bare Jetty with the real small layers: which requests it answers itself (never
 * reaching the application behind it), what it sends, and that everything else reaches the application.
 */
class CachedLayerHandlerTest {

    private static final String Z7 = "/api/layers/counties/features?zoom=7";
    private static final ResponseHeaders HEADERS = new ResponseHeaders("default-src 'self'");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    static GeoPackageStore store;
    static LayerService layers;

    /** Requests that reached the application behind the handler, by path and query. */
    final List<String> handedOn = new CopyOnWriteArrayList<>();
    Server server;

    @BeforeAll
    static void publish() {
        store = GeoPackageStore.open(dir);
        LayerPublisher publisher = new LayerPublisher(new LayerWriter(store));
        CachedLayersTest.ownLayers().forEach(publisher::publish);
        layers = new LayerService(store);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    static CachedLayers cache(Duration versionCheck) {
        return new CachedLayers(layers, PlanLayers.COUNTIES, CachedLayersTest.SMALL,
                Map.of(PlanLayers.COUNTIES, PlanLayers.COUNTY_MAP_PROPERTIES), versionCheck);
    }

    /** The application: answers 418. */
    Handler application() {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                handedOn.add(request.getMethod() + " " + request.getHttpURI().getPathQuery());
                response.setStatus(418);
                response.write(true, BufferUtil.toBuffer("application"), callback);
                return true;
            }
        };
    }

    int start(CachedLayers cache) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new CachedLayerHandler(application(), () -> cache, HEADERS));
        server.start();
        return connector.getLocalPort();
    }

    static HttpResponse<byte[]> send(int port, String method, String path, String... headers) throws Exception {
        return HTTP.send(request(port, method, path, headers), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpRequest request(int port, String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.build();
    }

    @Test
    void aBuiltFreshAnswerIsSentWithoutTheApplication() throws Exception {
        CachedLayers cache = cache(Duration.ofHours(1));
        CachedLayers.EncodedLayer answer = cache.answer(PlanLayers.COUNTIES, ZoomBand.forZoom(7)).orElseThrow();
        int port = start(cache);

        HttpResponse<byte[]> gzip = send(port, "GET", Z7, "Accept-Encoding", "gzip");
        assertThat(gzip.statusCode()).isEqualTo(200);
        assertThat(gzip.body()).isEqualTo(answer.gzip());
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzip.headers().firstValue("Content-Type")).hasValue("application/geo+json");
        assertThat(gzip.headers().firstValue("Content-Length")).hasValue(Integer.toString(answer.gzip().length));
        assertThat(gzip.headers().firstValue("ETag")).hasValue(CachedLayerResponses.etag(answer, true));
        assertThat(gzip.headers().firstValue("Cache-Control")).hasValue(CachedLayerResponses.CACHE_CONTROL);
        assertThat(gzip.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        for (ResponseHeaders.Header h : HEADERS.answers()) {
            assertThat(gzip.headers().allValues(h.name())).as(h.name()).containsExactly(h.value());
        }
        assertThat(gzip.headers().firstValue(ResponseHeaders.HSTS.name())).as("plain HTTP").isEmpty();

        HttpResponse<byte[]> plain = send(port, "GET", Z7);
        assertThat(plain.body()).isEqualTo(answer.body());
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();

        HttpResponse<byte[]> revalidated = send(port, "GET", Z7, "Accept-Encoding", "gzip",
                "If-None-Match", CachedLayerResponses.etag(answer, true));
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(revalidated.headers().firstValue("ETag")).hasValue(CachedLayerResponses.etag(answer, true));
        assertThat(revalidated.headers().firstValue("X-Frame-Options")).hasValue("DENY");

        assertThat(handedOn).isEmpty();
    }

    @Test
    void everythingElseReachesTheApplication() throws Exception {
        CachedLayers cache = cache(Duration.ofHours(1));
        cache.answer(PlanLayers.COUNTIES, ZoomBand.forZoom(7)).orElseThrow();
        int port = start(cache);
        List<String> others = List.of(
                "HEAD " + Z7,
                "POST " + Z7,
                "GET " + Z7 + "&bbox=111,37,112,38",
                "GET /api/layers/counties/features?zoom=99",
                "GET /api/layers/counties/features?zoom=12", // past the bands: the full layer, not built yet
                "GET /api/layers/counties/features?zoom=3", // another band, not built yet
                "GET /api/layers/COUNTIES/features?zoom=7",
                "GET /api/layers/coun%74ies/features?zoom=7",
                "GET /api/layers/permanent-basic-farmland/features",
                "GET /api/layers/counties",
                "GET /index.html");
        for (String request : others) {
            String[] parts = request.split(" ");
            assertThat(send(port, parts[0], parts[1]).statusCode()).as(request).isEqualTo(418);
        }
        assertThat(handedOn).containsExactlyElementsOf(others);
    }

    @Test
    void aDueVersionCheckIsLeftToTheApplication() throws Exception {
        CachedLayers cache = cache(Duration.ZERO);
        cache.answer(PlanLayers.COUNTIES, ZoomBand.forZoom(7)).orElseThrow();
        int port = start(cache);
        assertThat(send(port, "GET", Z7).statusCode()).isEqualTo(418);
        assertThat(handedOn).containsExactly("GET " + Z7);
    }

    @Test
    void aFullQueueIsAnswered503AndTheCachedLayersStillServed() throws Exception {
        CachedLayers cache = cache(Duration.ofHours(1));
        cache.answer(PlanLayers.COUNTIES, ZoomBand.forZoom(7)).orElseThrow();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        Executor full = task -> {
            throw new RejectedExecutionException("queue full (test)");
        };
        server.setHandler(new CachedLayerHandler(application(), () -> cache, HEADERS, full));
        server.setErrorHandler(new JettyErrorReport(HEADERS));
        server.start();
        int port = connector.getLocalPort();

        HttpResponse<byte[]> busy = send(port, "GET", "/api/layers/counties");
        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(busy.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(new String(busy.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"code\":\"http-503\"");
        assertThat(send(port, "GET", Z7).statusCode()).as("answered on the I/O thread, queue or not").isEqualTo(200);
        assertThat(handedOn).isEmpty();
    }
}

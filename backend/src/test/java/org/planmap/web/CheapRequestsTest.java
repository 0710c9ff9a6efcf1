package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planmap.security.ResponseHeaders;
import org.planmap.settings.CheapProperties;
import org.planmap.settings.ExpensiveProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cheap requests in turn on a bare Jetty, one at a time and one waiting, in front of the expensive pool and an
 * application whose answers asked with {@code hold} wait until the test lets them finish: the next one waits and is
 * answered once the first is done, the one after gets 503 with {@code Retry-After}, while expensive requests and
 * uploads are not held up.
 */
class CheapRequestsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HELD = "/api/layers/counties/features?hold";

    Server server;
    CheapRequests cheap;
    int port;
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger held = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        server.addConnector(connector);
        ResponseHeaders headers = new ResponseHeaders("default-src 'self'");
        server.setErrorHandler(new JettyErrorReport(headers));
        ExpensiveRequests expensive = new ExpensiveRequests(new ExpensiveProperties(1, 1, Duration.ofSeconds(7), 1000,
                512 * 512, Duration.ofMillis(50)), headers, id -> id.equals("counties") ? 117 : Long.MAX_VALUE);
        expensive.setHandler(new Application());
        cheap = new CheapRequests(new CheapProperties(1, 1), expensive);
        server.setHandler(cheap);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        server.stop();
    }

    /** Answers with the name of the thread it ran on; a request asked with {@code hold} first waits for the test. */
    private final class Application extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws InterruptedException {
            String query = request.getHttpURI().getQuery();
            if (query != null && query.endsWith("hold")) {
                held.incrementAndGet();
                release.await();
            }
            response.write(true, ByteBuffer.wrap(Thread.currentThread().getName().getBytes(StandardCharsets.UTF_8)),
                    callback);
            return true;
        }
    }

    CompletableFuture<HttpResponse<String>> send(String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("x")
                        : HttpRequest.BodyPublishers.noBody())
                .build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path).get();
    }

    @Test
    void theNextWaitsItsTurnTheOneAfterIsRefusedAndNeitherExpensiveNorUploadsWait() throws Exception {
        CompletableFuture<HttpResponse<String>> first = send("GET", HELD);
        ExpensiveRequestsTest.await("the first held", () -> held.get() == 1);
        CompletableFuture<HttpResponse<String>> second = send("GET", "/api/counties/140105");
        ExpensiveRequestsTest.await("the second waiting", () -> cheap.getSuspendedRequestCount() == 1);

        HttpResponse<String> third = get("/ogc/collections/counties/items/141181");
        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(third.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(third.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(third.body());
        assertThat(problem.get("status").asInt()).isEqualTo(503);

        HttpResponse<String> image = get("/api/map.png?bbox=110,34,115,41");
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).startsWith("planmap-expensive-");
        assertThat(send("POST", "/api/import").get().statusCode()).isEqualTo(200);
        assertThat(second).isNotDone();

        release.countDown();
        assertThat(first.get().statusCode()).isEqualTo(200);
        assertThat(second.get().statusCode()).isEqualTo(200);
        assertThat(get("/api/counties/140105").statusCode()).isEqualTo(200);
    }
}

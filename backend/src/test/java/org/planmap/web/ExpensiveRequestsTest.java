package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planmap.settings.CheapProperties;
import org.planmap.settings.ExpensiveProperties;
import org.planmap.security.ResponseHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pool of expensive requests on a bare Jetty, one thread and one place in the queue, behind the cheap requests'
 * turn (one at a time, one waiting), in front of an application whose answers asked with {@code hold} wait until
 * the test lets them finish: which requests go to the pool, the 503 when a queue is full while the other kind of
 * request still answers, and what happens to work whose client has gone.
 */
class ExpensiveRequestsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HELD = "/api/map.png?bbox=110,34,115,41&hold";

    Server server;
    ExpensiveRequests expensive;
    CheapRequests cheap;
    int port;
    /** Opened by the test: held map images finish. */
    final CountDownLatch release = new CountDownLatch(1);
    /** Held requests (map images, unless a test holds a cheap one) the application began, and those interrupted. */
    final AtomicInteger drawn = new AtomicInteger();
    final AtomicInteger interrupted = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        server.addConnector(connector);
        ResponseHeaders headers = new ResponseHeaders("default-src 'self'");
        server.setErrorHandler(new JettyErrorReport(headers));
        expensive = new ExpensiveRequests(new ExpensiveProperties(1, 1, Duration.ofSeconds(7), 1000,
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
        public boolean handle(Request request, Response response, Callback callback) {
            String query = request.getHttpURI().getQuery();
            if (query != null && query.endsWith("hold")) {
                drawn.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                    callback.failed(e);
                    return true;
                }
            }
            response.write(true, ByteBuffer.wrap(Thread.currentThread().getName().getBytes(StandardCharsets.UTF_8)),
                    callback);
            return true;
        }
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> getLater(String path) {
        return HTTP.sendAsync(request(path), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20))
                .build();
    }

    /** A raw connection that asks for a held map image and can go away without a word. */
    Socket ask(String path) throws Exception {
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s for: " + what).isLessThan(end);
            Thread.sleep(10);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/api/map.png?bbox=110,34,115,41&width=64&height=64 | true",
        "/api/map.png?bbox=110,34,115,41&width=512&height=384&layers=counties,farmland | true",
        "/api/map.png?bbox=110,34,115,41&width=1024&height=768&layers=counties | true",
        "/api/map.png?bbox=110,34,115,41&width=512.5&height=384&layers=counties | true",
        "/api/layers/control-lines/export?format=kml | true",
        "/api/layers/farmland/export?format=csv&bbox=111,37,112,38 | true",
        "/api/layers/farmland/features?bbox=111,37,112,38 | true",
        "/api/layers/farmland/features?adcode=1401 | true",
        "/api/layers/farmland/features?bbox=111,37,112,38&limit=5000 | true",
        "/ogc/collections/farmland/items?limit=10000 | true",
        "/api/%6Dap.png?bbox=110,34,115,41 | true",
        "/api/layers/farmland/features?bbox=111,37,112,38&limit=1000 | false",
        "/api/layers/counties/features | false",
        "/api/layers/counties/features?bbox=111,37,112,38 | false",
        "/ogc/collections/counties/items?limit=10000 | false",
        "/api/layers/counties/features?zoom=7 | false",
        "/api/map.png?bbox=110,34,115,41&width=512&height=384&layers=counties | false",
        "/api/map.png?bbox=110,34,115,41&width=512&height=512&layers=counties,labels | false",
        "/api/layers/counties/export | false",
        "/api/layers/counties/export?format=kml&adcode=1401 | false",
        "/ogc/collections/farmland/items | false",
        "/ogc/collections/farmland/items?limit=1000&bbox=111,37,112,38 | false",
        "/ogc/collections/farmland/items/42 | false",
        "/ogc/collections/farmland/items?limit=many | false",
        "/api/layers | false",
        "/api/tiles/farmland/8/208/98.png | false",
        "/api/counties/140105 | false",
    })
    void expensiveRequestsRunOnTheirOwnPool(String path, boolean expensive) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body().startsWith("planmap-expensive-")).as(r.body()).isEqualTo(expensive);
    }

    @Test
    void aFullQueueIsAnswered503WithRetryAfterWhileCheapRequestsStillAnswer() throws Exception {
        CompletableFuture<HttpResponse<String>> first = getLater(HELD);
        await("the first map image drawn", () -> drawn.get() == 1);
        CompletableFuture<HttpResponse<String>> second = getLater(HELD);
        await("the second map image waiting", () -> expensive.waiting() == 1);

        HttpResponse<String> third = get(HELD);
        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(third.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(third.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(third.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        JsonNode problem = JSON.readTree(third.body());
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("code").asString()).isEqualTo("busy");
        assertThat(problem.get("message").get("zh").asString()).contains("7 秒后重试");
        assertThat(problem.get("message").get("en").asString()).contains("try again in 7 s");
        assertThat(expensive.refused()).isEqualTo(1);

        // Answered while both expensive requests are still held: cheap work does not wait behind them.
        for (String cheap : new String[] {"/api/layers", "/api/tiles/farmland/8/208/98.png",
            "/ogc/collections/farmland/items/42", "/api/layers/counties/features"}) {
            HttpResponse<String> r = get(cheap);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).doesNotStartWith("planmap-expensive-");
        }
        assertThat(first).isNotDone();
        assertThat(second).isNotDone();

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(second.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(drawn.get()).isEqualTo(2);
    }

    @Test
    void cheapRequestsTakeTurnsAndTheOneBeyondTheQueueIsRefusedWhileExpensiveAndUploadsGoOn() throws Exception {
        CompletableFuture<HttpResponse<String>> first = getLater("/api/layers/counties/features?hold");
        await("the first cheap request held", () -> drawn.get() == 1);
        CompletableFuture<HttpResponse<String>> second = getLater("/api/counties/140105");
        await("the second cheap request waiting", () -> cheap.getSuspendedRequestCount() == 1);

        HttpResponse<String> third = get("/ogc/collections/counties/items/141181");
        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(third.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(third.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JSON.readTree(third.body()).get("status").asInt()).isEqualTo(503);

        HttpResponse<String> image = get("/api/map.png?bbox=110,34,115,41");
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).startsWith("planmap-expensive-");
        HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/layers/counties/import")).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(second).isNotDone();

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(second.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void aWaitingRequestWhoseClientLeftIsNeverWorkedOn() throws Exception {
        CompletableFuture<HttpResponse<String>> first = getLater(HELD);
        await("the first map image drawn", () -> drawn.get() == 1);
        try (Socket leaving = ask(HELD)) {
            await("the second map image waiting", () -> expensive.waiting() == 1);
        }
        await("the departed client's request dropped", () -> expensive.abandoned() == 1 && expensive.waiting() == 0);

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        // The pool is free again and takes the next request at once.
        assertThat(get("/api/map.png?bbox=110,34,115,41").statusCode()).isEqualTo(200);
        assertThat(drawn.get()).as("held map images begun").isEqualTo(1);
        assertThat(expensive.started()).as("expensive requests begun").isEqualTo(2);
    }

    @Test
    void aRunningRequestWhoseClientLeftIsInterruptedAndFreesItsThread() throws Exception {
        try (Socket leaving = ask(HELD)) {
            await("the map image drawn", () -> drawn.get() == 1 && expensive.running() == 1);
        }
        await("the drawing interrupted", () -> interrupted.get() == 1);
        await("the thread free", () -> expensive.running() == 0);
        assertThat(expensive.abandoned()).isEqualTo(1);

        // The interrupt stayed with the abandoned request: the next one on the same thread is drawn in full.
        HttpResponse<String> next = get("/api/map.png?bbox=110,34,115,41");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).startsWith("planmap-expensive-");
        assertThat(interrupted.get()).isEqualTo(1);
    }

    @Test
    void aClientThatStaysIsNotTakenForGone() throws Exception {
        try (Socket staying = ask(HELD)) {
            await("the map image drawn", () -> drawn.get() == 1);
            Thread.sleep(500); // ten looks at the connection
            assertThat(expensive.abandoned()).isZero();
            release.countDown();
            String answer = new String(staying.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 200");
        }
        assertThat(interrupted.get()).isZero();
    }
}

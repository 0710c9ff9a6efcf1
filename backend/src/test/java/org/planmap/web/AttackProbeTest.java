package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planmap.SlowTest;
import org.planmap.security.LoginRateLimiter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The attack probe's findings (issue 15), replayed on raw sockets where an HTTP client library would tidy the
 * request up: bodies that never come, {@code Authorization} headers Spring reads but a header check would not,
 * a forged {@code Host}. Few worker threads, so that a handful of slow requests would starve the server if they
 * held threads. Slow lane: a server of its own, a body trickled for seconds, 100 bcrypt checks.
 */
@SlowTest
class AttackProbeTest extends ServerTest {

    static final String PASSWORD = "Attack-probe-secret-77";
    static final String IMPORT = "/api/layers/urban-development-boundary/import";
    static final String BOUNDARY = "----probe";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("planmap.security.editor-password", () -> PASSWORD);
        registry.add("server.jetty.threads.max", () -> "24");
        registry.add("planmap.security.min-request-data-rate", () -> "1KB");
    }

    @Autowired
    LoginRateLimiter limiter;

    final List<Socket> open = new ArrayList<>();

    @AfterEach
    void closeSockets() throws IOException {
        for (Socket s : open) {
            s.close();
        }
    }

    static String b64(String userPassword) {
        return Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
    }

    /** A connection from {@code localAddress} (any of 127.0.0.0/8 on Linux: each test its own client address). */
    Socket connect(String localAddress) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        socket.setSoTimeout(10_000);
        open.add(socket);
        return socket;
    }

    /** The request's head exactly as written here, then {@code body}; the status line and head of the answer. */
    String exchange(Socket socket, String head, byte[] body) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        return readHead(socket.getInputStream());
    }

    static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }

    static String multipartHead(String path, long contentLength, String... headers) {
        StringBuilder s = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: " + contentLength + "\r\n");
        for (String h : headers) {
            s.append(h).append("\r\n");
        }
        return s.append("\r\n").toString();
    }

    static byte[] partStart() {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.geojson\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    // Finding 1: the body of an anonymous write is never read.

    @Test
    void anAnonymous300MbUploadIsRefusedFromItsHeaders() throws Exception {
        long started = System.nanoTime();
        String answer = exchange(connect("127.0.0.1"), multipartHead(IMPORT, 300L << 20), partStart());
        assertThat(answer).startsWith("HTTP/1.1 401 ");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anAnonymousFormPutIsRefusedWithoutReadingIt() throws Exception {
        String head = "PUT /api/layers/counties HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + (100L << 20) + "\r\n\r\n";
        assertThat(exchange(connect("127.0.0.1"), head, "a=1&b=".getBytes(StandardCharsets.US_ASCII)))
                .startsWith("HTTP/1.1 401 ");
    }

    @Test
    void aHugeLoginIsRefusedFromItsHeaders() throws Exception {
        String head = "POST /api/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (300L << 20) + "\r\n\r\n";
        assertThat(exchange(connect("127.0.0.1"), head, "{\"username\":\"".getBytes(StandardCharsets.US_ASCII)))
                .startsWith("HTTP/1.1 413 ");
    }

    @Test
    void slowAnonymousUploadsDoNotStarveReaders() throws Exception {
        for (int i = 0; i < 48; i++) {
            Socket socket = connect("127.0.0.1");
            OutputStream out = socket.getOutputStream();
            out.write(multipartHead(IMPORT, 10L << 20).getBytes(StandardCharsets.ISO_8859_1));
            out.write(partStart());
            out.flush(); // and then nothing more: a body that never comes
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpResponse<String> layers = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/layers")).timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(layers.statusCode()).isEqualTo(200);
    }

    @Test
    void uploadsSpoolInsideTheDataDirectory() throws Exception {
        Path uploads = dataDir.resolve("store").resolve("uploads");
        Socket socket = connect("127.0.0.1");
        OutputStream out = socket.getOutputStream();
        out.write(multipartHead(IMPORT, 10L << 20, "Authorization: Basic " + b64("editor:" + PASSWORD))
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(partStart());
        out.write(new byte[256 << 10]);
        out.flush();
        boolean spooled = false;
        for (int i = 0; i < 50 && !spooled; i++) {
            Thread.sleep(100);
            try (Stream<Path> files = Files.list(uploads)) {
                spooled = files.anyMatch(f -> sizeOf(f) > 0);
            }
        }
        assertThat(spooled).as("a part file in " + uploads).isTrue();
    }

    @Test
    void aBodyTricklingBelowTheFloorRateIsCutOff() throws Exception {
        Socket socket = connect("127.0.0.1");
        OutputStream out = socket.getOutputStream();
        out.write(multipartHead(IMPORT, 1L << 20, "Authorization: Basic " + b64("editor:" + PASSWORD))
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(partStart());
        out.flush();
        long started = System.nanoTime();
        boolean cut = false;
        socket.setSoTimeout(200);
        // 5 bytes a second against a floor of 1 KB/s; the idle timeout (30 s) alone would never end it.
        for (int i = 0; i < 100 && !cut; i++) {
            try {
                out.write('x');
                out.flush();
                socket.getInputStream().read(); // an answer (408) or the end of the connection
                cut = true;
            } catch (SocketTimeoutException e) {
                // still reading: trickle on
            } catch (IOException e) {
                cut = true; // the server reset the connection
            }
        }
        assertThat(cut).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }

    // Finding 2: every failed login counts, however the header is spelled, and atomically.

    @Test
    void oddlySpelledBasicHeadersAreCountedToo() throws Exception {
        String[] spellings = {"BasicX" + b64("editor:guess0"), "Basic\t" + b64("editor:guess1"),
            "basic " + b64("editor:guess2"), "BASIC\t" + b64("editor:guess3"), "BasicY" + b64("editor:guess4")};
        for (String authorization : spellings) {
            assertThat(deleteAs("127.0.0.2", authorization)).as(authorization).startsWith("HTTP/1.1 401 ");
        }
        assertThat(deleteAs("127.0.0.2", "BasicX" + b64("editor:" + PASSWORD))).startsWith("HTTP/1.1 429 ")
                .containsIgnoringCase("Retry-After: ");
        // The blocked address does not lock the editor out elsewhere.
        assertThat(deleteAs("127.0.0.5", "Basic " + b64("editor:" + PASSWORD))).startsWith("HTTP/1.1 404 ");
    }

    @Test
    void parallelGuessesGetNoMoreThanTheLimitThrough() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String authorization = "Basic " + b64("editor:parallel" + i);
                answers.add(pool.submit((Callable<String>) () -> deleteAs("127.0.0.3", authorization)));
            }
            int checked = 0;
            for (Future<String> answer : answers) {
                String status = answer.get().substring(0, 12);
                assertThat(status).isIn("HTTP/1.1 401", "HTTP/1.1 429");
                checked += status.endsWith("401") ? 1 : 0;
            }
            assertThat(checked).isEqualTo(limiter.maxFailures());
        } finally {
            pool.shutdownNow();
        }
        assertThat(deleteAs("127.0.0.6", "Basic " + b64("editor:" + PASSWORD))).startsWith("HTTP/1.1 404 ");
    }

    /** {@code DELETE} of a layer that does not exist: 404 once authenticated, which changes nothing. */
    String deleteAs(String localAddress, String authorization) throws IOException {
        return exchange(connect(localAddress), "DELETE /api/layers/no-such-layer HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: " + authorization + "\r\nConnection: close\r\n\r\n", new byte[0]);
    }

    // Finding 5: a Basic header does not excuse a session from CSRF.

    @Test
    void aWrongBasicHeaderDoesNotSkipTheCsrfCheckOfASession() throws Exception {
        limiter.succeeded("127.0.0.1", "editor");
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        assertThat(send(browser, "POST", "/api/session", "{\"username\":\"editor\",\"password\":\"" + PASSWORD + "\"}",
                "Content-Type", "application/json").status()).isEqualTo(204);
        for (String user : List.of("editor:wrong", "editor:" + PASSWORD)) {
            Reply forged = send(browser, "DELETE", "/api/layers/no-such-layer", null,
                    "Authorization", "Basic " + b64(user));
            assertThat(forged.status()).as(user).isEqualTo(403);
            assertThat(forged.json().get("code").asString()).isEqualTo("csrf-token-invalid");
        }
        String token = SecurityTest.cookie(cookies, "XSRF-TOKEN");
        assertThat(send(browser, "DELETE", "/api/layers/no-such-layer", null, "X-XSRF-TOKEN", token).status())
                .isEqualTo(404);
    }

    // Finding 6: links never follow a forged Host; content negotiation says Vary: Accept.

    @Test
    void aForgedHostDoesNotMakeTheLinks() throws Exception {
        for (String path : List.of("/ogc", "/ogc/collections", "/ogc/api")) {
            Socket socket = connect("127.0.0.1");
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\nAccept: application/json\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).as(path).startsWith("HTTP/1.1 200 ").doesNotContain("evil.example")
                    .contains("http://127.0.0.1:" + port + (path.equals("/ogc/api") ? "" : "/ogc"));
            assertThat(answer.toLowerCase()).contains("vary: accept");
        }
        Reply local = send(HTTP, "GET", "/ogc/collections", null);
        assertThat(local.text()).contains("http://localhost:" + port + "/ogc/collections");
        assertThat(local.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("Accept"));
    }

    // Finding 7.

    @Test
    void theErrorPathAndDirectoriesAreNotFound() throws Exception {
        for (String path : List.of("/error", "/js/", "/styles/")) {
            Reply r = send(HTTP, "GET", path, null);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.header("Content-Type")).as(path).startsWith("application/problem+json");
        }
    }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }
}

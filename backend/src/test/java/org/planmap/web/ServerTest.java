package org.planmap.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.PreparedDataDirectory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real planmap server on a random port with its own data directory, asked over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Below a class's own @DynamicPropertySource, so that a class registering its own password overrides it. The small
// layers' answers are built at the first request for them, not all at each start: most of these servers are asked
// for few of them (CachedLayersTest checks the warming itself).
@TestPropertySource(properties = {"planmap.security.editor-password=" + ServerTest.EDITOR_PASSWORD,
        "planmap.small-layers.warm=false"})
abstract class ServerTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * The shared server's editor password. A class that writes, or needs other settings, registers its own and so
     * gets a server of its own; one that only reads or is refused shares this one (one start fewer per class).
     */
    static final String EDITOR_PASSWORD = "server-test-editor-pw";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    /** Each new context starts on a copy of one prepared data directory: a restart, not a first start. */
    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("planmap.data-dir", () -> PreparedDataDirectory.copyTo(dataDir.resolve("store")).toString());
    }

    @BeforeAll
    static void prepareDataDirectory() {
        PreparedDataDirectory.prepare();
    }

    @LocalServerPort
    int port;

    record Answer(int status, String contentType, JsonNode body) {
    }

    /** A whole HTTP answer: status, headers and body text (JSON or not). */
    record Reply(int status, java.net.http.HttpHeaders headers, String text) {
        JsonNode json() {
            return JSON.readTree(text);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** Any request: {@code headers} are name, value pairs; {@code body} null for none. */
    Reply send(HttpClient client, String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.headers(), r.body());
    }

    /** A multipart/form-data body holding one file in the field {@code file}, as a browser's upload sends it. */
    record Multipart(String contentType, byte[] body) {
        static Multipart file(String fileName, byte[] content) {
            String boundary = "planmap" + System.nanoTime();
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return new Multipart("multipart/form-data; boundary=" + boundary, body.toByteArray());
        }
    }

    Reply post(String path, String body, String... headers) throws Exception {
        return send(HTTP, "POST", path, body, headers);
    }

    Reply delete(String path, String... headers) throws Exception {
        return send(HTTP, "DELETE", path, null, headers);
    }

    Answer get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), JSON.readTree(r.body()));
    }
}

package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Every GET endpoint under /api asked with hostile parameters — out-of-range and NaN boxes, absurd limits,
 * negative offsets, unknown layers and formats, very long strings, SQL-ish text, path traversal in ids — and
 * Spring's own errors (wrong method, unacceptable Accept, missing or mistyped parameter, unknown path): each
 * answer is a 4xx problem document in both languages, never a 5xx, never a stack trace.
 */
class HostileQueryTest extends ServerTest {

    /** A request, the status it must get, and (for readability of failures) why. */
    record Ask(String name, String method, String path, int status, String accept, boolean editor) {
        Ask(String name, String method, String path, int status, String accept) {
            this(name, method, path, status, accept, false);
        }

        @Override
        public String toString() {
            return name + ": " + method + " " + path;
        }
    }

    static Ask get(String name, String path, int status) {
        return new Ask(name, "GET", path, status, null);
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Stream<Ask> asks() {
        String features = "/api/layers/counties/features";
        String longText = "县".repeat(500);
        String sql = "' OR 1=1; DROP TABLE planmap_layers; --";
        List<Ask> a = new ArrayList<>();
        a.add(get("bbox beyond the globe", features + "?bbox=-500,-100,500,100", 400));
        a.add(get("bbox with NaN", features + "?bbox=NaN,37,113,38", 400));
        a.add(get("bbox with Infinity", features + "?bbox=111,37,Infinity,38", 400));
        a.add(get("bbox with three numbers", features + "?bbox=111,37,113", 400));
        a.add(get("bbox with words", features + "?bbox=" + q(sql), 400));
        a.add(get("bbox min above max", features + "?bbox=113,38,111,37", 400));
        a.add(get("bbox very long", features + "?bbox=" + "1,".repeat(3000) + "1", 400));
        a.add(get("limit negative", features + "?limit=-1", 400));
        a.add(get("limit absurd", features + "?limit=2000000000", 400));
        a.add(get("limit beyond int", features + "?limit=99999999999999999999", 400));
        a.add(get("limit a word", features + "?limit=all", 400));
        a.add(get("offset negative", features + "?offset=-5", 400));
        a.add(get("offset a word", features + "?offset=" + q(sql), 400));
        a.add(get("adcode SQL-ish", features + "?adcode=" + q(sql), 400));
        a.add(get("adcode very long", features + "?adcode=" + "1".repeat(5000), 400));
        a.add(get("unknown layer", "/api/layers/no-such-layer/features", 404));
        a.add(get("unknown layer, SQL-ish id", "/api/layers/" + q(sql) + "/features", 400));
        a.add(get("unknown layer, quote in the id", "/api/layers/a'b/features", 404));
        a.add(get("unknown layer, very long id", "/api/layers/" + "x".repeat(4000), 404));
        a.add(get("layer id with encoded traversal", "/api/layers/..%2F..%2Fetc%2Fpasswd", 400));
        a.add(get("layer id with encoded dot segments", "/api/layers/%2e%2e/features", 400));
        a.add(get("layer id with a semicolon", "/api/layers/counties;jsessionid=x/features", 400));
        a.add(get("layer id with an encoded backslash", "/api/layers/..%5C..%5Cetc/features", 400));
        a.add(get("overlong UTF-8 dots", "/api/layers/%C0%AE%C0%AE/features", 400));
        a.add(get("empty path segment", "/api/layers/counties//features", 400));
        a.add(get("county unknown code", "/api/counties/999999", 404));
        a.add(get("county code SQL-ish", "/api/counties/" + q(sql), 400));
        a.add(get("county code with quotes", "/api/counties/1401'--", 404));
        a.add(get("county card unknown code", "/api/counties/999999/card", 404));
        a.add(get("county card code with quotes", "/api/counties/1401'--/card", 400));
        a.add(get("county card code very long", "/api/counties/" + "1".repeat(4000) + "/card", 400));
        a.add(get("county card SQL-ish", "/api/counties/" + q(sql) + "/card", 400));
        a.add(get("county name unknown", "/api/counties?name=" + q("不存在县"), 404));
        a.add(get("county name empty", "/api/counties?name=%20", 400));
        a.add(get("county name very long", "/api/counties?name=" + q(longText), 404));
        a.add(get("URL longer than the server's 8 KB header limit", "/api/counties?name=" + q("县".repeat(4000)), 414));
        a.add(get("passages without place", "/api/plan/passages", 400));
        a.add(get("passages for a place that does not exist", "/api/plan/passages?place=" + q(sql), 404));
        a.add(get("document unknown", "/api/plan/documents/no-such-file", 404));
        a.add(get("document path traversal", "/api/plan/documents/..%2F..%2Fpom.xml", 400));
        a.add(get("document very long name", "/api/plan/documents/" + "a".repeat(4000), 404));
        a.add(get("ledger unknown level", "/api/control-lines/ledger?level=" + q(sql), 400));
        a.add(get("ledger unknown format", "/api/control-lines/ledger?format=xml", 400));
        a.add(get("ledger csv with unknown level", "/api/control-lines/ledger?format=csv&level=planet", 400));
        a.add(get("import job unknown, SQL-ish", "/api/import-jobs/" + q(sql), 400));
        a.add(get("import job unknown", "/api/import-jobs/00000000-0000-0000-0000-000000000000", 404));
        a.add(get("unknown path under /api", "/api/no-such-thing", 404));
        a.add(get("unknown path under /api/plan", "/api/plan/no-such-table", 404));
        // anonymous writes are refused before the method is looked at (401); an editor learns it is the wrong method
        a.add(new Ask("anonymous PUT", "PUT", "/api/layers/counties/features", 401, null));
        a.add(new Ask("wrong method on a read-only resource", "PUT", "/api/layers/counties/features", 405, null, true));
        a.add(new Ask("wrong method on the catalogue", "PATCH", "/api/counties", 405, null, true));
        a.add(new Ask("an Accept header nothing answers", "GET", "/api/counties/140105", 406, "image/png"));
        a.add(new Ask("a header longer than the server's 8 KB limit", "GET", "/api/counties/140105", 431, "text/" + "x".repeat(10_000)));
        return a.stream();
    }

    /**
     * Endpoints other branches add (map images, tiles, identify, exports, OGC API Features): without them these
     * are 404, with them 400 or 404 — either way a problem document, never a 5xx. Run after every merge.
     */
    static Stream<Ask> asksOfOtherEndpoints() {
        String sql = "' OR 1=1; --";
        return Stream.of(
                get("map image with a NaN box", "/api/map.png?bbox=NaN,37,113,38", 0),
                get("map image 100000 pixels wide", "/api/map.png?width=100000&height=100000", 0),
                get("map image negative size", "/api/map.png?width=-1&height=0", 0),
                get("map image unknown layer", "/api/map.png?layers=" + q(sql), 0),
                get("tile zoom 99", "/api/tiles/counties/99/1/1.png", 0),
                get("tile negative zoom", "/api/tiles/counties/-1/0/0.png", 0),
                get("tile beyond the grid", "/api/tiles/counties/3/999/999.png", 0),
                get("tile with words", "/api/tiles/counties/z/x/y.png", 0),
                get("tile of an unknown layer", "/api/tiles/no-such-layer/3/6/3.png", 0),
                get("identify at NaN", "/api/identify?lat=NaN&lng=112", 0),
                get("identify beyond the globe", "/api/identify?lat=1000&lng=-1000", 0),
                get("export in an unknown format", "/api/layers/counties/export?format=dwg", 0),
                get("export format traversal", "/api/layers/counties/export?format=" + q("../../etc/passwd"), 0),
                get("OGC unknown collection", "/ogc/collections/no-such-layer", 0),
                get("OGC items negative limit", "/ogc/collections/counties/items?limit=-1", 0),
                get("OGC items NaN box", "/ogc/collections/counties/items?bbox=NaN,1,2,3", 0),
                get("OGC items three-number box", "/ogc/collections/counties/items?bbox=1,2,3", 0),
                get("OGC items absurd offset", "/ogc/collections/counties/items?offset=-7", 0),
                get("OGC item SQL-ish id", "/ogc/collections/counties/items/1'--", 0),
                get("OGC items unknown collection", "/ogc/collections/no-such-layer/items", 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("asksOfOtherEndpoints")
    void otherEndpointsAnswerProblemDocumentsToo(Ask ask) throws Exception {
        Reply r = send(HTTP, ask.method(), ask.path(), null);
        assertThat(r.status()).as(r.text()).isIn(400, 404);
        assertProblem(r, r.status());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("asks")
    void isAProblemDocumentNeverAServerError(Ask ask) throws Exception {
        List<String> headers = new ArrayList<>();
        if (ask.accept() != null) {
            headers.addAll(List.of("Accept", ask.accept()));
        }
        if (ask.editor()) {
            headers.addAll(List.of("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("editor:" + EDITOR_PASSWORD).getBytes(StandardCharsets.UTF_8))));
        }
        Reply r = send(HTTP, ask.method(), ask.path(), null, headers.toArray(String[]::new));

        assertThat(r.status()).as(r.text()).isEqualTo(ask.status());
        assertProblem(r, ask.status());
    }

    /** Request targets java.net.URI refuses to send (IIS-style {@code %u} escapes), written on a socket. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/layers/%u002e%u002e/features", "/%u002e%u002e/%u002e%u002e/etc/passwd",
        "/api/layers/counties/features%u003fzoom=7", "/api/layers/%ZZ/features"})
    void rawTargetsAreProblemDocumentsToo(String target) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).as(answer).startsWith("HTTP/1.1 400 ");
            assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("content-type: application/problem+json")
                    .contains("x-content-type-options: nosniff");
            assertThat(answer).contains("\"status\":400").doesNotContain("Exception").doesNotContain("<html");
        }
    }

    static void assertProblem(Reply r, int status) {
        assertThat(r.header("Content-Type")).as(r.text()).startsWith("application/problem+json");
        assertThat(r.text()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("<html")
                .doesNotContain("SQL");
        JsonNode problem = r.json();
        assertThat(problem.path("message").path("zh").asString("")).isNotBlank();
        assertThat(problem.path("message").path("en").asString("")).isNotBlank();
        assertThat(problem.path("code").asString("")).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertSecurityHeaders(r);
    }

    static void assertSecurityHeaders(Reply r) {
        assertThat(r.header("Content-Security-Policy")).contains("frame-ancestors 'none'").doesNotContain("unsafe-eval")
                .doesNotContain("script-src 'unsafe-inline'");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("Referrer-Policy")).isEqualTo("same-origin");
    }

    /** The viewer's static files, the WebJar and a missing static file carry the same headers as the API. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/index.html", "/app.css", "/js/main.js", "/no-such-file.js",
            "/webjars/leaflet/1.9.4/dist/leaflet.js"})
    void staticFilesCarryTheSecurityHeaders(String path) throws Exception {
        Reply r = send(HTTP, "GET", path, null);
        assertThat(r.status()).as(path).isIn(200, 404);
        assertSecurityHeaders(r);
    }
}

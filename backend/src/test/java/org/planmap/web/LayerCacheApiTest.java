package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The small layers' cached answers over real HTTP: bands, HTTP caching, gzip, and everything else unchanged. */
class LayerCacheApiTest extends ServerTest {

    private static final String Z7 = "/api/layers/counties/features?zoom=7";

    record Bytes(int status, java.net.http.HttpHeaders headers, byte[] body) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode json() throws Exception {
            byte[] text = body;
            if ("gzip".equals(header("Content-Encoding"))) {
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    text = in.readAllBytes();
                }
            }
            return JSON.readTree(text);
        }
    }

    Bytes fetch(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<byte[]> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Bytes(r.statusCode(), r.headers(), r.body());
    }

    @Test
    void theProvinceViewIsSmallGzippedAndCacheable() throws Exception {
        Bytes z7 = fetch("GET", Z7, "Accept-Encoding", "gzip, deflate, br");
        assertThat(z7.status()).isEqualTo(200);
        assertThat(z7.header("Content-Type")).startsWith("application/geo+json");
        assertThat(z7.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(z7.header("Vary")).isEqualTo("Accept-Encoding");
        assertThat(z7.header("Cache-Control")).isEqualTo("public, max-age=0, must-revalidate");
        assertThat(z7.header("ETag")).matches("\"[0-9a-f]{16}-z8-[0-9a-f]{12}-gzip\"");
        assertThat(z7.body().length).isLessThanOrEqualTo(60_000).isEqualTo(Integer.parseInt(z7.header("Content-Length")));
        // The security headers reach cached answers too, though the handler answers before Spring Security.
        assertThat(z7.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(z7.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(z7.header("X-Frame-Options")).isEqualTo("DENY");

        JsonNode counties = z7.json();
        assertThat(counties.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(counties.get("features").size()).isEqualTo(117);
        assertThat(counties.get("features").get(0).get("properties").get("tier").asString()).isNotBlank();

        Bytes again = fetch("GET", Z7, "Accept-Encoding", "gzip", "If-None-Match", z7.header("ETag"));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(z7.header("ETag"));
        assertThat(fetch("GET", "/api/layers/counties/features?zoom=6", "If-None-Match", z7.header("ETag")).status())
                .as("another band, another tag").isEqualTo(200);
    }

    @Test
    void withoutGzipTheSameJsonIsSentPlain() throws Exception {
        Bytes gzip = fetch("GET", Z7, "Accept-Encoding", "gzip");
        Bytes plain = fetch("GET", Z7);
        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(plain.header("ETag")).isNotEqualTo(gzip.header("ETag"));
        assertThat(plain.json()).isEqualTo(gzip.json());
        assertThat(fetch("GET", Z7, "Accept-Encoding", "gzip;q=0").header("Content-Encoding")).isNull();
        assertThat(fetch("GET", Z7, "If-None-Match", gzip.header("ETag")).status())
                .as("the tag of either encoding validates the same content").isEqualTo(304);
    }

    @Test
    void headAndTheControllerPathAnswerTheSameBytes() throws Exception {
        Bytes handler = fetch("GET", Z7, "Accept-Encoding", "gzip");
        Bytes head = fetch("HEAD", Z7, "Accept-Encoding", "gzip");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("ETag")).isEqualTo(handler.header("ETag"));
        assertThat(head.header("Content-Length")).isEqualTo(handler.header("Content-Length"));
        // An extra parameter is not the handler's exact form: the controller answers from the same cache.
        Bytes controller = fetch("GET", Z7 + "&x=1", "Accept-Encoding", "gzip");
        assertThat(controller.header("ETag")).isEqualTo(handler.header("ETag"));
        assertThat(controller.body()).isEqualTo(handler.body());
        assertThat(controller.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void cachedAnswersCarryTheSecurityHeadersOfEveryOtherAnswer() throws Exception {
        String[] names = {"Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy",
            "X-XSS-Protection", "Strict-Transport-Security"};
        fetch("GET", Z7, "Accept-Encoding", "gzip");
        Bytes cached = fetch("GET", Z7, "Accept-Encoding", "gzip");
        Bytes catalog = fetch("GET", "/api/layers");
        Bytes page = fetch("GET", "/index.html");
        for (String name : names) {
            assertThat(cached.headers().allValues(name)).as(name).isEqualTo(catalog.headers().allValues(name))
                    .isEqualTo(page.headers().allValues(name));
        }
        assertThat(cached.header("Content-Security-Policy")).contains("script-src 'self'");
    }

    @Test
    void withoutZoomTheFullLayerAsBefore() throws Exception {
        Bytes full = fetch("GET", "/api/layers/counties/features", "Accept-Encoding", "gzip");
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.header("ETag")).contains("-full-");
        JsonNode first = full.json().get("features").get(0);
        assertThat(first.get("properties").has("tierSource")).isTrue();
        assertThat(first.get("geometry").toString()).containsPattern("\\.\\d{6}[,\\]]");
        assertThat(fetch("GET", "/api/layers/counties/features?zoom=11").json()).as("past the last band: full")
                .isEqualTo(full.json());
    }

    @Test
    void badZoomAndOtherLayersBehaveAsBefore() throws Exception {
        for (String bad : new String[] {"zoom=abc", "zoom=-1", "zoom=31", "zoom=7&bbox=111,37,112,38", "zoom=7&limit=5"}) {
            Answer a = get("/api/layers/counties/features?" + bad);
            assertThat(a.status()).as(bad).isEqualTo(400);
            assertThat(a.contentType()).startsWith("application/problem+json");
        }
        assertThat(get("/api/layers/nope/features?zoom=7").status()).isEqualTo(404);
        assertThat(get("/api/layers/nope/features").status()).isEqualTo(404);
        // Layers outside the cache ignore the band and answer in full, uncached.
        Bytes lines = fetch("GET", "/api/layers/urban-development-boundary/features?zoom=7");
        assertThat(lines.status()).isEqualTo(200);
        assertThat(lines.header("ETag")).isNull();
        assertThat(lines.json().get("features").size()).isPositive();
    }
}

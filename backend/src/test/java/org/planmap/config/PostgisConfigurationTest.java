package org.planmap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.planmap.PostgisServerTest;
import org.planmap.store.FeatureStore;
import org.planmap.store.postgis.PostgisStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** With planmap.db-url set, the app stores and serves its layers from PostGIS. */
@PostgisServerTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostgisConfigurationTest {

    @Autowired
    FeatureStore store;

    @LocalServerPort
    int port;

    JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return JsonMapper.builder().build().readTree(r.body());
    }

    @Test
    void theLayersArePublishedIntoPostgisAndServedFromThere() throws Exception {
        assertThat(store).isInstanceOf(PostgisStore.class);
        assertThat(((PostgisStore) store).schema()).isEqualTo(PostgisServerTest.Schema.of(getClass()));
        JsonNode layers = get("/api/layers");
        assertThat(layers.findValuesAsString("id")).contains("counties", "cities", "province", "neighbours");
        assertThat(get("/api/counties/141181").get("name").asString()).isEqualTo("孝义市");
        JsonNode page = get("/api/layers/counties/features?bbox=111.77,37.14,111.79,37.15");
        assertThat(page.get("features").findValuesAsString("adcode")).contains("141181");
    }
}

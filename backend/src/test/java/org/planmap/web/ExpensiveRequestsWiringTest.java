package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In the real server, behind the cached-layer handler: map images and exports reach the expensive pool, the rest
 * not, nor a small map image or an export of a small layer.
 */
class ExpensiveRequestsWiringTest extends ServerTest {

    @Autowired
    ExpensiveRequests expensive;

    @Test
    void mapImagesAndExportsRunOnTheExpensivePoolAndCheapRequestsDoNot() throws Exception {
        long before = expensive.started();
        assertThat(get("/api/layers").status()).isEqualTo(200);
        assertThat(get("/api/layers/counties/features?zoom=7").status()).isEqualTo(200);
        assertThat(get("/ogc/collections/counties/items/140105?f=json").status()).isEqualTo(200);
        assertThat(get("/api/layers/counties/features?adcode=1401&limit=20").status()).isEqualTo(200);
        Reply smallPng = send(HTTP, "GET", "/api/map.png?bbox=111.5,37.0,113.0,38.2&layers=counties,labels&width=512"
                + "&height=384", null);
        assertThat(smallPng.status()).isEqualTo(200);
        assertThat(smallPng.header("Content-Type")).isEqualTo("image/png");
        Reply smallCsv = send(HTTP, "GET", "/api/layers/counties/export?format=csv", null);
        assertThat(smallCsv.status()).isEqualTo(200);
        assertThat(smallCsv.text()).contains("140105");
        assertThat(expensive.started()).as("cheap requests on the pool").isEqualTo(before);

        Reply png = send(HTTP, "GET", "/api/map.png?bbox=110.2,34.5,114.6,40.8&width=200&height=200", null);
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.header("Content-Type")).isEqualTo("image/png");
        Reply csv = send(HTTP, "GET", "/api/layers/permanent-basic-farmland/export?format=csv"
                + "&bbox=112.4,37.7,112.7,37.95", null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).contains("POLYGON");
        Reply unknown = send(HTTP, "GET", "/api/layers/no-such-layer/export?format=csv", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(expensive.started()).as("expensive requests on the pool").isEqualTo(before + 3);
        // The answer is sent before the pool thread is done with its request: the pool is free soon after, not at once.
        ExpensiveRequestsTest.await("the pool free", () -> expensive.running() == 0);
    }
}

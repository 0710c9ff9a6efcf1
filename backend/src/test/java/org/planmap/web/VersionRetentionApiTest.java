package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code planmap.versions.keep=2} and {@code planmap.versions.public=false}: two versions kept, none shown to anonymous visitors. */
class VersionRetentionApiTest extends ServerTest {

    static final String PASSWORD = VersionApiTest.PASSWORD;
    static final String UDB = VersionApiTest.UDB;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("planmap.security.editor-password", () -> PASSWORD);
        registry.add("planmap.versions.keep", () -> "2");
        registry.add("planmap.versions.public", () -> "false");
    }

    Reply asEditor(String method, String path) throws Exception {
        return send(HTTP, method, path, null, "Authorization", SecurityTest.basic("editor", PASSWORD));
    }

    @Test
    void twoVersionsAreKeptTheCurrentAlwaysAndOnlySignedInUsersSeeThem() throws Exception {
        for (String path : new String[] {"/versions", "/versions/1", "/versions/1/diff/1", "/versions/1/diff/1/features"}) {
            assertThat(get(UDB + path).status()).as(path).isEqualTo(401);
        }
        String items = "/ogc/collections/urban-development-boundary";
        String tile = "/api/tiles/urban-development-boundary/6/52/24.png";
        String map = "/api/map.png?bbox=111,37,112,38&width=200&height=200&layers=urban-development-boundary";
        String print = "/api/print.pdf?bbox=111,37,112,38&layers=counties,urban-development-boundary@1";
        String atlas = "/api/atlas.pdf?adcode=141181&layers=urban-development-boundary@1";
        for (String path : new String[] {items + "/items?version=1", items + "?version=1", items + "/items/1?version=1",
                tile + "?version=1", map + "@1", UDB + "/features?version=1", print, atlas}) {
            Reply refused = send(HTTP, "GET", path, null);
            assertThat(refused.status()).as(path).isEqualTo(401);
            assertThat(refused.json().get("message").get("zh").asString()).as(path).isNotBlank();
        }
        for (String path : new String[] {items + "/items", tile, map, UDB + "/features"}) {
            assertThat(send(HTTP, "GET", path, null).status()).as(path + " stays public").isEqualTo(200);
        }
        assertThat(asEditor("GET", items + "/items?version=1").status()).isEqualTo(200);
        assertThat(get(UDB).status()).as("the layer itself stays public").isEqualTo(200);
        assertThat(send(HTTP, "GET", UDB + "/export?format=csv&version=1", null).status()).isEqualTo(401);
        assertThat(send(HTTP, "GET", UDB + "/export?format=csv", null).status()).isEqualTo(200);
        assertThat(asEditor("GET", UDB + "/versions").json().size()).isEqualTo(1);

        VersionApiTest.Importer importer = new VersionApiTest.Importer(port, PASSWORD);
        assertThat(importer.upload("shp-gbk-4546.zip",
                Files.readAllBytes(VersionApiTest.FIXTURES.resolve("shp-gbk-4546.zip"))).status()).isEqualTo(200);
        String half = VersionApiTest.halfOf(get(UDB).body());
        assertThat(importer.upload("half.geojson", half.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        assertThat(VersionApiTest.summary(VersionApiTest.list(asEditor("GET", UDB + "/versions").json())))
                .containsExactly("3 import editor current", "2 import editor");
        assertThat(asEditor("GET", UDB + "/features?version=1").status()).isEqualTo(404);

        assertThat(asEditor("POST", UDB + "/versions/2/restore").status()).isEqualTo(200);
        assertThat(VersionApiTest.summary(VersionApiTest.list(asEditor("GET", UDB + "/versions").json())))
                .containsExactly("4 restore editor current", "3 import editor");
        assertThat(asEditor("GET", UDB + "/features").json().get("features").size()).isEqualTo(3);
    }
}

package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.planmap.layer.ByteCache;
import org.planmap.layer.LayerService;
import org.planmap.render.MapRenderer;
import org.planmap.style.MapStyles;
import org.planmap.render.Tiles;
import org.planmap.store.Feature;
import org.planmap.store.FeatureQuery;
import org.planmap.store.FeatureSource;
import org.planmap.store.FeatureStore;
import org.planmap.store.LayerInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** GET /api/tiles/{layer}/{z}/{x}/{y}.png: the dense layers as server tiles, cached by layer version. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TileApiTest extends ServerTest {

    static final String PASSWORD = "tile-test-editor-pw";
    static final String UDB = "urban-development-boundary";
    static final double[] TAIYUAN = {112.55, 37.87};
    static final MapStyles.LayerStyle STYLE = MapStyles.fromClasspath().layer(UDB).orElseThrow();

    @DynamicPropertySource
    static void editorPassword(DynamicPropertyRegistry registry) {
        registry.add("planmap.security.editor-password", () -> PASSWORD);
    }

    static String tileOf(double lon, double lat, int z) {
        double n = 1 << z;
        int x = (int) Math.floor((lon + 180) / 360 * n);
        double phi = Math.toRadians(lat);
        int y = (int) Math.floor((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2 * n);
        return z + "/" + x + "/" + y;
    }

    HttpResponse<byte[]> tile(String layer, String zxy, String... headers) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tiles/" + layer + "/" + zxy + ".png"));
        for (int i = 0; i < headers.length; i += 2) {
            r.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static BufferedImage image(HttpResponse<byte[]> r) throws Exception {
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        return ImageIO.read(new ByteArrayInputStream(r.body()));
    }

    static boolean near(Color a, Color b, int tolerance) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue()) <= tolerance;
    }

    /** Opaque pixels in the stroke colour and translucent ones in the fill colour at the style's opacity. */
    static void assertDrawnInTheLinesColours(BufferedImage tile) {
        assertThat(tile.getWidth()).isEqualTo(256);
        assertThat(tile.getHeight()).isEqualTo(256);
        boolean stroke = false;
        boolean fill = false;
        Color fillColour = STYLE.fillFor(Map.of());
        for (int x = 0; x < 256; x++) {
            for (int y = 0; y < 256; y++) {
                Color c = new Color(tile.getRGB(x, y), true);
                stroke |= c.getAlpha() == 255 && near(c, STYLE.stroke(), 6);
                fill |= Math.abs(c.getAlpha() - fillColour.getAlpha()) <= 2 && near(c, fillColour, 6);
            }
        }
        assertThat(stroke).as("stroke pixels").isTrue();
        assertThat(fill).as("fill pixels").isTrue();
    }

    @Test
    @Order(1)
    void aTileOverTaiyuanShowsTheLineInItsColours() throws Exception {
        for (int z : new int[] {9, 10}) {
            assertDrawnInTheLinesColours(image(tile(UDB, tileOf(TAIYUAN[0], TAIYUAN[1], z))));
        }
        java.nio.file.Files.createDirectories(ViewerBrowserTest.SCREENSHOTS);
        java.nio.file.Files.write(ViewerBrowserTest.SCREENSHOTS.resolve("tile-udb-taiyuan-z10.png"),
                tile(UDB, tileOf(TAIYUAN[0], TAIYUAN[1], 10)).body());
    }

    @Test
    @Order(2)
    void aTileFarFromShanxiIsFullyTransparent() throws Exception {
        BufferedImage xinjiang = image(tile(UDB, tileOf(87.6, 43.8, 9)));
        for (int x = 0; x < 256; x++) {
            for (int y = 0; y < 256; y++) {
                assertThat(xinjiang.getRGB(x, y) >>> 24).isZero();
            }
        }
    }

    @Test
    @Order(3)
    void theEtagAnswersRevalidationWith304() throws Exception {
        HttpResponse<byte[]> first = tile(UDB, tileOf(TAIYUAN[0], TAIYUAN[1], 10));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache");
        HttpResponse<byte[]> again = tile(UDB, tileOf(TAIYUAN[0], TAIYUAN[1], 10), "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(tile(UDB, tileOf(TAIYUAN[0], TAIYUAN[1], 10), "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void outOfRangeAddressesAre400AndUnknownLayers404() throws Exception {
        for (String bad : new String[] {"19/0/0", "-1/0/0", "9/512/0", "9/0/512", "9/-1/3", "a/0/0", "2/1.5/1"}) {
            assertThat(tile(UDB, bad).statusCode()).as(bad).isEqualTo(400);
        }
        assertThat(tile("no-such-layer", "9/416/194").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void importingANewVersionChangesTheTileAndItsEtag() throws Exception {
        String zxy = tileOf(TAIYUAN[0], TAIYUAN[1], 10);
        HttpResponse<byte[]> before = tile(UDB, zxy);
        // One official 城镇开发边界: a square over 太原's seat, unlike the demonstration blobs.
        importSquare(112.45, 37.80, 112.65, 37.95);

        HttpResponse<byte[]> after = tile(UDB, zxy);
        assertThat(after.headers().firstValue("ETag")).isNotEqualTo(before.headers().firstValue("ETag"));
        assertThat(after.body()).isNotEqualTo(before.body());
        assertDrawnInTheLinesColours(image(after));
        // The old tag no longer matches: the browser gets the new tile.
        assertThat(tile(UDB, zxy, "If-None-Match", before.headers().firstValue("ETag").orElseThrow()).statusCode())
                .isEqualTo(200);
    }

    /** Imports one official 城镇开发边界 (the editor's upload, waited for), a square with these corners. */
    void importSquare(double minLon, double minLat, double maxLon, double maxLat) throws Exception {
        String ring = "[[" + minLon + "," + minLat + "],[" + maxLon + "," + minLat + "],[" + maxLon + "," + maxLat + "],["
                + minLon + "," + maxLat + "],[" + minLon + "," + minLat + "]]";
        String geojson = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"测试\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}]}";
        String boundary = "planmap" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"udb.geojson\"\r\n"
                + "Content-Type: application/geo+json\r\n\r\n" + geojson + "\r\n--" + boundary + "--\r\n";
        Reply imported = post("/api/layers/" + UDB + "/import", body, "Content-Type", "multipart/form-data; boundary=" + boundary,
                "Authorization", "Basic " + Base64.getEncoder().encodeToString(("editor:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
    }

    @Autowired
    Tiles tiles;
    @Autowired
    MapRenderer renderer;
    @Autowired
    LayerService layers;

    /**
     * Once an import job has ended, every overview tile (z0–z8 over the layer) of the version it stored is in memory
     * with no tile asked for, and is the very tile a request would have drawn on its own; a second import's version
     * is drawn in turn.
     */
    @Test
    @Order(6)
    void importsHaveTheirOverviewTilesDrawnAheadWithNoRequest() throws Exception {
        importSquare(112.40, 37.75, 112.70, 37.98);   // returns once the import job has ended
        String first = get("/api/layers/" + UDB).body().get("version").asString();
        assertDrawnAhead(UDB, first);
        // the ledger follows an import, so the conflicts layer has a new version too
        assertDrawnAhead("control-line-conflicts", get("/api/layers/control-line-conflicts").body().get("version").asString());

        importSquare(111.10, 37.45, 111.30, 37.60);   // 吕梁's seat
        String second = get("/api/layers/" + UDB).body().get("version").asString();
        assertThat(second).isNotEqualTo(first);
        assertDrawnAhead(UDB, second);
    }

    @Autowired
    FeatureStore store;

    /**
     * Another server sharing the PostGIS store replaces a line: this one saw no import, so its first tile request for
     * the layer sets the drawing ahead going.
     */
    @Test
    @Order(7)
    void aVersionStoredByAnotherServerIsDrawnAheadAtItsFirstTileRequest() throws Exception {
        LayerInfo current = layers.layer(UDB);
        List<Feature> features = new ArrayList<>();
        layers.page(FeatureQuery.of(UDB)).features().forEachRemaining(features::add);
        store.replace(current.withContents(features.size(), List.of(), "from-another-server"), FeatureSource.of(features));
        assertThat(tiles.overview(UDB)).isNotEmpty().noneMatch(tiles::cached);

        assertThat(tile(UDB, "10/834/387", "Accept", "image/png").statusCode()).isEqualTo(200);
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!tiles.overview(UDB).stream().allMatch(tiles::cached) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertDrawnAhead(UDB, "from-another-server");
    }

    void assertDrawnAhead(String layerId, String version) {
        List<Tiles.Key> overview = tiles.overview(layerId);
        assertThat(overview).extracting(Tiles.Key::version).containsOnly(version);
        assertThat(overview).extracting(Tiles.Key::z).contains(0, 7, 8).allMatch(z -> z <= 8);
        assertThat(overview).allMatch(tiles::cached, "cached");
        // DrawnOverview on demand by a Tiles with empty caches: the same bytes as the ones drawn together ahead.
        Tiles onDemand = new Tiles(renderer, layers, new ByteCache<>(1 << 24), new ByteCache<>(1 << 24), 8);
        for (Tiles.Key k : overview) {
            assertThat(tiles.tile(layerId, k.grid(), k.z(), k.x(), k.y()).png()).as(k.toString())
                    .isEqualTo(onDemand.tile(layerId, k.grid(), k.z(), k.x(), k.y()).png());
        }
    }
}

package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.planmap.style.MapStyles;
import org.planmap.render.Viewport;
import org.locationtech.jts.geom.Envelope;
import tools.jackson.databind.JsonNode;

/** GET /api/map.png: the viewer's styles drawn on the server, with legend and scale bar, and its parameter checks. */
class MapImageTest extends ServerTest {

    static final String SHANXI = "110.2,34.5,114.6,40.8";
    static final MapStyles STYLES = MapStyles.fromClasspath();

    HttpResponse<byte[]> png(String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/map.png?" + query)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    BufferedImage image(String query) throws Exception {
        HttpResponse<byte[]> r = png(query);
        assertThat(r.statusCode()).as(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        return ImageIO.read(new ByteArrayInputStream(r.body()));
    }

    /** 孝义市's label point, from the features API. */
    double[] xiaoyi() throws Exception {
        JsonNode p = get("/api/layers/counties/features?adcode=141181").body().get("features").get(0).get("properties");
        return new double[] {p.get("labelPoint").get(0).asDouble(), p.get("labelPoint").get(1).asDouble()};
    }

    static Color over(Color top, double alpha, Color under) {
        return new Color((int) Math.round(top.getRed() * alpha + under.getRed() * (1 - alpha)),
                (int) Math.round(top.getGreen() * alpha + under.getGreen() * (1 - alpha)),
                (int) Math.round(top.getBlue() * alpha + under.getBlue() * (1 - alpha)));
    }

    static void assertNear(int rgb, Color expected) {
        Color c = new Color(rgb);
        assertThat(Math.abs(c.getRed() - expected.getRed()) + Math.abs(c.getGreen() - expected.getGreen())
                + Math.abs(c.getBlue() - expected.getBlue())).as("%s vs %s", c, expected).isLessThanOrEqualTo(6);
    }

    @Test
    void shanxiIsDrawnInTheViewersTierColoursWithALegendAndScaleBar() throws Exception {
        HttpResponse<byte[]> r = png("bbox=" + SHANXI + "&width=800&height=1000&layers=counties,cities,province,labels,town-groups");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment", "filename*=UTF-8''").contains(".png");
        Files.createDirectories(ViewerBrowserTest.SCREENSHOTS);
        Files.write(ViewerBrowserTest.SCREENSHOTS.resolve("map-png-shanxi.png"), r.body());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(1000);

        // 孝义市 is an I型小城市: at its label point the county fill is that tier's colour from the style file.
        BufferedImage counties = image("bbox=" + SHANXI + "&width=800&height=1000&layers=counties");
        double[] xiaoyi = xiaoyi();
        Viewport view = Viewport.fitting(new Envelope(110.2, 114.6, 34.5, 40.8), 800, 1000);
        var style = STYLES.layer("counties").orElseThrow();
        Color tier = style.fillFor(java.util.Map.of("tier", "I型小城市"));
        Color expected = over(new Color(tier.getRGB() & 0xffffff), style.fillOpacity(), STYLES.background());
        assertNear(counties.getRGB((int) view.px(xiaoyi[0]), (int) view.py(xiaoyi[1])), expected);

        // The legend (bottom right, over the scale bar) shows the five tiers' swatches.
        Set<Integer> legendColours = new HashSet<>();
        for (int x = 540; x < 800; x++) {
            for (int y = 600; y < 1000; y++) {
                legendColours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        for (String t : style.fillBy().values().keySet()) {
            Color c = style.fillFor(java.util.Map.of("tier", t));
            Color onWhite = over(new Color(c.getRGB() & 0xffffff), style.fillOpacity(), Color.WHITE);
            assertThat(legendColours).as("legend swatch of %s", t).anySatisfy(rgb -> assertNear(rgb, onWhite));
        }
    }

    /** lang=en (the viewer's English mode): same map, other words; the title panel's text differs, the fills do not. */
    @Test
    void inEnglishTheTitleLegendAndNamesChangeButNotTheMap() throws Exception {
        String query = "bbox=" + SHANXI + "&width=800&height=1000&layers=counties,cities,province,labels,town-groups";
        HttpResponse<byte[]> r = png(query + "&lang=en");
        assertThat(r.statusCode()).isEqualTo(200);
        Files.createDirectories(ViewerBrowserTest.SCREENSHOTS);
        Files.write(ViewerBrowserTest.SCREENSHOTS.resolve("map-png-shanxi-en.png"), r.body());
        BufferedImage english = ImageIO.read(new ByteArrayInputStream(r.body()));
        BufferedImage chinese = image(query + "&lang=zh");
        assertThat(differing(english, chinese, 0, 0, 400, 40)).as("the title").isGreaterThan(200);
        double[] xiaoyi = xiaoyi();
        Viewport view = Viewport.fitting(new Envelope(110.2, 114.6, 34.5, 40.8), 800, 1000);
        int x = (int) view.px(xiaoyi[0]);
        int y = (int) view.py(xiaoyi[1]);
        assertThat(english.getRGB(x, y)).as("孝义市's fill").isEqualTo(chinese.getRGB(x, y));
        assertThat(png(query + "&lang=fr").statusCode()).isEqualTo(400);
    }

    private static int differing(BufferedImage a, BufferedImage b, int left, int top, int width, int height) {
        int n = 0;
        for (int x = left; x < left + width; x++) {
            for (int y = top; y < top + height; y++) {
                n += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void anotherLayerSetGivesOtherPixels() throws Exception {
        BufferedImage counties = image("bbox=111.5,36.9,112.0,37.3&width=400&height=300&layers=counties");
        BufferedImage withLines = image("bbox=111.5,36.9,112.0,37.3&width=400&height=300&layers=counties,urban-development-boundary");
        assertThat(differing(counties, withLines, 0, 0, 400, 300)).isGreaterThan(1000);
    }

    @Test
    void badParametersAre400AndUnknownLayers404() throws Exception {
        for (String bad : new String[] {"bbox=1,2,3", "width=800&height=600", "bbox=" + SHANXI + "&width=10",
                "bbox=" + SHANXI + "&width=5000", "bbox=" + SHANXI + "&width=4096&height=4096",
                "bbox=" + SHANXI + "&width=abc", "bbox=114,40,110,35", "bbox=" + SHANXI + "&layers=,"}) {
            Answer a = get("/api/map.png?" + bad);
            assertThat(a.status()).as(bad).isEqualTo(400);
            assertThat(a.body().get("code").asString()).isEqualTo("invalid-parameter");
        }
        assertThat(get("/api/map.png?bbox=" + SHANXI + "&layers=counties,no-such-layer").status()).isEqualTo(404);
    }
}

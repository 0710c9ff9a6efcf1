package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.QgisTest;
import org.planmap.render.WebMercator;

/**
 * QGIS 3.22 (Debian {@code python3-qgis}, headless) adds a layer of /wmts as its "Add WMS/WMTS Layer" dialog
 * does, with its own WMTS client rather than GDAL's, and draws it. In the full lane: bin/test installs PyQGIS.
 */
@QgisTest
class WmtsQgisTest extends ServerTest {

    @TempDir
    Path work;

    @Test
    void qgisOpensAndDrawsAWmtsLayer() throws Exception {
        Path script = work.resolve("qgis-wmts.py");
        try (InputStream in = getClass().getResourceAsStream("qgis-wmts.py")) {
            Files.copy(in, script);
        }
        Path png = work.resolve("qgis.png");
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", script.toString(),
                "http://127.0.0.1:" + port + "/wmts/1.0.0/WMTSCapabilities.xml", TileApiTest.UDB, png.toString())
                .redirectErrorStream(true);
        pb.environment().put("QT_QPA_PLATFORM", "offscreen");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();

        assertThat(out).as(out).contains("crs: EPSG:3857").contains("城镇开发边界").doesNotContain("error: ");
        // The layer's extent is Shanxi in Web Mercator metres (about 110°E–115°E, 34.5°N–41°N), not the world.
        Matcher extent = Pattern.compile("extent: (-?\\d+) (-?\\d+) (-?\\d+) (-?\\d+)").matcher(out);
        assertThat(extent.find()).as(out).isTrue();
        assertThat(Double.parseDouble(extent.group(1))).isBetween(WebMercator.x(109), WebMercator.x(111));
        assertThat(Double.parseDouble(extent.group(3))).isBetween(WebMercator.x(114), WebMercator.x(115.5));
        assertThat(Double.parseDouble(extent.group(2))).isBetween(WebMercator.y(33.5), WebMercator.y(35.5));
        assertThat(Double.parseDouble(extent.group(4))).isBetween(WebMercator.y(40), WebMercator.y(41.5));

        BufferedImage image = ImageIO.read(png.toFile());
        long drawn = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                drawn += (image.getRGB(x, y) >>> 24) > 0 ? 1 : 0;
            }
        }
        assertThat(drawn).as("pixels QGIS drew from the tiles").isGreaterThan(100);
    }
}

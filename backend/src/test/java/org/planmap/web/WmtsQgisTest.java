package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import tools.jackson.databind.JsonNode;

/**
 * QGIS 3.22 (Debian {@code python3-qgis}, headless) adds a layer of /wmts as its "Add WMS/WMTS Layer" dialog
 * does, with its own WMTS client rather than GDAL's, and draws it. In the full lane: bin/test installs PyQGIS.
 */
@QgisTest
class WmtsQgisTest extends ServerTest {

    @TempDir
    Path work;

    /**
     * Opens the UDB layer on one matrix set as QGIS's dialog would and draws it.
     *
     * @return the layer's extent as QGIS read it: x min, y min, x max, y max in {@code crs}
     */
    double[] open(String matrixSet, String crs) throws Exception {
        Path script = work.resolve("qgis-wmts.py");
        if (!Files.exists(script)) {
            try (InputStream in = getClass().getResourceAsStream("qgis-wmts.py")) {
                Files.copy(in, script);
            }
        }
        Path png = work.resolve(matrixSet + ".png");
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", script.toString(),
                "http://127.0.0.1:" + port + "/wmts/1.0.0/WMTSCapabilities.xml", TileApiTest.UDB, matrixSet, crs,
                png.toString()).redirectErrorStream(true);
        pb.environment().put("QT_QPA_PLATFORM", "offscreen");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as(out).contains("crs: " + crs).contains("城镇开发边界").doesNotContain("error: ");
        Matcher extent = Pattern.compile("extent: (\\S+) (\\S+) (\\S+) (\\S+)").matcher(out);
        assertThat(extent.find()).as(out).isTrue();
        double[] e = new double[4];
        for (int i = 0; i < 4; i++) {
            e[i] = Double.parseDouble(extent.group(i + 1));
        }
        BufferedImage image = ImageIO.read(png.toFile());
        long drawn = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                drawn += (image.getRGB(x, y) >>> 24) > 0 ? 1 : 0;
            }
        }
        assertThat(drawn).as("pixels QGIS drew from the tiles").isGreaterThan(100);
        return e;
    }

    @Test
    void qgisOpensAndDrawsAWmtsLayer() throws Exception {
        double[] e = open("GoogleMapsCompatible", "EPSG:3857");
        // The layer's extent is Shanxi in Web Mercator metres (about 110°E–115°E, 34.5°N–41°N), not the world.
        assertThat(e[0]).isBetween(WebMercator.x(109), WebMercator.x(111));
        assertThat(e[2]).isBetween(WebMercator.x(114), WebMercator.x(115.5));
        assertThat(e[1]).isBetween(WebMercator.y(33.5), WebMercator.y(35.5));
        assertThat(e[3]).isBetween(WebMercator.y(40), WebMercator.y(41.5));
    }

    @Test
    void qgisOpensTheCgcs2000SetInDegreesLongitudeFirst() throws Exception {
        // QGIS reads TopLeftCorner "90 -180" in EPSG:4490's latitude-first order and shows x = longitude: the
        // layer's own box in Shanxi (about 110.3°E–114.6°E, 34.6°N–40.7°N). Swapped axes would put it at x 34–41,
        // y 110–115, or nowhere.
        double[] e = open("c", "EPSG:4490");
        JsonNode bbox = null;
        for (JsonNode l : get("/api/layers").body()) {
            if (l.get("id").asString().equals(TileApiTest.UDB)) {
                bbox = l.get("bbox");
            }
        }
        assertThat(bbox).isNotNull();
        for (int i = 0; i < 4; i++) {
            assertThat(e[i]).as("extent[%d]", i).isCloseTo(bbox.get(i).asDouble(), within(0.01));
        }
        assertThat(e[0]).isBetween(110.0, 111.0);
        assertThat(e[3]).isBetween(40.0, 41.0);
    }
}

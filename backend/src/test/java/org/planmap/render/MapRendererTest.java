package org.planmap.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.planmap.TestStores;
import org.planmap.crs.CrsRef;
import org.planmap.crs.Reprojector;
import org.planmap.layer.ByteCache;
import org.planmap.layer.LayerService;
import org.planmap.plan.PlanLayers;
import org.planmap.store.Feature;
import org.planmap.store.FeatureQuery;
import org.planmap.store.gpkg.GeoPackageStore;
import org.planmap.style.MapStyles;

/** The renderer on the real county boundaries in a GeoPackage store, without Spring. */
class MapRendererTest {

    static GeoPackageStore store;
    static LayerService layers;
    static final MapStyles STYLES = MapStyles.fromClasspath();

    @BeforeAll
    static void publishCounties(@TempDir Path dir) {
        store = TestStores.withPlanLayers(dir);
        layers = new LayerService(store);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void chineseLabelsNeedACjkFont() {
        assertThat(CjkFont.drawsChinese())
                .as("no font here draws Chinese, so labels would be boxes: install Debian's fonts-noto-cjk (bin/test does)")
                .isTrue();
        assertThat(CjkFont.family()).isEqualTo(CjkFont.PREFERRED);
    }

    @Test
    void theClosedFormIsProj4jsWebMercatorToAMillimetre() {
        GeometryFactory f = new GeometryFactory();
        Reprojector proj4j = new Reprojector(Reprojector.CHINA);
        for (double[] p : new double[][] {{111.78, 37.11}, {110.25, 34.6}, {114.5, 40.7}, {87.6, 43.8}}) {
            Geometry m = proj4j.transform(f.createPoint(new Coordinate(p[0], p[1])), CrsRef.WGS84, CrsRef.WEB_MERCATOR);
            assertThat(WebMercator.x(p[0])).isCloseTo(m.getCoordinate().x, within(1e-3));
            assertThat(WebMercator.y(p[1])).isCloseTo(m.getCoordinate().y, within(1e-3));
            assertThat(WebMercator.lat(WebMercator.y(p[1]))).isCloseTo(p[1], within(1e-12));
        }
    }

    @Test
    void theScaleBarMeasuresOnTheGroundNotInMercatorMetres() {
        Viewport v = TileGrid.WEB_MERCATOR.tile(9, 416, 194);
        double lat = WebMercator.lat(v.extent().centre().y);
        // Mercator stretches by ≈ 1/cos(lat); the ellipsoid adds about 0.1 % at Shanxi's latitudes.
        assertThat(v.groundMetresPerPixel() / (v.resolution() * Math.cos(Math.toRadians(lat)))).isCloseTo(1.0, within(0.003));
        assertThat(v.groundMetresPerPixel()).isLessThan(v.resolution() * 0.85);
    }

    @Test
    void countiesAreFilledWithTheirTierColourFromTheStyleFile() {
        Feature xiaoyi = layers.features(FeatureQuery.of(PlanLayers.COUNTIES).adcodePrefix("141181"), CrsRef.WGS84)
                .toList().get(0);
        List<?> label = (List<?>) xiaoyi.properties().get("labelPoint");
        double lon = ((Number) label.get(0)).doubleValue();
        double lat = ((Number) label.get(1)).doubleValue();
        Viewport view = Viewport.fitting(new org.locationtech.jts.geom.Envelope(lon - 0.3, lon + 0.3, lat - 0.2, lat + 0.2), 300, 200);
        MapRenderer renderer = new MapRenderer(layers, STYLES);
        BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        MapRenderer.prepare(g);
        MapStyles.LayerStyle counties = STYLES.layer(PlanLayers.COUNTIES).orElseThrow();
        renderer.drawFeatures(g, view, counties, renderer.features(PlanLayers.COUNTIES, view));
        g.dispose();
        Color drawn = new Color(image.getRGB((int) view.px(lon), (int) view.py(lat)), true);
        Color tier = counties.fillFor(Map.of("tier", "I型小城市"));
        // Compositing translucent ARGB rounds by one level at most.
        assertThat(new int[] {drawn.getRed(), drawn.getGreen(), drawn.getBlue(), drawn.getAlpha()})
                .satisfies(c -> assertThat(Math.abs(c[0] - tier.getRed()) + Math.abs(c[1] - tier.getGreen())
                        + Math.abs(c[2] - tier.getBlue()) + Math.abs(c[3] - tier.getAlpha())).isLessThanOrEqualTo(3));
        assertThat(xiaoyi.properties().get("tier")).isEqualTo("I型小城市");
    }

    @Test
    void aFeatureSmallerThanAPixelBecomesOneDot() {
        MapStyles.LayerStyle style = STYLES.layer("permanent-basic-farmland").orElseThrow();
        GeometryFactory f = new GeometryFactory();
        // A 10 m field with a thousand vertices, seen at z7 (≈ 1 km a pixel).
        Coordinate[] ring = new Coordinate[1001];
        for (int i = 0; i < 1000; i++) {
            double a = 2 * Math.PI * i / 1000;
            ring[i] = new Coordinate(112.0 + 0.00005 * Math.cos(a), 37.0 + 0.00005 * Math.sin(a));
        }
        ring[1000] = ring[0];
        Feature field = new Feature("1", f.createPolygon(ring), Map.of());
        Viewport view = Viewport.fitting(new org.locationtech.jts.geom.Envelope(111.9, 112.1, 36.9, 37.1), 64, 64);
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        new MapRenderer(layers, STYLES).drawFeatures(g, view, style, List.of(field));
        g.dispose();
        int painted = 0;
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 64; y++) {
                painted += image.getRGB(x, y) >>> 24 != 0 ? 1 : 0;
            }
        }
        assertThat(painted).isEqualTo(1);
        assertThat(new Color(image.getRGB((int) view.px(112.0), (int) view.py(37.0)), true)).isEqualTo(style.stroke());
    }

    @Test
    void outlinesKeepOnlyTheVerticesThatMoveTheLineByMoreThanHalfAPixel() {
        // A 100-px edge with a 0.4-px wobble every pixel and one 3-px spike at x = 50: the wobble goes, the spike stays.
        int n = 101;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = i == 50 ? 3 : (i % 2) * 0.4;
        }
        boolean[] keep = MapRenderer.douglasPeucker(x, y, MapRenderer.SIMPLIFY_PX);
        List<Integer> kept = java.util.stream.IntStream.range(0, n).filter(i -> keep[i]).boxed().toList();
        assertThat(kept).contains(0, 50, 100).allMatch(i -> i == 0 || i == 100 || Math.abs(i - 50) <= 2);
        // A closed ring (last vertex = first) keeps its corners.
        double[] rx = {0, 10, 10, 0, 0};
        double[] ry = {0, 0, 10, 10, 0};
        boolean[] ring = MapRenderer.douglasPeucker(rx, ry, MapRenderer.SIMPLIFY_PX);
        assertThat(ring).containsExactly(true, true, true, true, true);
    }

    @Test
    void theTileCacheStaysWithinItsBytesDroppingTheLeastRecentlyUsed() {
        ByteCache<Tiles.Key> cache = new ByteCache<>(1000);
        Tiles.Key a = new Tiles.Key("l", "v1", TileGrid.WEB_MERCATOR, 1, 0, 0);
        Tiles.Key b = new Tiles.Key("l", "v1", TileGrid.WEB_MERCATOR, 1, 1, 0);
        Tiles.Key c = new Tiles.Key("l", "v1", TileGrid.WEB_MERCATOR, 1, 0, 1);
        cache.put(a, new byte[400]);
        cache.put(b, new byte[400]);
        assertThat(cache.get(a)).isNotNull();
        cache.put(c, new byte[400]);
        assertThat(cache.bytes()).isLessThanOrEqualTo(1000);
        assertThat(cache.get(b)).as("least recently used").isNull();
        assertThat(cache.get(a)).isNotNull();
        assertThat(cache.get(new Tiles.Key("l", "v2", TileGrid.WEB_MERCATOR, 1, 0, 0))).as("another version is another tile").isNull();
    }
}

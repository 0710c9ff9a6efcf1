package org.planmap.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Area;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.PreparedDataDirectory;
import org.planmap.crs.CrsRef;
import org.planmap.layer.LayerService;
import org.planmap.plan.PlanLayers;
import org.planmap.render.MapImage;
import org.planmap.render.MapLanguage;
import org.planmap.render.MapLayers;
import org.planmap.render.MapPdf;
import org.planmap.render.MapRenderer;
import org.planmap.render.PdfTextFlow;
import org.planmap.render.Viewport;
import org.planmap.store.Feature;
import org.planmap.store.FeatureCursor;
import org.planmap.store.FeatureQuery;
import org.planmap.store.gpkg.GeoPackageStore;
import org.planmap.style.MapStyles;

/**
 * The atlas page's map as the atlas draws it, county by county on the real boundaries and demonstration lines: the
 * legend's panel covers none of the county the page is about (it sat bottom-right over 离石区's and 柳林县's
 * conflicts, whatever the county's shape). The Chinese legend: the English one is wider than the strip kept for it.
 */
class CountyAtlasLegendTest {

    @TempDir
    static Path dir;
    static GeoPackageStore store;
    static LayerService layers;
    static MapImage maps;

    @BeforeAll
    static void storeWithTheLines() {
        // As a first start leaves it: the neighbouring provinces and the conflicts layer drawn too.
        store = GeoPackageStore.open(PreparedDataDirectory.copyTo(dir.resolve("store")));
        layers = new LayerService(store);
        maps = new MapImage(new MapRenderer(layers, MapStyles.fromClasspath()), layers);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void theLegendCoversNoneOfTheCountyOnAnyPage() {
        MapLanguage language = MapLanguage.CHINESE;
        MapLayers wanted = CountyAtlas.mapLayers(Map.of());
        int width = (int) (MapPdf.Paper.A4.size(false).getWidth() - 2 * PdfTextFlow.MARGIN);
        List<String> covered = new ArrayList<>();
        int pages = 0;
        try (FeatureCursor counties = layers.features(FeatureQuery.of(PlanLayers.COUNTIES), CrsRef.WGS84)) {
            while (counties.hasNext()) {
                Feature county = counties.next();
                Viewport view = MapPdf.viewport(MapPdf.padded(county.geometry().getEnvelopeInternal(),
                        CountyAtlas.MAP_PADDING), width, CountyAtlas.MAP_HEIGHT, true);
                BufferedImage image = new BufferedImage(view.width(), view.height(), BufferedImage.TYPE_INT_RGB);
                Graphics2D g = image.createGraphics();
                Rectangle2D legend;
                try {
                    legend = maps.draw(g, view, wanted, "图", language, county.geometry()).legend();
                } finally {
                    g.dispose();
                }
                assertThat(legend.isEmpty()).as("a legend is drawn").isFalse();
                Area under = new Area(view.path(county.geometry()));
                under.intersect(new Area(legend));
                if (!under.isEmpty()) {
                    covered.add(county.properties().get("name") + " " + under.getBounds());
                }
                pages++;
            }
        }
        assertThat(pages).isEqualTo(117);
        assertThat(covered).isEmpty();
    }
}

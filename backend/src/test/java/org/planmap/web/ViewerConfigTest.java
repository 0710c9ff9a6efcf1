package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.planmap.settings.PlanmapProperties;
import org.planmap.importer.ImportLimits;

class ViewerConfigTest {

    @SuppressWarnings("unchecked")
    static List<ViewerConfigController.TileBasemap> basemaps(PlanmapProperties.Basemap basemap) {
        PlanmapProperties p = new PlanmapProperties(java.nio.file.Path.of("x"), null, null, null, "planmap", 200, null,
                basemap);
        return (List<ViewerConfigController.TileBasemap>) new ViewerConfigController(p, ImportLimits.DEFAULT).config()
                .get("basemaps");
    }

    @Test
    void theUploadLimitIsTheImportsOwn() {
        PlanmapProperties p = new PlanmapProperties(java.nio.file.Path.of("x"), null, null, null, "planmap", 200, null,
                new PlanmapProperties.Basemap(null, false));
        ImportLimits limits = new ImportLimits(3_000_000, 1, 1, 1);
        assertThat(new ViewerConfigController(p, limits).config()).containsEntry("maxUploadBytes", 3_000_000L);
    }

    /** The viewer asks for the generalised copies the server keeps, and shows 吕梁's tasks on 吕梁's card. */
    @Test
    void theZoomBandsAndTheTaskListCityAreTheServersOwn() {
        PlanmapProperties p = new PlanmapProperties(java.nio.file.Path.of("x"), null, null, null, "planmap", 200, null,
                new PlanmapProperties.Basemap(null, false));
        assertThat(new ViewerConfigController(p, ImportLimits.DEFAULT).config())
                .containsEntry("zoomBands", List.of(6, 8, 10)).containsEntry("taskListCity", "141100");
    }

    @Test
    void offlineByDefault() {
        assertThat(basemaps(new PlanmapProperties.Basemap(null, false))).isEmpty();
    }

    @Test
    void tiandituUsesItsWebMercatorServicesWithTheKeyAndLabels() {
        List<ViewerConfigController.TileBasemap> b = basemaps(new PlanmapProperties.Basemap("abc123", true));
        assertThat(b).extracting(ViewerConfigController.TileBasemap::id).containsExactly("tianditu-vec", "tianditu-img", "osm");
        assertThat(b.get(0).url()).contains("vec_w/wmts", "TILEMATRIXSET=w", "tk=abc123").doesNotContain("_c/");
        assertThat(b.get(0).overlay()).contains("cva_w/wmts");
        assertThat(b).noneSatisfy(t -> assertThat(t.url()).containsAnyOf("amap", "autonavi", "google"));
    }
}

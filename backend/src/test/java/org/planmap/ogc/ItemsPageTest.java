package org.planmap.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.planmap.TestStores;
import org.planmap.layer.FeaturePage;
import org.planmap.layer.LayerService;
import org.planmap.store.Feature;
import org.planmap.store.FeatureCursor;
import org.planmap.store.FeatureStore;
import org.planmap.store.Field;
import org.planmap.store.LayerInfo;
import org.planmap.store.gpkg.GeoPackageStore;

/**
 * The items page a browser gets lists a dense layer's features as the GeoJSON page does, while the store hands out no
 * geometry for it: the page prints none, so none is read or decoded.
 */
class ItemsPageTest {

    /** Above the resident-layer bound (5 000), so the page is read from the store, not from a parsed copy. */
    static final int DENSE = 6_000;

    @TempDir
    Path dir;

    @Test
    void theHtmlPageListsTheGeoJsonPagesFeaturesWithoutReadingAGeometry() {
        try (GeoPackageStore own = GeoPackageStore.open(dir)) {
            LayerInfo parcels = new LayerInfo("parcels", "地块", "POLYGON", "EPSG:4326", "test", 0, List.of(),
                    List.of(new Field("name", Field.Type.STRING, "名称")), "1");
            GeometryFactory factory = new GeometryFactory();
            own.replace(parcels, sink -> {
                for (int i = 0; i < DENSE; i++) {
                    double x = 111 + (i % 100) * 0.01;
                    double y = 37 + (i / 100) * 0.01;
                    sink.accept(new Feature("p" + i, factory.toGeometry(new Envelope(x, x + 0.008, y, y + 0.008)),
                            Map.of("name", "地块" + i)));
                }
            });
            AtomicInteger handedOut = new AtomicInteger();
            AtomicInteger withGeometry = new AtomicInteger();
            FeatureStore counted = TestStores.intercepted(own, (method, proceed) -> {
                Object answer = proceed.call();
                return answer instanceof FeatureCursor cursor ? cursor.map(f -> {
                    handedOut.incrementAndGet();
                    if (f.geometry() != null) {
                        withGeometry.incrementAndGet();
                    }
                    return f;
                }) : answer;
            });
            LayerService layers = new LayerService(counted);
            Map<String, List<String>> params = Map.of("limit", List.of("20"), "offset", List.of("100"),
                    "bbox", List.of("111,37,112,38"));

            List<Feature> geoJson = read(layers, request(params, null), parcels);
            assertThat(geoJson).hasSize(20);
            assertThat(withGeometry).as("the GeoJSON page reads its geometries").hasValue(20);

            handedOut.set(0);
            withGeometry.set(0);
            ItemsRequest browser = request(params, "text/html");
            List<Feature> listed = read(layers, browser, parcels);
            assertThat(handedOut).hasValue(20);
            assertThat(withGeometry).as("the store hands the page no geometry").hasValue(0);
            assertThat(listed).containsExactlyElementsOf(
                    geoJson.stream().map(f -> new Feature(f.id(), null, f.properties())).toList());
            String page = HtmlPages.items(new OgcUrls("http://localhost/ogc"), parcels, listed,
                    layers.count(browser.query(parcels)), browser);
            assertThat(page).contains(">p100<", ">地块100<", ">p119<", ">地块119<").doesNotContain(">p120<")
                    .contains("共 " + DENSE + " 个要素", "几何类型 POLYGON");
        }
    }

    private static ItemsRequest request(Map<String, List<String>> params, String accept) {
        return ItemsRequest.parse(OgcParams.check(params, ItemsRequest.PARAMETERS), accept, List.of());
    }

    /** What the items handler reads for {@code request}. */
    private static List<Feature> read(LayerService layers, ItemsRequest request, LayerInfo layer) {
        try (FeaturePage page = layers.page(request.query(layer), request.crs().crs())) {
            return page.features().toList();
        }
    }
}

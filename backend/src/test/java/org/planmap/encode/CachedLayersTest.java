package org.planmap.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.planmap.TestStores;
import org.planmap.layer.LayerContent;
import org.planmap.layer.LayerPublisher;
import org.planmap.layer.LayerService;
import org.planmap.layer.LayerWriter;
import org.planmap.layer.UnknownLayerException;
import org.planmap.layer.ZoomBand;
import org.planmap.boundary.BoundaryFiles;
import org.planmap.boundary.BoundaryLayers;
import org.planmap.boundary.BoundarySet;
import org.planmap.plan.CountyDirectory;
import org.planmap.plan.PlanLayers;
import org.planmap.plan.PlanTables;
import org.planmap.plan.StructureLayers;
import org.planmap.store.Feature;
import org.planmap.store.FeatureStore;
import org.planmap.store.StoreUnavailableException;
import org.planmap.store.gpkg.GeoPackageStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The cached answers of the small layers, read back from their bytes as a client would. */
public class CachedLayersTest {

    public static final List<String> SMALL = List.of(PlanLayers.COUNTIES, PlanLayers.CITIES, BoundaryLayers.PROVINCE,
            BoundaryLayers.NEIGHBOURS, StructureLayers.TOWN_GROUPS, StructureLayers.REGIONS);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;
    static GeoPackageStore store;
    static CachedLayers cache;

    @BeforeAll
    static void publish() {
        store = GeoPackageStore.open(dir);
        LayerPublisher publisher = new LayerPublisher(new LayerWriter(store));
        ownLayers().forEach(publisher::publish);
        cache = cache(store);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static CachedLayers cache(GeoPackageStore store) {
        return new CachedLayers(new LayerService(store), PlanLayers.COUNTIES, SMALL,
                Map.of(PlanLayers.COUNTIES, PlanLayers.COUNTY_MAP_PROPERTIES), Duration.ZERO);
    }

    public static List<LayerContent> ownLayers() {
        BoundarySet boundaries = BoundaryFiles.fromClasspath();
        PlanTables tables = PlanTables.fromClasspath();
        List<LayerContent> layers = new ArrayList<>(BoundaryLayers.all(boundaries));
        layers.addAll(PlanLayers.all(boundaries, tables, new CountyDirectory(boundaries, tables)));
        layers.addAll(new StructureLayers(boundaries).all(tables));
        return layers;
    }

    @ParameterizedTest
    @EnumSource(ZoomBand.class)
    void countiesStayACoverageWithEveryCountyNearItsArea(ZoomBand band) throws Exception {
        Map<String, Geometry> full = geometries(cache.answer(PlanLayers.COUNTIES, Optional.empty()).orElseThrow());
        Map<String, Geometry> simplified = geometries(cache.answer(PlanLayers.COUNTIES, Optional.of(band)).orElseThrow());

        assertThat(simplified.keySet()).hasSize(117).containsExactlyElementsOf(full.keySet());
        Geometry[] coverage = simplified.values().toArray(Geometry[]::new);
        assertThat(simplified.values()).allSatisfy(g -> {
            assertThat(g.isValid()).isTrue();
            assertThat(g.getGeometryType()).isEqualTo("MultiPolygon");
        });
        // Neighbours still share their borders vertex for vertex (no overlap, no sliver), after rounding...
        assertThat(CoverageValidator.validate(coverage)).containsOnlyNulls();
        // ...and no gap opened between them: the union has no hole the province does not have.
        Geometry union = org.locationtech.jts.coverage.CoverageUnion.union(coverage);
        Geometry province = org.locationtech.jts.coverage.CoverageUnion.union(full.values().toArray(Geometry[]::new));
        assertThat(union.getNumGeometries()).isEqualTo(province.getNumGeometries());
        assertThat(holes(union)).isEqualTo(holes(province));
        // Within 5 %, or for the smallest districts (a few pixels at the band) within two square pixels; in sum hardly any.
        double onePixel = band.pixelDegrees() * band.pixelDegrees() / Math.cos(Math.toRadians(37.5));
        full.forEach((adcode, g) -> assertThat(simplified.get(adcode).getArea()).as("area of %s at %s", adcode, band)
                .isCloseTo(g.getArea(), org.assertj.core.data.Offset.offset(Math.max(0.05 * g.getArea(), 2 * onePixel))));
        assertThat(union.getArea()).isCloseTo(province.getArea(), withPercentage(0.2));
    }

    @ParameterizedTest
    @EnumSource(ZoomBand.class)
    void citiesAndTheProvinceAreUnionsOfTheSimplifiedCounties(ZoomBand band) throws Exception {
        Map<String, Geometry> counties = geometries(cache.answer(PlanLayers.COUNTIES, Optional.of(band)).orElseThrow());
        Map<String, Geometry> cities = geometries(cache.answer(PlanLayers.CITIES, Optional.of(band)).orElseThrow());
        assertThat(cities).hasSize(11);
        cities.forEach((adcode, city) -> {
            Geometry members = org.locationtech.jts.coverage.CoverageUnion.union(counties.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(adcode.substring(0, 4))).map(Map.Entry::getValue)
                    .toArray(Geometry[]::new));
            // The same vertices, so the city line lies on the county lines: no difference at all.
            assertThat(city.symDifference(members).getArea()).as(adcode).isLessThan(1e-12);
        });
        Geometry province = geometries(cache.answer(BoundaryLayers.PROVINCE, Optional.of(band)).orElseThrow())
                .values().iterator().next();
        assertThat(CoverageValidator.validate(cities.values().toArray(Geometry[]::new))).containsOnlyNulls();
        assertThat(province.getArea()).isCloseTo(cities.values().stream().mapToDouble(Geometry::getArea).sum(),
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theProvinceViewIsSmallAndKeepsWhatTheMapDraws() throws Exception {
        CachedLayers.EncodedLayer z8 = cache.answer(PlanLayers.COUNTIES, ZoomBand.forZoom(7)).orElseThrow();
        assertThat(ZoomBand.forZoom(7)).contains(ZoomBand.Z8);
        assertThat(z8.gzip().length).as("gzip bytes of the counties at the province's zoom").isLessThanOrEqualTo(60_000);
        assertThat(gunzip(z8.gzip())).isEqualTo(z8.body());
        JsonNode county = JSON.readTree(z8.body()).get("features").get(0).get("properties");
        assertThat(county.propertyNames()).containsExactlyElementsOf(PlanLayers.COUNTY_MAP_PROPERTIES);
        assertThat(county.get("tier").asString()).isNotBlank();
        // Other layers keep every property in every band: the cards read them.
        JsonNode group = JSON.readTree(cache.answer(StructureLayers.TOWN_GROUPS, Optional.of(ZoomBand.Z8))
                .orElseThrow().body()).get("features").get(0).get("properties");
        assertThat(group.has("core")).isTrue();
        assertThat(group.has("sourceQuote")).isTrue();
    }

    @Test
    void theFullAnswerIsTheStoredLayerAtFullPrecision() throws Exception {
        JsonNode full = JSON.readTree(cache.answer(PlanLayers.COUNTIES, Optional.empty()).orElseThrow().body());
        assertThat(full.get("numberMatched").asInt()).isEqualTo(117);
        assertThat(full.get("truncated").asBoolean()).isFalse();
        assertThat(full.get("features").get(0).get("properties").has("tierSource")).isTrue();
        assertThat(full.get("features").get(0).get("geometry").toString()).containsPattern("\\.\\d{6}[,\\]]");
    }

    @Test
    void onlyTheSmallLayersAreCached() {
        assertThat(cache.answer("permanent-basic-farmland", Optional.empty())).isEmpty();
        assertThat(cache.answer("no-such-layer", Optional.of(ZoomBand.Z6))).isEmpty();
    }

    @Test
    void aNewLayerVersionChangesTheAnswers(@TempDir Path other) {
        try (GeoPackageStore own = GeoPackageStore.open(other)) {
            LayerPublisher publisher = new LayerPublisher(new LayerWriter(own));
            List<LayerContent> layers = ownLayers();
            layers.forEach(publisher::publish);
            CachedLayers answers = cache(own);
            CachedLayers.EncodedLayer before = answers.answer(PlanLayers.CITIES, Optional.of(ZoomBand.Z6)).orElseThrow();
            assertThat(answers.answer(PlanLayers.CITIES, Optional.of(ZoomBand.Z6)).orElseThrow())
                    .as("unchanged store: the same cached answer").isSameAs(before);
            assertThat(before.etag()).startsWith("\"").endsWith("\"").contains("-z6-");

            LayerContent counties = layers.stream().filter(l -> l.info().id().equals(PlanLayers.COUNTIES))
                    .findFirst().orElseThrow();
            List<Feature> renamed = new ArrayList<>(counties.features());
            Map<String, Object> p = new LinkedHashMap<>(renamed.get(0).properties());
            p.put("name", "改名区");
            renamed.set(0, new Feature(renamed.get(0).id(), renamed.get(0).geometry(), p));
            assertThat(publisher.publish(new LayerContent(counties.info(), renamed))).isTrue();

            CachedLayers.EncodedLayer after = answers.answer(PlanLayers.COUNTIES, Optional.of(ZoomBand.Z6)).orElseThrow();
            assertThat(new String(after.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("改名区");
            assertThat(after.etag()).isNotEqualTo(answers.answer(PlanLayers.COUNTIES, Optional.empty()).orElseThrow().etag());
            assertThat(answers.answer(PlanLayers.CITIES, Optional.of(ZoomBand.Z6)).orElseThrow())
                    .as("a new generation: rebuilt, not the old object").isNotSameAs(before);
        }
    }

    @Test
    void readyAnswersOnlyWhatIsBuiltAndFreshWithoutTheStore(@TempDir Path other) {
        AtomicLong now = new AtomicLong();
        List<Runnable> background = new ArrayList<>();
        GeoPackageStore own = GeoPackageStore.open(other);
        LayerPublisher publisher = new LayerPublisher(new LayerWriter(own));
        ownLayers().forEach(publisher::publish);
        AtomicBoolean down = new AtomicBoolean();
        FeatureStore flaky = TestStores.intercepted(own, (method, proceed) -> {
            if (down.get()) {
                throw new StoreUnavailableException("store down (test)", null);
            }
            return proceed.call();
        });
        CachedLayers answers = new CachedLayers(new LayerService(flaky), PlanLayers.COUNTIES, SMALL,
                Map.of(PlanLayers.COUNTIES, PlanLayers.COUNTY_MAP_PROPERTIES), Duration.ofSeconds(1), now::get,
                background::add);
        assertThat(answers.ready(PlanLayers.COUNTIES, Optional.of(ZoomBand.Z6))).as("nothing built yet").isEmpty();

        CachedLayers.EncodedLayer built = answers.answer(PlanLayers.COUNTIES, Optional.of(ZoomBand.Z6)).orElseThrow();
        assertThat(answers.ready(PlanLayers.COUNTIES, Optional.of(ZoomBand.Z6))).containsSame(built);
        assertThat(answers.ready(PlanLayers.CITIES, Optional.of(ZoomBand.Z6))).as("built with the same band").isPresent();
        assertThat(answers.ready(PlanLayers.COUNTIES, Optional.empty())).as("the full layer is not built").isEmpty();
        assertThat(answers.ready("permanent-basic-farmland", Optional.of(ZoomBand.Z6))).isEmpty();
        assertThat(background).as("no check due yet").isEmpty();

        now.addAndGet(Duration.ofMillis(1500).toNanos());
        assertThat(answers.ready(PlanLayers.COUNTIES, Optional.of(ZoomBand.Z6)))
                .as("a check is due: answered meanwhile").containsSame(built);
        assertThat(answers.ready(PlanLayers.COUNTIES, Optional.of(ZoomBand.Z6))).containsSame(built);
        assertThat(background).as("one check, handed to the background").hasSize(1);
        background.remove(0).run();
        now.addAndGet(Duration.ofMillis(1500).toNanos());
        assertThat(answers.ready(PlanLayers.COUNTIES, Optional.of(ZoomBand.Z6)))
                .as("checked 1.5 s ago, versions unchanged: the same answer").containsSame(built);

        down.set(true);
        assertThat(background).as("due again at 3 s").hasSize(1);
        background.remove(0).run(); // the store is down: the check fails, quietly
        now.addAndGet(Duration.ofMillis(1500).toNanos());
        assertThat(answers.ready(PlanLayers.COUNTIES, Optional.of(ZoomBand.Z6)))
                .as("no check succeeded for 3 s: left to a caller that may block and report").isEmpty();
        assertThat(background).as("and the checks go on").hasSize(1);
    }

    private static Map<String, Geometry> geometries(CachedLayers.EncodedLayer answer) throws Exception {
        JsonNode collection = JSON.readTree(answer.body());
        assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
        GeoJsonReader reader = new GeoJsonReader();
        Map<String, Geometry> out = new LinkedHashMap<>();
        for (JsonNode f : collection.get("features")) {
            assertThat(f.get("type").asString()).isEqualTo("Feature");
            JsonNode id = f.get("properties").has("adcode") ? f.get("properties").get("adcode") : f.get("id");
            out.put(id.asString(), reader.read(f.get("geometry").toString()));
        }
        return out;
    }

    private static int holes(Geometry g) {
        int holes = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            holes += ((org.locationtech.jts.geom.Polygon) g.getGeometryN(i)).getNumInteriorRing();
        }
        return holes;
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }
}

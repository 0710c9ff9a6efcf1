package org.planmap.controlline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.WKBWriter;
import org.planmap.TestStores;
import org.planmap.boundary.BoundaryFiles;
import org.planmap.boundary.BoundarySet;
import org.planmap.layer.LayerContent;
import org.planmap.plan.CityTier;
import org.planmap.plan.County;
import org.planmap.plan.CountyDirectory;
import org.planmap.plan.PlanTables;
import org.planmap.store.Feature;

/** The demonstration generator on the real boundaries and tiers. */
class DemoControlLinesTest {

    static BoundarySet boundaries;
    static CountyDirectory directory;
    static Map<ControlLine, LayerContent> layers;

    @BeforeAll
    static void generate() {
        boundaries = BoundaryFiles.fromClasspath();
        directory = new CountyDirectory(boundaries, PlanTables.fromClasspath());
        layers = TestStores.demonstrationLayers();
    }

    static List<Feature> features(ControlLine line) {
        return layers.get(line).features();
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() {
        Map<ControlLine, LayerContent> again = DemoControlLines.generate(boundaries, directory,
                DemoControlLines.DEFAULT_SEED, DemoScale.DEFAULT);
        Map<ControlLine, LayerContent> other = DemoControlLines.generate(boundaries, directory, 7, DemoScale.DEFAULT);
        for (ControlLine line : ControlLine.values()) {
            assertThat(fingerprint(again.get(line))).isEqualTo(fingerprint(layers.get(line)));
            assertThat(fingerprint(other.get(line))).isNotEqualTo(fingerprint(layers.get(line)));
        }
    }

    private static List<String> fingerprint(LayerContent layer) {
        WKBWriter wkb = new WKBWriter();
        return layer.features().stream()
                .map(f -> f.id() + f.properties() + WKBWriter.toHex(wkb.write(f.geometry())))
                .toList();
    }

    @Test
    void everyFeatureIsValidLabelledAndInsideItsCounty() {
        Map<String, PreparedGeometry> county = new TreeMap<>();
        boundaries.counties().forEach(f -> county.put(f.id(), PreparedGeometryFactory.prepare(f.geometry().buffer(1e-6))));
        for (ControlLine line : ControlLine.values()) {
            LayerContent layer = layers.get(line);
            assertThat(layer.info().id()).isEqualTo(line.layerId());
            assertThat(layer.info().title()).contains(line.nameZh(), "示意数据");
            assertThat(DemoControlLines.isDemonstration(layer.info())).isTrue();
            for (Feature f : layer.features()) {
                Geometry g = f.geometry();
                assertThat(g.getGeometryType()).as(f.id()).isEqualTo("MultiPolygon");
                assertThat(g.isValid()).as(f.id()).isTrue();
                assertThat(g.isEmpty()).as(f.id()).isFalse();
                assertThat(f.properties().get("status")).isEqualTo("示意数据（非官方）");
                assertThat(f.properties().get("line")).isEqualTo(line.nameZh());
                assertThat((String) f.properties().get("source")).contains("seed 427", "not official");
                assertThat(f.id()).startsWith(line.layerId() + "-" + f.properties().get("adcode") + "-");
                assertThat((Double) f.properties().get("areaHa")).as(f.id()).isPositive();
                assertThat(county.get((String) f.properties().get("adcode")).covers(g)).as(f.id()).isTrue();
            }
        }
    }

    @Test
    void oneDevelopmentBoundaryPerCountySizedByTier() {
        List<Feature> udb = features(ControlLine.URBAN_DEVELOPMENT_BOUNDARY);
        assertThat(udb).hasSize(117);
        assertThat(udb.stream().map(f -> f.properties().get("adcode")).distinct()).hasSize(117);
        Map<CityTier, Double> meanHa = new TreeMap<>();
        for (CityTier tier : CityTier.values()) {
            meanHa.put(tier, udb.stream()
                    .filter(f -> directory.byAdcode((String) f.properties().get("adcode")).orElseThrow().tier() == tier)
                    .mapToDouble(f -> (Double) f.properties().get("areaHa")).average().orElseThrow());
        }
        assertThat(meanHa.get(CityTier.I_LARGE)).isGreaterThan(meanHa.get(CityTier.I_SMALL));
        assertThat(meanHa.get(CityTier.I_SMALL)).isGreaterThan(meanHa.get(CityTier.II_SMALL));
        assertThat(meanHa.get(CityTier.II_LARGE)).isGreaterThan(meanHa.get(CityTier.II_SMALL));
    }

    @Test
    void someFarmlandAndRedlineConflictWithTheDevelopmentBoundaryButMostFarmlandLiesOutside() {
        Map<String, Geometry> udb = new HashMap<>();
        features(ControlLine.URBAN_DEVELOPMENT_BOUNDARY).forEach(f -> udb.put((String) f.properties().get("adcode"), f.geometry()));
        double farmland = 0;
        double inside = 0;
        int conflicts = 0;
        for (Feature f : features(ControlLine.PERMANENT_BASIC_FARMLAND)) {
            Geometry town = udb.get((String) f.properties().get("adcode"));
            farmland += f.geometry().getArea();
            if (town.intersects(f.geometry())) {
                conflicts++;
                inside += town.intersection(f.geometry()).getArea();
            }
        }
        int patches = features(ControlLine.PERMANENT_BASIC_FARMLAND).size();
        assertThat(conflicts).isBetween(patches / 50, patches / 8);
        assertThat(inside / farmland).isLessThan(0.05);
        long redlineConflicts = features(ControlLine.ECOLOGICAL_PROTECTION_REDLINE).stream()
                .filter(f -> udb.get((String) f.properties().get("adcode")).intersects(f.geometry())).count();
        assertThat(redlineConflicts).isGreaterThanOrEqualTo(10);
    }

    @Test
    void theDefaultIsAFewThousandFeatures() {
        Map<String, Long> perCounty = features(ControlLine.PERMANENT_BASIC_FARMLAND).stream()
                .collect(Collectors.groupingBy(f -> (String) f.properties().get("adcode"), Collectors.counting()));
        assertThat(perCounty).hasSize(117);
        assertThat(features(ControlLine.PERMANENT_BASIC_FARMLAND)).hasSize(30 * 117);
        assertThat(features(ControlLine.ECOLOGICAL_PROTECTION_REDLINE).size()).isBetween(2 * 117, 5 * 117);
    }

    @Test
    @org.planmap.SlowTest
    void theScaleKnobStreamsTheRequestedTotal() {
        long asked = 50_000;
        long[] perLine = new long[3];
        List<String> invalid = new ArrayList<>();
        long produced = DemoControlLines.generate(boundaries, directory, 1, DemoScale.ofTotal(asked), (line, f) -> {
            perLine[line.ordinal()]++;
            if (f.geometry().isEmpty() || !f.geometry().isValid()) {
                invalid.add(f.id());
            }
        });
        assertThat(produced).isEqualTo(asked);
        assertThat(Arrays.stream(perLine).sum()).isEqualTo(asked);
        assertThat(perLine[ControlLine.URBAN_DEVELOPMENT_BOUNDARY.ordinal()]).isEqualTo(117);
        assertThat(invalid).isEmpty();
    }

    @Test
    void farmlandIsSharedByAreaWithAtLeastOnePerCounty() {
        assertThat(DemoControlLines.allocate(10, new double[] {1, 1, 2})).containsExactly(3, 3, 4);
        assertThat(DemoControlLines.allocate(2, new double[] {5, 1, 1})).containsExactly(2, 0, 0);
        long[] big = DemoControlLines.allocate(1_000, directory.all().stream().mapToDouble(County::areaKm2).toArray());
        assertThat(Arrays.stream(big).sum()).isEqualTo(1_000);
        assertThat(Arrays.stream(big).min().orElseThrow()).isGreaterThanOrEqualTo(1);
    }
}

package org.planmap.controlline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;
import org.planmap.TestStores;
import org.planmap.boundary.BoundaryFiles;
import org.planmap.boundary.BoundarySet;
import org.planmap.crs.Ellipsoid;
import org.planmap.layer.LayerContent;
import org.planmap.store.Feature;
import org.planmap.store.FeatureQuery;
import org.planmap.store.gpkg.GeoPackageStore;

class ControlLineLedgerTest {

    static final BoundarySet BOUNDARIES = BoundaryFiles.fromClasspath();
    static Map<ControlLine, List<Feature>> demo;
    static List<ControlLineLedger.CountyResult> counties;

    @BeforeAll
    static void compute() {
        Map<ControlLine, LayerContent> layers = TestStores.demonstrationLayers();
        demo = new EnumMap<>(ControlLine.class);
        layers.forEach((line, content) -> demo.put(line, content.features()));
        counties = ControlLineLedger.perCounty(BOUNDARIES, demo);
    }

    static Feature feature(String id, String wkt) throws Exception {
        return new Feature(id, new WKTReader(new GeometryFactory()).read(wkt), Map.of());
    }

    /**
     * The service reads county by county through the store's R-tree: the same ledger, to the last bit, as
     * from all of the stored features read at once (which is how it read them before).
     */
    @Test
    void readingCountyByCountyFromTheStoreGivesTheSameLedger(@TempDir Path dir) {
        try (GeoPackageStore store = GeoPackageStore.open(dir)) {
            Map<ControlLine, List<Feature>> stored = new EnumMap<>(ControlLine.class);
            demo.forEach((line, features) -> {
                store.replace(DemoControlLines.info(line, DemoControlLines.DEFAULT_SEED), features);
                List<Feature> all = new ArrayList<>();
                store.query(FeatureQuery.of(line.layerId())).toList().forEach(all::add);
                stored.put(line, all);
            });
            List<ControlLineLedger.CountyResult> counties = ControlLineLedger.perCounty(BOUNDARIES, stored);
            List<ControlLineLedger.CountyResult> streamed = ControlLineLedger.perCounty(BOUNDARIES, (line, box) -> {
                List<Geometry> found = new ArrayList<>();
                store.query(FeatureQuery.of(line.layerId()).bbox(box)).toList().forEach(f -> found.add(f.geometry()));
                return found;
            });
            assertThat(streamed).hasSameSizeAs(counties);
            for (int i = 0; i < counties.size(); i++) {
                ControlLineLedger.CountyResult a = counties.get(i);
                ControlLineLedger.CountyResult b = streamed.get(i);
                assertThat(b.adcode()).isEqualTo(a.adcode());
                for (ControlLine line : ControlLine.values()) {
                    assertThat(b.lineM2().get(line)).as(a.adcode() + " " + line).isEqualTo(a.lineM2().get(line));
                }
                for (ControlLineLedger.Conflict c : ControlLineLedger.Conflict.values()) {
                    assertThat(b.conflictM2(c)).as(a.adcode() + " " + c).isEqualTo(a.conflictM2(c));
                }
            }
            assertThat(counties.stream().mapToDouble(c -> c.conflictM2(ControlLineLedger.Conflict.FARMLAND_IN_DEVELOPMENT)).sum())
                    .isPositive();
        }
    }

    @Test
    void overlappingFeaturesOfOneLineCountOnceAndAreasAreOnTheEllipsoid() throws Exception {
        // Two overlapping squares inside 孝义市's town, and a development boundary over half of one.
        Feature a = feature("a", "POLYGON((111.76 37.13, 111.78 37.13, 111.78 37.15, 111.76 37.15, 111.76 37.13))");
        Feature b = feature("b", "POLYGON((111.77 37.13, 111.79 37.13, 111.79 37.15, 111.77 37.15, 111.77 37.13))");
        Feature udb = feature("u", "POLYGON((111.76 37.13, 111.77 37.13, 111.77 37.15, 111.76 37.15, 111.76 37.13))");
        List<ControlLineLedger.CountyResult> r = ControlLineLedger.perCounty(BOUNDARIES, Map.of(
                ControlLine.PERMANENT_BASIC_FARMLAND, List.of(a, b), ControlLine.URBAN_DEVELOPMENT_BOUNDARY, List.of(udb)));
        ControlLineLedger.CountyResult xiaoyi = r.stream().filter(c -> c.adcode().equals("141181")).findFirst().orElseThrow();
        Geometry union = a.geometry().union(b.geometry());
        assertThat(xiaoyi.lineM2().get(ControlLine.PERMANENT_BASIC_FARMLAND)).isCloseTo(Ellipsoid.area(union), within(1.0));
        assertThat(xiaoyi.conflictM2(ControlLineLedger.Conflict.FARMLAND_IN_DEVELOPMENT))
                .isCloseTo(Ellipsoid.area(udb.geometry()), within(1.0));
        assertThat(xiaoyi.lineM2().get(ControlLine.ECOLOGICAL_PROTECTION_REDLINE)).isZero();
        assertThat(r.stream().filter(c -> !c.adcode().equals("141181")).mapToDouble(c ->
                c.lineM2().get(ControlLine.PERMANENT_BASIC_FARMLAND)).sum()).isZero();
    }

    @Test
    void aFeatureAcrossACountyBorderIsSplitBetweenTheCounties() throws Exception {
        // A box straddling the 孝义市 / 汾阳市 border near 111.9 37.15.
        Envelope e = new Envelope(111.85, 111.95, 37.12, 37.18);
        Feature box = new Feature("x", new GeometryFactory().toGeometry(e), Map.of());
        List<ControlLineLedger.CountyResult> r = ControlLineLedger.perCounty(BOUNDARIES,
                Map.of(ControlLine.ECOLOGICAL_PROTECTION_REDLINE, List.of(box)));
        double sum = r.stream().mapToDouble(c -> c.lineM2().get(ControlLine.ECOLOGICAL_PROTECTION_REDLINE)).sum();
        assertThat(r.stream().filter(c -> c.lineM2().get(ControlLine.ECOLOGICAL_PROTECTION_REDLINE) > 0)).hasSizeGreaterThan(1);
        assertThat(sum).isCloseTo(Ellipsoid.area(box.geometry()), Percentage.withPercentage(0.01));
    }

    @Test
    void theDemoLedgerAddsUp() {
        double farmland = demo.get(ControlLine.PERMANENT_BASIC_FARMLAND).stream()
                .mapToDouble(f -> Ellipsoid.area(f.geometry())).sum();
        double ledgered = counties.stream().mapToDouble(c -> c.lineM2().get(ControlLine.PERMANENT_BASIC_FARMLAND)).sum();
        // Demo patches are clipped to their county and rarely overlap one another.
        assertThat(ledgered).isCloseTo(farmland, Percentage.withPercentage(0.5)).isLessThanOrEqualTo(farmland * 1.0001);
        for (ControlLineLedger.CountyResult c : counties) {
            for (ControlLine line : ControlLine.values()) {
                assertThat(c.lineM2().get(line)).as(c.name() + " " + line).isLessThanOrEqualTo(c.unitM2());
            }
            for (ControlLineLedger.Conflict k : ControlLineLedger.Conflict.values()) {
                assertThat(c.conflictM2(k)).isLessThanOrEqualTo(c.lineM2().get(ControlLine.URBAN_DEVELOPMENT_BOUNDARY) + 1);
            }
        }
        assertThat(counties.stream().filter(c -> !c.conflicts().isEmpty())).as("conflicts exist").isNotEmpty();
    }

    @Test
    void citiesAndGroupsAreSumsOfTheirCounties() {
        Map<String, String> one = Map.of("141100", "吕梁市");
        List<String> luliang = counties.stream().filter(c -> c.cityAdcode().equals("141100"))
                .map(ControlLineLedger.CountyResult::adcode).toList();
        ControlLineLedger.Row city = ControlLineLedger.rows(counties.stream().map(ControlLineLedger.CountyResult::totals).toList(), one, Map.of("141100", luliang)).get(0);
        double countySum = counties.stream().filter(c -> luliang.contains(c.adcode()))
                .mapToDouble(c -> c.lineM2().get(ControlLine.URBAN_DEVELOPMENT_BOUNDARY)).sum() / 10_000;
        ControlLineLedger.Area udb = city.lines().get(ControlLine.URBAN_DEVELOPMENT_BOUNDARY.layerId());
        assertThat(udb.ha()).isCloseTo(countySum, within(0.01));
        assertThat(udb.mu()).isCloseTo(udb.ha() * 15, within(0.1));
        assertThat(udb.sharePercent()).isCloseTo(100 * udb.ha() / city.unitAreaHa(), within(0.001));
        assertThat(city.unitAreaHa()).isCloseTo(2_113_129, Percentage.withPercentage(0.1));
    }
}

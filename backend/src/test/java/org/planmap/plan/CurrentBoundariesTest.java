package org.planmap.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.planmap.boundary.BoundaryFiles;
import org.planmap.boundary.BoundaryLayers;
import org.planmap.boundary.BoundarySet;
import org.planmap.boundary.OfficialCountiesReport;
import org.planmap.controlline.DemoControlLinePublisher;
import org.planmap.controlline.DemoControlLines;
import org.planmap.crs.Ellipsoid;
import org.planmap.importer.GeoJsonFormatReader;
import org.planmap.importer.ImportLimits;
import org.planmap.importer.ImportService;
import org.planmap.layer.FeaturePage;
import org.planmap.layer.LayerChanged;
import org.planmap.layer.LayerPublisher;
import org.planmap.layer.LayerService;
import org.planmap.layer.LayerWriter;
import org.planmap.store.Feature;
import org.planmap.store.FeatureQuery;
import org.planmap.store.LayerInfo;
import org.planmap.store.gpkg.GeoPackageStore;

/**
 * The boundaries in force across a restart: an official set imported through {@link OfficialBoundaryImport} is the
 * one a later start reads back from the store, to the bit (publishing its layers again writes nothing), and the
 * demonstration lines, drawn on the DataV layout, are the same before and after. The county cards and the place
 * index ({@link PlacesInForce}) follow the set in force through all of it.
 */
public class CurrentBoundariesTest {

    static final BoundarySet DATAV = BoundaryFiles.fromClasspath();
    static final PlanTables TABLES = PlanTables.fromClasspath();
    static final CountyDirectory DIRECTORY = new CountyDirectory(DATAV, TABLES);
    static final PlanDocuments DOCUMENTS = PlanDocuments.fromClasspath(DATAV.units(), TABLES);
    /** 阳曲县 in the department's file carries a little of 尖草坪区, its neighbour to the south. */
    static final String GROWN = "140122";
    public static final String SHRUNK = "140108";

    /** The DataV counties with 9-digit codes, 尖草坪区's north-western tenth given to 阳曲县, as GeoJSON. */
    public static Path departmentFile(Path dir) throws Exception {
        Geometry shrunk = DATAV.counties().stream().filter(c -> c.id().equals(SHRUNK)).findFirst().orElseThrow()
                .geometry();
        var box = shrunk.getEnvelopeInternal();
        Geometry piece = shrunk.intersection(shrunk.getFactory().toGeometry(new org.locationtech.jts.geom.Envelope(
                box.getMinX(), box.getMinX() + box.getWidth() * 0.4, box.getMaxY() - box.getHeight() * 0.25,
                box.getMaxY())));
        GeoJsonWriter json = new GeoJsonWriter(9);
        json.setEncodeCRS(false);
        List<String> features = new ArrayList<>();
        for (Feature c : DATAV.counties()) {
            Geometry g = c.id().equals(SHRUNK) ? c.geometry().difference(piece)
                    : c.id().equals(GROWN) ? c.geometry().union(piece) : c.geometry();
            features.add("{\"type\":\"Feature\",\"properties\":{\"DM\":" + c.id() + "000},\"geometry\":" + json.write(g)
                    + "}");
        }
        return Files.writeString(dir.resolve("official.geojson"),
                "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}");
    }

    /** 离柳中方, whose members the plan lists by their DataV names. */
    static final String LI_LIU = "li-liu-zhong-fang";
    static final String LISHI = "141102";
    /** 柳林县, a member of 离柳中方 and named in 专栏3 (II型小城市). */
    static final String LIULIN = "141125";
    /** 中阳县, of 离柳中方, gives the strip along its border to 孝义市, of no town group. */
    static final String ZHONGYANG = "141129";
    static final String XIAOYI = "141181";

    /**
     * A file renaming 离石区 and 柳林县, and moving 中阳县's strip along 孝义市 to 孝义市: accepted, and what the plan lists
     * by the DataV names follows the codes: 离柳中方's members (shown with the plan's names beside the new ones) and its
     * shape (the union of the members in force, smaller by the strip), 柳林县's 专栏3 tier, the cards; restoring the
     * DataV version brings every name and layer back exactly.
     */
    @Test
    void aFileRenamingTownGroupMembersIsFollowedByCodeAndTheDataVNamesComeBack(@TempDir Path dir) throws Exception {
        Geometry zhongyang = county(DATAV, ZHONGYANG).geometry();
        Geometry xiaoyi = county(DATAV, XIAOYI).geometry();
        Geometry strip = zhongyang.intersection(xiaoyi.buffer(0.02));
        GeoJsonWriter json = new GeoJsonWriter(9);
        json.setEncodeCRS(false);
        Map<String, String> renames = Map.of(LISHI, "离石新区", LIULIN, "柳林新县");
        List<String> features = new ArrayList<>();
        for (Feature c : DATAV.counties()) {
            Geometry g = c.id().equals(ZHONGYANG) ? c.geometry().difference(strip)
                    : c.id().equals(XIAOYI) ? c.geometry().union(strip) : c.geometry();
            String name = renames.getOrDefault(c.id(), String.valueOf(c.properties().get("name")));
            features.add("{\"type\":\"Feature\",\"properties\":{\"DM\":\"" + c.id() + "\",\"MC\":\"" + name
                    + "\"},\"geometry\":" + json.write(g) + "}");
        }
        Path file = Files.writeString(dir.resolve("renamed.geojson"),
                "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}");
        try (Loaded loaded = Loaded.open(dir)) {
            GeoPackageStore store = loaded.store();
            LayerWriter writer = loaded.writer();
            CurrentBoundaries boundaries = loaded.boundaries();
            boundaries.published();
            Map<String, String> dataV = versions(store);
            Feature dataVGroup = feature(store, StructureLayers.TOWN_GROUPS, LI_LIU);
            PlacesInForce places = new PlacesInForce(boundaries, DOCUMENTS, TABLES);
            writer.subscribe(boundaries);
            writer.subscribe(places);

            OfficialCountiesReport report = new OfficialBoundaryImport(loaded.imports(), boundaries, TABLES, writer)
                    .replace(Files.copy(file, dir.resolve("upload.part")), "renamed.geojson", null, "0".repeat(64),
                            "DM", Optional.of("MC"), "admin");

            assertThat(report.problems()).isEmpty();
            assertThat(report.renamed()).containsExactlyInAnyOrder(
                    new OfficialCountiesReport.Rename(LISHI, "离石区", "离石新区"),
                    new OfficialCountiesReport.Rename(LIULIN, "柳林县", "柳林新县"));
            Feature group = feature(store, StructureLayers.TOWN_GROUPS, LI_LIU);
            assertThat(group.properties().get("core")).isEqualTo(dataVGroup.properties().get("core"));
            assertThat(String.valueOf(group.properties().get("coreNames")))
                    .contains("离石新区（规划称离石区 / plan: 离石区）", "柳林新县（规划称柳林县 / plan: 柳林县）", "中阳县")
                    .doesNotContain("中阳县（");
            Geometry members = CoverageUnion.union(boundaries.set().counties().stream()
                    .filter(c -> List.of("141102", "141125", "141129", "141128", "141124", "141123", "141127")
                            .contains(c.id()))
                    .map(Feature::geometry).toArray(Geometry[]::new));
            assertThat(group.geometry().symDifference(members).getArea()).as("the union of the members in force")
                    .isLessThan(1e-9);
            double stripKm2 = Ellipsoid.areaKm2(strip);
            assertThat(stripKm2).as("a strip worth seeing").isGreaterThan(5);
            assertThat(((Number) group.properties().get("areaKm2")).doubleValue())
                    .isCloseTo(((Number) dataVGroup.properties().get("areaKm2")).doubleValue() - stripKm2,
                            within(0.05));

            County liulin = boundaries.directory().byAdcode(LIULIN).orElseThrow();
            assertThat(liulin.name()).isEqualTo("柳林新县");
            assertThat(liulin.planName()).isEqualTo("柳林县");
            assertThat(liulin.tier()).isEqualTo(DIRECTORY.byAdcode(LIULIN).orElseThrow().tier());
            assertThat(liulin.tierBasis()).isEqualTo(TierBasis.NAMED);
            assertThat(boundaries.directory().joinReport().complete()).isTrue();
            assertThat(boundaries.directory().byAdcode(ZHONGYANG).orElseThrow().planName()).isNull();
            CountyCard lishi = card(places, LISHI);
            assertThat(lishi.name()).isEqualTo("离石新区");
            assertThat(lishi.planName()).isEqualTo("离石区");
            assertThat(lishi.townGroups()).extracting(CountyCard.GroupMembership::id).containsExactly(LI_LIU);
            assertThat(lishi.tier()).isEqualTo(card(new CountyCards(DIRECTORY, TABLES, DOCUMENTS, BoundaryLayers.DATAV),
                    LISHI).tier());
            assertThat(lishi.boundarySource()).startsWith("正式县界 renamed.geojson（县界第 2 版，");
            assertThat(lishi.passages().count()).as("found in the plan under the name it gives")
                    .isEqualTo(DOCUMENTS.passages(LISHI).orElseThrow().passages().size()).isPositive();

            writer.restore(PlanLayers.COUNTIES, 1, "admin");
            assertThat(versions(store)).as("every layer as DataV made it").isEqualTo(dataV);
            assertThat(feature(store, StructureLayers.TOWN_GROUPS, LI_LIU).properties())
                    .isEqualTo(dataVGroup.properties());
            CountyCard restored = card(places, LISHI);
            assertThat(restored.name()).isEqualTo("离石区");
            assertThat(restored.planName()).isNull();
            assertThat(restored.boundarySource()).isEqualTo(BoundaryLayers.DATAV);
        }
    }

    static Feature county(BoundarySet set, String adcode) {
        return set.counties().stream().filter(c -> c.id().equals(adcode)).findFirst().orElseThrow();
    }

    static Feature feature(GeoPackageStore store, String layer, String id) {
        try (FeaturePage page = new LayerService(store).page(FeatureQuery.of(layer))) {
            return page.features().toList().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
        }
    }

    /**
     * A store with the DataV boundaries loaded and published, and the import road writing through the same writer,
     * as one server has them.
     */
    record Loaded(GeoPackageStore store, LayerWriter writer, ImportService imports, CurrentBoundaries boundaries)
            implements AutoCloseable {

        static Loaded open(Path dir) {
            GeoPackageStore store = GeoPackageStore.open(dir.resolve("store"));
            LayerWriter writer = new LayerWriter(store);
            ImportService imports = new ImportService(List.of(new GeoJsonFormatReader()), writer, ImportLimits.DEFAULT,
                    List.of());
            CurrentBoundaries boundaries = new CurrentBoundaries(DATAV, DIRECTORY, TABLES, writer, new LayerService(store));
            boundaries.load();
            boundaries.layers().forEach(new LayerPublisher(writer)::publish);
            return new Loaded(store, writer, imports, boundaries);
        }

        @Override
        public void close() {
            imports.close();
            store.close();
        }
    }

    static Map<String, String> versions(GeoPackageStore store) {
        Map<String, String> versions = new TreeMap<>();
        new LayerService(store).layers().forEach(l -> versions.put(l.id(), l.version()));
        return versions;
    }

    static CountyCard card(PlacesInForce places, String adcode) {
        return card(places.cards(), adcode);
    }

    static CountyCard card(CountyCards cards, String adcode) {
        return cards.of(adcode).orElseThrow();
    }

    static double areaKm2(BoundarySet set, String adcode) {
        return set.counties().stream().filter(c -> c.id().equals(adcode)).findFirst().orElseThrow()
                .properties().get("areaKm2") instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    @Test
    void anOfficialSetIsReadBackAfterARestartAndTheDemonstrationStaysOnTheDataVLayout(@TempDir Path dir)
            throws Exception {
        Path file = departmentFile(dir);
        Map<String, String> official;
        Map<String, String> dataV;
        try (Loaded loaded = Loaded.open(dir)) {
            GeoPackageStore store = loaded.store();
            LayerWriter writer = loaded.writer();
            CurrentBoundaries boundaries = loaded.boundaries();
            ImportService imports = loaded.imports();
            LayerPublisher publisher = new LayerPublisher(writer);
            DemoControlLinePublisher demonstration = new DemoControlLinePublisher(writer);
            demonstration.publish(DATAV, DIRECTORY, DemoControlLines.DEFAULT_SEED);
            boundaries.published();
            String dataVVersion = boundaries.current().version();
            dataV = versions(store);
            PlacesInForce places = new PlacesInForce(boundaries, DOCUMENTS, TABLES);
            double dataVCardKm2 = card(places, SHRUNK).areaKm2();
            assertThat(dataVCardKm2).isEqualTo(areaKm2(DATAV, SHRUNK));
            assertThat(places.documents()).isSameAs(DOCUMENTS);
            writer.subscribe(boundaries);
            writer.subscribe(places);
            List<LayerChanged> changes = new ArrayList<>();
            writer.subscribe(changes::add);

            OfficialCountiesReport report = new OfficialBoundaryImport(imports, boundaries, TABLES, writer).replace(
                    Files.copy(file, dir.resolve("upload.part")), "official.geojson", null, "0".repeat(64), "DM",
                    Optional.empty(), "admin");

            assertThat(report.problems()).isEmpty();
            assertThat(Files.exists(dir.resolve("upload.part"))).as("the upload is deleted").isFalse();
            assertThat(boundaries.current().official()).isTrue();
            assertThat(boundaries.current().version()).isNotEqualTo(dataVVersion)
                    .isEqualTo(store.layer(PlanLayers.COUNTIES).map(LayerInfo::version).orElseThrow());
            assertThat(areaKm2(boundaries.set(), GROWN)).isGreaterThan(areaKm2(DATAV, GROWN));
            assertThat(boundaries.directory().byAdcode(SHRUNK).orElseThrow().areaKm2())
                    .isLessThan(areaKm2(DATAV, SHRUNK));
            PlacesInForce.Made made = places.made();
            assertThat(made.set()).isSameAs(boundaries.set());
            assertThat(made.version()).isEqualTo(boundaries.current().version());
            assertThat(card(places, SHRUNK).areaKm2()).as("the card follows the import")
                    .isEqualTo(areaKm2(boundaries.set(), SHRUNK)).isLessThan(dataVCardKm2);
            assertThat(card(places, SHRUNK).passages())
                    .isEqualTo(card(new CountyCards(DIRECTORY, TABLES, DOCUMENTS, BoundaryLayers.DATAV), SHRUNK).passages());
            assertThat(places.documents().passages(GROWN).orElseThrow().passages())
                    .hasSameSizeAs(DOCUMENTS.passages(GROWN).orElseThrow().passages());
            String origin = "正式县界 official.geojson（县界第 2 版，";
            assertThat(store.layer(PlanLayers.CITIES).orElseThrow().source()).startsWith(origin)
                    .contains("/ official county boundaries official.geojson (counties version 2, imported ")
                    .endsWith(" (union of counties); 《山西省“十四五”新型城镇化规划》专栏2、专栏3");
            assertThat(store.layer("province").orElseThrow().source()).startsWith(origin)
                    .endsWith(", union of the 117 counties");
            assertThat(store.layer("neighbours").orElseThrow().source()).contains("DataV");
            assertThat(changes).extracting(LayerChanged::layerId).contains(PlanLayers.COUNTIES, "province",
                    StructureLayers.TOWN_GROUPS);
            changes.clear();
            boundaries.layers().forEach(publisher::publish);
            assertThat(changes).as("what is made of the counties followed them").isEmpty();
            assertThat(demonstration.publish(DATAV, DIRECTORY, DemoControlLines.DEFAULT_SEED).stored())
                    .as("the demonstration lines are not drawn again").isEmpty();
            official = versions(store);
        }

        try (GeoPackageStore store = GeoPackageStore.open(dir.resolve("store"))) {
            LayerWriter writer = new LayerWriter(store);
            List<LayerChanged> changes = new ArrayList<>();
            writer.subscribe(changes::add);
            CurrentBoundaries restarted = new CurrentBoundaries(DATAV, DIRECTORY, TABLES, writer, new LayerService(store));
            restarted.load();
            assertThat(restarted.current().official()).isTrue();
            PlacesInForce places = new PlacesInForce(restarted, DOCUMENTS, TABLES);
            assertThat(card(places, SHRUNK).areaKm2()).as("a restart comes up with the official cards")
                    .isEqualTo(areaKm2(restarted.set(), SHRUNK)).isLessThan(areaKm2(DATAV, SHRUNK));
            LayerPublisher publisher = new LayerPublisher(writer);
            restarted.layers().forEach(publisher::publish);
            DemoControlLinePublisher.Outcome demo = new DemoControlLinePublisher(writer).publish(DATAV, DIRECTORY,
                    DemoControlLines.DEFAULT_SEED);
            assertThat(changes).as("the official set read back is the one stored, to the bit").isEmpty();
            assertThat(demo.stored()).isEmpty();
            assertThat(versions(store)).isEqualTo(official);

            writer.subscribe(restarted);
            writer.subscribe(places);
            writer.restore(PlanLayers.COUNTIES, 1, "admin");
            assertThat(restarted.current().official()).isFalse();
            assertThat(restarted.set()).isSameAs(DATAV);
            assertThat(places.documents()).isSameAs(DOCUMENTS);
            assertThat(card(places, SHRUNK).areaKm2()).isEqualTo(areaKm2(DATAV, SHRUNK));
            assertThat(store.layer(PlanLayers.CITIES).orElseThrow().source()).isEqualTo(
                    PlanLayers.DATAV_COUNTIES + " (union of counties); 《山西省“十四五”新型城镇化规划》专栏2、专栏3");
            Map<String, String> restored = versions(store);
            for (String id : List.of(PlanLayers.COUNTIES, PlanLayers.CITIES, "province", StructureLayers.TOWN_GROUPS,
                    StructureLayers.REGIONS)) {
                assertThat(restored.get(id)).as(id).isEqualTo(dataV.get(id));
            }
        }
    }
}

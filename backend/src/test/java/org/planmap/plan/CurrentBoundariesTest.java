package org.planmap.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.planmap.boundary.BoundaryFiles;
import org.planmap.boundary.BoundarySet;
import org.planmap.boundary.OfficialCountiesReport;
import org.planmap.controlline.DemoControlLinePublisher;
import org.planmap.controlline.DemoControlLines;
import org.planmap.importer.GeoJsonFormatReader;
import org.planmap.importer.ImportLimits;
import org.planmap.importer.ImportService;
import org.planmap.layer.LayerChanged;
import org.planmap.layer.LayerPublisher;
import org.planmap.layer.LayerService;
import org.planmap.layer.LayerWriter;
import org.planmap.store.Feature;
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

    /**
     * A file renaming 离石区, a member of the town group 离柳中方 that the plan lists by name: refused before anything
     * is written, since the town groups the counties' listener draws could not be drawn (the listener's failure
     * would leave the counties replaced and the town groups not).
     */
    @Test
    void aFileRenamingATownGroupMemberIsRefusedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        GeoJsonWriter json = new GeoJsonWriter(9);
        json.setEncodeCRS(false);
        List<String> features = new ArrayList<>();
        for (Feature c : DATAV.counties()) {
            String name = c.id().equals("141102") ? "离石新区" : String.valueOf(c.properties().get("name"));
            features.add("{\"type\":\"Feature\",\"properties\":{\"DM\":\"" + c.id() + "\",\"MC\":\"" + name
                    + "\"},\"geometry\":" + json.write(c.geometry()) + "}");
        }
        Path file = Files.writeString(dir.resolve("renamed.geojson"),
                "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}");
        try (Loaded loaded = Loaded.open(dir)) {
            GeoPackageStore store = loaded.store();
            LayerWriter writer = loaded.writer();
            CurrentBoundaries boundaries = loaded.boundaries();
            ImportService imports = loaded.imports();
            Map<String, String> before = versions(store);

            OfficialCountiesReport report = new OfficialBoundaryImport(imports, boundaries, TABLES, writer).replace(
                    Files.copy(file, dir.resolve("upload.part")), "renamed.geojson", null, "0".repeat(64), "DM",
                    Optional.of("MC"), "admin");

            assertThat(report.accepted()).isFalse();
            assertThat(report.renamed()).singleElement().isEqualTo(new OfficialCountiesReport.Rename("141102", "离石区", "离石新区"));
            assertThat(report.problems()).singleElement().asString().contains("town group", "离石区");
            assertThat(versions(store)).isEqualTo(before);
            assertThat(writer.versions(PlanLayers.COUNTIES)).isEmpty();
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
                    .isEqualTo(card(new CountyCards(DIRECTORY, TABLES, DOCUMENTS), SHRUNK).passages());
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

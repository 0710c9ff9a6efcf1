package org.planmap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;
import org.planmap.crs.CrsRef;
import org.planmap.crs.Reprojector;
import org.planmap.layer.LayerWriter;
import org.planmap.store.Feature;
import org.planmap.store.FeatureSource;
import org.planmap.store.FeatureQuery;
import org.planmap.store.Field;
import org.planmap.store.gpkg.GeoPackageStore;

/** The import road end to end on a real GeoPackage store, with a reader that hands over prepared data. */
class ImportServiceTest {

    static final ImportTarget TARGET = new ImportTarget("urban-development-boundary", "城镇开发边界", "MULTIPOLYGON");
    static final List<Field> FIELDS = List.of(new Field("name", Field.Type.STRING, "名称"));

    @TempDir
    Path dir;
    GeoPackageStore store;
    ImportService service;
    final AtomicReference<FileContents> next = new AtomicReference<>();
    final AtomicReference<Error> dies = new AtomicReference<>();
    final List<String> imported = new ArrayList<>();

    final FormatReader stub = new FormatReader() {
        @Override
        public String format() {
            return "stub";
        }

        @Override
        public List<String> extensions() {
            return List.of(".stub");
        }

        @Override
        public FileContents read(Path file, ImportLimits limits) {
            if (dies.get() != null) {
                throw dies.get();
            }
            FileContents data = next.get();
            if (data == null) {
                throw new ImportException("unreadable", "无法读取", "cannot read");
            }
            return data;
        }
    };

    @BeforeEach
    void open() {
        store = GeoPackageStore.open(dir.resolve("store"));
        LayerWriter writer = new LayerWriter(store);
        writer.subscribe(change -> imported.add(change.layerId()));
        service = new ImportService(List.of(stub), writer, ImportLimits.DEFAULT, List.of(TARGET));
    }

    @AfterEach
    void close() {
        service.close();
        store.close();
    }

    static Feature feature(String id, String wkt) throws Exception {
        Geometry g = new WKTReader(new GeometryFactory()).read(wkt);
        return new Feature(id, g, Map.of("name", "孝义 " + id));
    }

    /** A square of about 1 km in 孝义市, in CGCS2000 / 3-degree GK CM 111E (EPSG:4546). */
    static String squareIn4546(double side) {
        double[] c = Reprojector.transform(111.78, 37.14, CrsRef.WGS84, CrsRef.of(4546));
        double x = c[0];
        double y = c[1];
        return "POLYGON((" + x + " " + y + ", " + (x + side) + " " + y + ", " + (x + side) + " " + (y + side) + ", "
                + x + " " + (y + side) + ", " + x + " " + y + "))";
    }

    ImportStatus importFile(String name, CrsRef crs) throws Exception {
        Path upload = Files.writeString(dir.resolve("upload-" + System.nanoTime()), "x");
        ImportStatus s = service.submit(TARGET, upload, name, crs, null, "editor");
        ImportStatus done = service.await(s.id(), 30);
        assertThat(upload).as("the upload is deleted whatever happens").doesNotExist();
        return done;
    }

    @Test
    void aProjectedFileIsReprojectedRepairedAndStored() throws Exception {
        // A self-intersecting "bow tie", as hand-digitised files have: repaired, not refused.
        double[] c = Reprojector.transform(111.70, 37.10, CrsRef.WGS84, CrsRef.of(4546));
        double x = c[0];
        double y = c[1];
        String shiftedBowtie = "POLYGON((" + x + " " + y + ", " + (x + 1000) + " " + (y + 1000) + ", " + (x + 1000) + " "
                + y + ", " + x + " " + (y + 1000) + ", " + x + " " + y + "))";
        next.set(stub(List.of(feature("a", squareIn4546(1000)), feature("b", shiftedBowtie)), FIELDS,
                CrsRef.of(4546), List.of("a note")));
        ImportStatus s = importFile("红线.stub", null);
        assertThat(s.state()).as(String.valueOf(s.error())).isEqualTo(ImportStatus.State.DONE);
        assertThat(s.report().features()).isEqualTo(2);
        assertThat(s.report().repaired()).isEqualTo(1);
        assertThat(s.report().sourceCrs()).isEqualTo("EPSG:4546");
        List<Feature> stored = new ArrayList<>();
        store.query(FeatureQuery.of(TARGET.layerId())).toList().forEach(stored::add);
        assertThat(stored).hasSize(2).allSatisfy(f -> {
            assertThat(f.geometry().isValid()).isTrue();
            assertThat(f.geometry().getGeometryType()).isEqualTo("MultiPolygon");
            assertThat(f.geometry().getCentroid().getX()).isBetween(111.6, 111.9);
        });
        assertThat(stored.get(0).properties()).containsEntry("name", "孝义 a");
        assertThat(store.layer(TARGET.layerId()).orElseThrow().source()).contains("红线.stub", "EPSG:4546");
        assertThat(imported).containsExactly(TARGET.layerId());
    }

    /** SQLite's "database or disk is full" mid-import, made real by capping the file just above its size. */
    @Test
    void aFullDiskFailsTheImportWithAClearMessageAndKeepsThePreviousVersion() throws Exception {
        next.set(stub(List.of(feature("a", squareIn4546(1000))), FIELDS, CrsRef.of(4546), List.of()));
        assertThat(importFile("first.stub", null).state()).isEqualTo(ImportStatus.State.DONE);
        String version = store.layer(TARGET.layerId()).orElseThrow().version();
        store.limitSize(Files.size(store.file()) + (64 << 10));

        List<Feature> many = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            many.add(feature("f" + i, squareIn4546(100 + i)));
        }
        next.set(stub(many, FIELDS, CrsRef.of(4546), List.of()));
        ImportStatus s = importFile("big.stub", null);

        assertThat(s.state()).isEqualTo(ImportStatus.State.FAILED);
        assertThat(s.error().code()).as(s.error().messageEn()).isEqualTo(ImportService.DISK_FULL);
        assertThat(s.error().clientError()).isFalse();
        assertThat(s.error().messageZh()).contains("磁盘空间不足", "原有数据未改变");
        assertThat(store.layer(TARGET.layerId()).orElseThrow().version()).isEqualTo(version);
        assertThat(store.count(FeatureQuery.of(TARGET.layerId()))).isEqualTo(1);
        assertThat(store.integrityCheck()).isEqualTo("ok");
    }

    /**
     * What a 69 MB GeoJSON holding one polygon of 3 million vertices does to GeoJsonFormatReader in a 1 GB heap
     * (measured: OutOfMemoryError in JTS's GeoJsonReader): the job ended neither done nor failed, its upload stayed
     * on disk, and the editor polled a RUNNING job for ever.
     */
    @Test
    void aFileTooLargeForTheHeapFailsTheJobAndTheNextImportRuns() throws Exception {
        dies.set(new OutOfMemoryError("Java heap space"));
        ImportStatus s = importFile("三百万点.stub", null);

        assertThat(s.state()).isEqualTo(ImportStatus.State.FAILED);
        assertThat(s.error().code()).isEqualTo(ImportService.OUT_OF_MEMORY);
        assertThat(s.error().fault()).isEqualTo(org.planmap.ClientFault.Kind.TOO_LARGE);
        assertThat(s.error().messageZh()).contains("内存不足", "数据未改变");
        assertThat(store.layer(TARGET.layerId())).isEmpty();

        dies.set(null);
        next.set(stub(List.of(feature("a", squareIn4546(1000))), FIELDS, CrsRef.of(4546), List.of()));
        assertThat(importFile("next.stub", null).state()).as("the worker lives on").isEqualTo(ImportStatus.State.DONE);
    }

    @Test
    void refusalsLeaveTheStoredLayerAsItWas() throws Exception {
        next.set(stub(List.of(feature("a", squareIn4546(1000))), FIELDS, CrsRef.of(4546), List.of()));
        assertThat(importFile("first.stub", null).state()).isEqualTo(ImportStatus.State.DONE);
        String version = store.layer(TARGET.layerId()).orElseThrow().version();

        next.set(stub(List.of(feature("a", squareIn4546(1000))), FIELDS, null, List.of()));
        ImportStatus noCrs = importFile("nocrs.stub", null);
        assertThat(noCrs.error().code()).isEqualTo("crs-missing");
        assertThat(noCrs.error().messageZh()).contains("坐标系");
        assertThat(noCrs.error().clientError()).isTrue();

        next.set(stub(List.of(feature("p", "POINT(500000 4100000)")), FIELDS, CrsRef.of(4546), List.of()));
        assertThat(importFile("points.stub", null).error().code()).isEqualTo("wrong-geometry-type");

        next.set(stub(List.of(), FIELDS, CrsRef.of(4546), List.of()));
        assertThat(importFile("empty.stub", null).error().code()).isEqualTo("empty");

        // Degrees declared as GK metres: the CRS step refuses with the likely cause.
        next.set(stub(List.of(feature("d", "POLYGON((111.7 37.1, 111.8 37.1, 111.8 37.2, 111.7 37.1))")),
                FIELDS, CrsRef.of(4546), List.of()));
        ImportStatus wrongCrs = importFile("degrees.stub", null);
        assertThat(wrongCrs.state()).isEqualTo(ImportStatus.State.FAILED);
        assertThat(wrongCrs.error().clientError()).isTrue();

        next.set(null);
        assertThat(importFile("broken.stub", null).error().code()).isEqualTo("unreadable");

        // A reader that refuses part-way, after the store has begun writing: the refusal reaches the editor.
        Feature first = feature("a", squareIn4546(1000));
        next.set(new FileContents("stub", sink -> {
            sink.accept(first);
            new LimitCounter(new ImportLimits(1 << 20, 1 << 20, 0, 10)).nextFeature();
        }, FIELDS, CrsRef.of(4546), List.of()));
        ImportStatus midway = importFile("midway.stub", null);
        assertThat(midway.error().code()).isEqualTo(LimitCounter.TOO_MANY_FEATURES);
        assertThat(midway.error().clientError()).isTrue();

        assertThat(store.layer(TARGET.layerId()).orElseThrow().version()).isEqualTo(version);
        assertThat(imported).hasSize(1);
    }

    @Test
    void theEditorCanNameTheCrsOfAFileThatDeclaresNone() throws Exception {
        next.set(stub(List.of(feature("a", squareIn4546(1000))), FIELDS, null, List.of()));
        assertThat(importFile("nocrs.stub", CrsRef.of(4546)).state()).isEqualTo(ImportStatus.State.DONE);
    }

    private static FileContents stub(List<Feature> features, List<Field> fields, CrsRef crs, List<String> notes) {
        return new FileContents("stub", FeatureSource.of(features), fields, crs, notes);
    }

    @Test
    void anUnknownFormatIsRefusedBeforeAnyJob() {
        assertThatThrownBy(() -> service.readerFor("红线.dwg")).isInstanceOf(ImportException.class)
                .hasMessageContaining("unsupported file type");
    }
}

package org.planmap.controlline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.planmap.TestStores;
import org.planmap.crs.CrsRef;
import org.planmap.encode.Gdal;
import org.planmap.importer.ImportLimits;
import org.planmap.importer.ImportService;
import org.planmap.importer.ImportStatus;
import org.planmap.importer.shapefile.ShapefileZipReader;
import org.planmap.store.FeatureCursor;
import org.planmap.store.FeatureQuery;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.boundary.BoundaryFiles;
import org.planmap.boundary.BoundarySet;
import org.planmap.crs.AreaUnits;
import org.planmap.crs.Ellipsoid;
import org.planmap.layer.LayerService;
import org.planmap.layer.LayerWriter;
import org.planmap.store.Feature;
import org.planmap.store.FeatureSource;
import org.planmap.store.LayerInfo;
import org.planmap.store.VersionNote;
import org.planmap.store.gpkg.GeoPackageStore;

class VersionDiffTest {

    static final BoundarySet BOUNDARIES = BoundaryFiles.fromClasspath();

    static Feature county(int i, String id, String status) {
        return new Feature(id, BOUNDARIES.counties().get(i).geometry(), Map.of("status", status));
    }

    @Test
    void featuresAreMatchedByContentThenByIdAndCountiesMeasuredAsTheLedgerDoes(@TempDir Path dir) {
        try (GeoPackageStore store = GeoPackageStore.open(dir)) {
            LayerWriter writer = new LayerWriter(store);
            LayerInfo layer = new LayerInfo("urban-development-boundary", "城镇开发边界", "MULTIPOLYGON", "EPSG:4326",
                    "test", 0, List.of(), DemoControlLines.FIELDS, "v1");
            VersionNote note = VersionNote.generated(VersionNote.IMPORT, "wang");
            writer.replace(layer, FeatureSource.of(List.of(county(0, "1", "a"), county(1, "2", "b"), county(2, "3", "c"))),
                    () -> note);
            // reordered and renumbered (unchanged), 2 edited in place (changed), 3 gone, a new one (added)
            writer.replace(layer.withContents(0, List.of(), "v2"), FeatureSource.of(List.of(county(3, "9", "d"),
                    county(1, "2", "b edited"), county(0, "7", "a"))), () -> note);

            VersionDiff.Result diff = new VersionDiff(new LayerService(store), () -> BOUNDARIES).diff(layer.id(), 1, 2);
            assertThat(diff.features()).isEqualTo(new VersionDiff.FeatureChanges(1, 1, 1, 1));

            Map<String, VersionDiff.CountyChange> byCounty = new java.util.HashMap<>();
            diff.counties().forEach(c -> byCounty.put(c.adcode(), c));
            String gone = BOUNDARIES.counties().get(2).id();
            String come = BOUNDARIES.counties().get(3).id();
            double goneHa = AreaUnits.ha(Ellipsoid.area(BOUNDARIES.counties().get(2).geometry()));
            // neighbours' generalised edges may overlap a county by slivers: within 0.1 %
            assertThat(byCounty.get(gone).aHa()).isCloseTo(goneHa, within(goneHa * 1e-3));
            assertThat(byCounty.get(gone).bHa()).isLessThan(goneHa * 1e-3);
            assertThat(byCounty.get(gone).changeMu()).isCloseTo(-goneHa * 15, within(goneHa * 15e-3));
            assertThat(byCounty.get(come).aHa()).isLessThan(byCounty.get(come).bHa() * 1e-3);
            VersionDiff.CountyChange kept = byCounty.get(BOUNDARIES.counties().get(0).id());
            assertThat(Math.abs(kept.changeHa())).isLessThan(kept.aHa() * 1e-3);
            assertThat(diff.layer()).extracting(f -> f.properties().get("adcode") + " " + f.properties().get("side"))
                    .contains(gone + " a", come + " b");
            assertThat(diff.info().featureCount()).isEqualTo(diff.layer().size());

            VersionDiff.Result none = new VersionDiff(new LayerService(store), () -> BOUNDARIES).diff(layer.id(), 2, 2);
            assertThat(none.features()).isEqualTo(new VersionDiff.FeatureChanges(0, 0, 0, 3));
            assertThat(none.layer()).isEmpty();
            assertThat(none.total().changeHa()).isZero();
        }
    }

    /**
     * The walk's round trip: the line exported as a Shapefile in Gauss-Krüger metres (EPSG:4546) by ogr2ogr, one
     * feature dropped, imported back. Reprojection noise, DBF fields and the new ids the import gives must not make
     * every feature "removed" and "added": one is removed, the rest are the same features.
     */
    @Test
    void aShapefileRoundTripIsTheSameFeaturesLessTheOneDropped(@TempDir Path dir) throws Exception {
        String layerId = ControlLine.URBAN_DEVELOPMENT_BOUNDARY.layerId();
        try (GeoPackageStore store = TestStores.withDemonstrationLines(dir.resolve("store"))) {
            LayerService layers = new LayerService(store);
            int a = layers.currentVersion(layerId).orElseThrow().version();
            Path geoJson = dir.resolve("line.geojson");
            StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
            List<String> ids = new java.util.ArrayList<>();
            GeoJsonWriter geometry = new GeoJsonWriter();
            geometry.setEncodeCRS(false);
            try (FeatureCursor features = layers.features(FeatureQuery.of(layerId), CrsRef.WGS84)) {
                features.forEachRemaining(f -> {
                    ids.add((String) f.properties().get("id"));
                    json.append(ids.size() > 1 ? "," : "").append("{\"type\":\"Feature\",\"properties\":")
                            .append(JsonMapper.builder().build().writeValueAsString(f.properties()))
                            .append(",\"geometry\":").append(geometry.write(f.geometry())).append('}');
                });
            }
            Files.writeString(geoJson, json.append("]}"));
            Path shp = dir.resolve("shp");
            Gdal.run("ogr2ogr", "-f", "ESRI Shapefile", "-t_srs", "EPSG:4546", "-lco", "ENCODING=UTF-8", shp.toString(),
                    geoJson.toString(), "-nln", "line", "-where", "id <> '" + ids.get(0) + "'");
            Path zip = dir.resolve("line.zip");
            Gdal.run("zip", "-j", "-q", zip.toString(), shp.resolve("line.shp").toString(), shp.resolve("line.shx").toString(),
                    shp.resolve("line.dbf").toString(), shp.resolve("line.prj").toString(), shp.resolve("line.cpg").toString());
            try (ImportService imports = new ImportService(List.of(new ShapefileZipReader(new GeometryFactory(), dir,
                    ShapefileZipReader.DEFAULT_MAX_ENTRIES)), new LayerWriter(store), ImportLimits.DEFAULT, List.of())) {
                ImportStatus job = imports.submit(ControlLine.URBAN_DEVELOPMENT_BOUNDARY.importTarget(), zip, "line.zip",
                        null, "0".repeat(64), "wang");
                assertThat(imports.await(job.id(), 120).state()).as(imports.await(job.id(), 1).toString())
                        .isEqualTo(ImportStatus.State.DONE);
            }
            int b = layers.currentVersion(layerId).orElseThrow().version();
            assertThat(b).isGreaterThan(a);
            VersionDiff.Result diff = new VersionDiff(layers, () -> BOUNDARIES).diff(layerId, a, b);
            assertThat(diff.features()).isEqualTo(new VersionDiff.FeatureChanges(0, 1, 0, ids.size() - 1));
        }
    }
}

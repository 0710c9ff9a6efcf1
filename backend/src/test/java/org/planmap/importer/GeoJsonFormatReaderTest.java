package org.planmap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planmap.importer.ImporterFixtures.features;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.planmap.importer.ImporterFixtures.file;
import static org.planmap.importer.ImporterFixtures.refused;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.crs.CrsException;
import org.planmap.crs.CrsRef;
import org.planmap.store.Feature;
import org.planmap.store.Field;

class GeoJsonFormatReaderTest {

    private final GeoJsonFormatReader reader = new GeoJsonFormatReader();

    @TempDir
    Path tmp;

    @Test
    void readsGdalsGeoJsonWithTheLegacyCrsMember() {
        FileContents data = reader.read(file("legacy-crs-4547.geojson"), ImportLimits.DEFAULT);
        assertThat(data.format()).isEqualTo("geojson");
        assertThat(data.declaredCrs()).isEqualTo(CrsRef.of(4547));
        assertThat(features(data)).extracting(f -> f.properties().get("name")).containsExactly("汾阳市", "孝义市", "介休市");
        assertThat(features(data)).allSatisfy(f -> assertThat(f.geometry().isValid()).isTrue());
        // CM 114E: Shanxi's west lies west of the zone, so eastings are well under 500 000.
        assertThat(features(data).get(0).geometry().getEnvelopeInternal().getMinX()).isBetween(200_000.0, 400_000.0);
        assertThat(data.fields()).extracting(Field::name)
                .containsExactly("adcode", "name", "kind", "cityName", "areaKm2", "code", "citylevel");
        assertThat(data.fields()).extracting(Field::type).containsExactly(Field.Type.STRING, Field.Type.STRING,
                Field.Type.STRING, Field.Type.STRING, Field.Type.REAL, Field.Type.INTEGER, Field.Type.INTEGER);
    }

    @Test
    void withoutCrsMemberItIsWgs84AndANoteSaysWhy() throws IOException {
        Path f = write("a.geojson", "{\"features\":[{\"type\":\"Feature\",\"id\":7,\"properties\":{\"ok\":true,"
                + "\"n\":1,\"tags\":[1]},\"geometry\":{\"type\":\"Point\",\"coordinates\":[111.7,37.1]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"ok\":null,\"n\":1.5},\"geometry\":null}],"
                + "\"type\":\"FeatureCollection\"}");
        FileContents data = reader.read(f, ImportLimits.DEFAULT);
        assertThat(data.declaredCrs()).isEqualTo(CrsRef.WGS84);
        assertThat(data.notes()).anyMatch(n -> n.contains("RFC 7946"));
        assertThat(features(data)).extracting(Feature::id).containsExactly("7", "1");
        assertThat(features(data).get(1).geometry()).isNull();
        assertThat(data.fields()).extracting(Field::type)
                .containsExactly(Field.Type.BOOLEAN, Field.Type.REAL, Field.Type.JSON);
    }

    @Test
    void featuresAreReadFromTheFileAsTheStoreTakesThemNotHeld() throws IOException {
        Path f = write("b.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{\"name\":\"孝义市\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[111.7,37.1]}}]}");
        FileContents data = reader.read(f, ImportLimits.DEFAULT);
        assertThat(features(data)).extracting(x -> x.properties().get("name")).containsExactly("孝义市");
        assertThat(features(data)).as("each pass reads the file again").hasSize(1);
        Files.delete(f);
        assertThatThrownBy(() -> features(data)).as("nothing of it was kept in memory")
                .isInstanceOf(ImportException.class).hasMessageContaining("b.geojson");
    }

    @Test
    void acceptsGeojsonAndJsonNames() {
        assertThat(reader.accepts("红线.GeoJSON")).isTrue();
        assertThat(reader.accepts("a.json")).isTrue();
        assertThat(reader.accepts("a.zip")).isFalse();
    }

    @Test
    void refusesWhatIsNotJson() throws IOException {
        refused(GeoJsonFormatReader.NOT_JSON, () -> reader.read(write("x.geojson", "PK\u0003\u0004 not json"),
                ImportLimits.DEFAULT));
        refused(GeoJsonFormatReader.NOT_JSON, () -> reader.read(write("x.geojson",
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\""), ImportLimits.DEFAULT));
    }

    @Test
    void aFileCutShortIsRefusedSayingWhereInTheFile() throws IOException {
        // GDAL's own file, cut inside a line as an interrupted copy cuts it.
        String whole = Files.readString(file("legacy-crs-4547.geojson"));
        String cut = whole.substring(0, whole.indexOf("coordinates", whole.length() / 2) + 5);
        ImportException e = refused(GeoJsonFormatReader.NOT_JSON,
                () -> reader.read(write("cut.geojson", cut), ImportLimits.DEFAULT));
        long lastLine = cut.lines().count();
        assertThat(e.messageEn()).doesNotContain("Source:").doesNotContain("REDACTED")
                .contains("line " + lastLine + ", column ").contains("end-of-input");
        assertThat(e.messageZh()).doesNotContain("Source:").contains("第 " + lastLine + " 行第 ");
    }

    @Test
    void refusesJsonThatIsNotAFeatureCollection() throws IOException {
        refused(GeoJsonFormatReader.NOT_FEATURE_COLLECTION, () -> reader.read(write("x.json", "[1,2]"),
                ImportLimits.DEFAULT));
        refused(GeoJsonFormatReader.NOT_FEATURE_COLLECTION, () -> reader.read(write("x.json",
                "{\"type\":\"Polygon\",\"coordinates\":[]}"), ImportLimits.DEFAULT));
    }

    @Test
    void refusesAnInvalidGeometryNamingTheFeature() throws IOException {
        ImportException e = refused(GeoJsonFormatReader.INVALID_GEOMETRY, () -> reader.read(write("x.json",
                "{\"type\":\"FeatureCollection\",\"features\":[" + point() + "," + point() + ",{\"type\":\"Feature\","
                        + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1]]]}}]}"),
                ImportLimits.DEFAULT));
        assertThat(e.messageEn()).contains("feature 2");
        assertThat(e.messageZh()).contains("第 3 个要素");
    }

    @Test
    void refusesADeeplyNestedDocumentFast() throws IOException {
        String deep = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"x\":"
                + "[".repeat(100_000) + "]".repeat(100_000) + "}}]}";
        long start = System.nanoTime();
        refused(GeoJsonFormatReader.TOO_DEEP, () -> reader.read(write("deep.json", deep), ImportLimits.DEFAULT));
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(2);
    }

    @Test
    void refusesMoreFeaturesOrVerticesThanTheLimits() {
        ImportLimits two = new ImportLimits(1 << 20, 1 << 20, 2, 1_000_000);
        refused(LimitCounter.TOO_MANY_FEATURES, () -> reader.read(file("legacy-crs-4547.geojson"), two));
        ImportLimits fewVertices = new ImportLimits(1 << 20, 1 << 20, 100, 50);
        refused(LimitCounter.TOO_MANY_VERTICES, () -> reader.read(file("legacy-crs-4547.geojson"), fewVertices));
    }

    @Test
    void anUnsupportedLegacyCrsIsACrsExceptionForTheCallerToMap() throws IOException {
        Path f = write("x.json", "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
                + "{\"name\":\"urn:ogc:def:crs:EPSG::32649\"}},\"features\":[]}");
        assertThatThrownBy(() -> reader.read(f, ImportLimits.DEFAULT)).isInstanceOf(CrsException.class);
        refused(GeoJsonFormatReader.BAD_CRS, () -> reader.read(write("y.json", "{\"type\":\"FeatureCollection\","
                + "\"crs\":{\"type\":\"link\"},\"features\":[]}"), ImportLimits.DEFAULT));
    }

    private static String point() {
        return "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]}}";
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content, StandardCharsets.UTF_8);
    }
}

package org.planmap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.planmap.importer.ImporterFixtures.features;
import static org.planmap.importer.ImporterFixtures.refused;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.crs.CrsRef;
import org.planmap.encode.Gdal;
import org.planmap.store.Feature;

class KmlFormatReaderTest {

    private final KmlFormatReader reader = new KmlFormatReader();

    @TempDir
    Path tmp;

    /** The way Google Earth and 奥维 write a red line: a hole, a MultiGeometry, ExtendedData, altitudes. */
    static final String SITES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>红线</name>
              <Placemark id="a"><name>一号地块</name>
                <ExtendedData><Data name="用地性质"><value>工业</value></Data></ExtendedData>
                <Polygon><outerBoundaryIs><LinearRing><coordinates>
                  111.70,37.10,0 111.80,37.10,0 111.80,37.20,0 111.70,37.20,0 111.70,37.10,0
                </coordinates></LinearRing></outerBoundaryIs>
                <innerBoundaryIs><LinearRing><coordinates>111.74,37.14 111.76,37.14 111.76,37.16 111.74,37.14</coordinates></LinearRing></innerBoundaryIs>
                </Polygon></Placemark>
              <Placemark><name>二号地块</name><ExtendedData><SchemaData><SimpleData name="编号">B-2</SimpleData></SchemaData></ExtendedData>
                <MultiGeometry>
                  <Polygon><outerBoundaryIs><LinearRing><coordinates>111.9,37.1 112.0,37.1 112.0,37.2 111.9,37.1</coordinates></LinearRing></outerBoundaryIs></Polygon>
                  <Polygon><outerBoundaryIs><LinearRing><coordinates>112.1,37.1 112.2,37.1 112.2,37.2 112.1,37.1</coordinates></LinearRing></outerBoundaryIs></Polygon>
                </MultiGeometry></Placemark>
              <Placemark><name>界桩</name><Point><coordinates>111.7,37.1,0</coordinates></Point></Placemark>
            </Document></kml>
            """;

    @Test
    void readsPlacemarksWithHolesMultiGeometriesAndExtendedDataAsGdalDoes() throws Exception {
        Path f = write("红线.kml", SITES);
        FileContents data = reader.read(f, ImportLimits.DEFAULT);
        assertThat(data.declaredCrs()).isEqualTo(CrsRef.WGS84);
        List<Feature> features = features(data);
        assertThat(features).extracting(p -> p.properties().get("name")).containsExactly("一号地块", "二号地块", "界桩");
        assertThat(features.get(0).properties()).containsEntry("用地性质", "工业");
        assertThat(features.get(1).properties()).containsEntry("编号", "B-2");
        assertThat(features).extracting(g -> g.geometry().getGeometryType()).containsExactly("Polygon", "MultiPolygon", "Point");
        // The same areas as GDAL's KML driver reads from the file (square degrees: the rings, not the ground).
        String ogr = Gdal.run("ogrinfo", "-q", "-dialect", "SQLite", "-sql", "SELECT ST_Area(geometry) AS a FROM \"红线\"", f.toString());
        List<Double> gdal = Pattern.compile("a \\(Real\\) = (\\S+)").matcher(ogr).results().map(m -> Double.valueOf(m.group(1))).toList();
        assertThat(gdal).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(features.get(i).geometry().getArea()).isCloseTo(gdal.get(i), offset(1e-12));
        }
        assertThat(gdal.get(0)).isCloseTo(0.01 - 0.0002, offset(1e-9));
    }

    @Test
    void limitsAreCountedAsPlacemarksArrive() throws IOException {
        Path f = write("many.kml", SITES);
        refused(LimitCounter.TOO_MANY_FEATURES, () -> reader.read(f, new ImportLimits(1 << 20, 1 << 20, 2, 1_000)));
    }

    @Test
    void notKmlAndExternalEntitiesAreRefused() throws IOException {
        refused(KmlFormatReader.NOT_KML, () -> reader.read(write("a.kml", "<html><body/></html>"), ImportLimits.DEFAULT));
        refused(KmlFormatReader.NOT_KML, () -> reader.read(write("b.kml", "not xml"), ImportLimits.DEFAULT));
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE kml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<kml><Placemark><name>&x;</name></Placemark></kml>";
        refused(KmlFormatReader.NOT_KML, () -> reader.read(write("c.kml", xxe), ImportLimits.DEFAULT));
        refused(KmlFormatReader.INVALID_GEOMETRY, () -> reader.read(write("d.kml",
                "<kml><Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>1,2 3,4 5,6</coordinates>"
                        + "</LinearRing></outerBoundaryIs></Polygon></Placemark></kml>"), ImportLimits.DEFAULT));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
    }
}

package org.planmap.encode.shapefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.crs.CrsRef;
import org.planmap.crs.PrjReader;
import org.planmap.encode.Gdal;

class EsriPrjTest {

    @TempDir
    Path dir;

    /**
     * One ogr2ogr run writes a point in each CRS, and one ogrinfo run reads each of our .prj files back as GDAL's
     * Shapefile driver identifies it on opening (each a process start of GDAL, ≈ 0.3 CPU-s, saved ten times over).
     */
    @Test
    void theSameTextGdalWritesAndGdalIdentifiesTheCode() throws Exception {
        List<Integer> codes = List.of(4326, 4490, 3857, 4513, 4525, 4526, 4533, 4534, 4546, 4547, 4554);
        Path shapefiles = dir.resolve("shp");
        Gdal.run("ogr2ogr", "-f", "ESRI Shapefile", shapefiles.toString(), Gdal.pointInEach(dir, codes).toString());
        for (int epsg : codes) {
            String ours = EsriPrj.of(CrsRef.of(epsg));
            Path prj = shapefiles.resolve("epsg" + epsg + ".prj");
            assertThat(ours).as("EPSG:" + epsg).isEqualTo(Files.readString(prj));
            Files.writeString(prj, ours, StandardCharsets.US_ASCII);
        }
        assertThat(Gdal.layers(shapefiles)).extracting(l -> l.name() + " " + l.epsg())
                .containsExactlyInAnyOrderElementsOf(codes.stream().map(epsg -> "epsg" + epsg + " " + epsg).toList());
    }

    @Test
    void planmapsOwnPrjReaderIdentifiesEverySupportedCrs() {
        for (CrsRef crs : CrsRef.supported()) {
            assertThat(PrjReader.identify(EsriPrj.of(crs))).isEqualTo(crs);
        }
    }
}

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

    @Test
    void theSameTextGdalWritesAndGdalIdentifiesTheCode() throws Exception {
        Path point = Gdal.point(dir);
        for (int epsg : List.of(4326, 4490, 3857, 4513, 4525, 4526, 4533, 4534, 4546, 4547, 4554)) {
            Path shp = dir.resolve("gdal" + epsg + ".shp");
            Gdal.run("ogr2ogr", "-f", "ESRI Shapefile", "-a_srs", "EPSG:" + epsg, shp.toString(), point.toString());
            String ours = EsriPrj.of(CrsRef.of(epsg));
            assertThat(ours).as("EPSG:" + epsg).isEqualTo(Files.readString(dir.resolve("gdal" + epsg + ".prj")));
            Path prj = dir.resolve("ours" + epsg + ".prj");
            Files.writeString(prj, ours, StandardCharsets.US_ASCII);
            assertThat(Gdal.run("gdalsrsinfo", "-e", prj.toString())).as("EPSG:" + epsg).contains("EPSG:" + epsg + "\n");
        }
    }

    @Test
    void planmapsOwnPrjReaderIdentifiesEverySupportedCrs() {
        for (CrsRef crs : CrsRef.supported()) {
            assertThat(PrjReader.identify(EsriPrj.of(crs))).isEqualTo(crs);
        }
    }
}

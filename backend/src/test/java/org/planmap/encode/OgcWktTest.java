package org.planmap.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.crs.CrsRef;

class OgcWktTest {

    @TempDir
    Path dir;

    @Test
    void theDefinitionsGdalPutsInAGeoPackage() throws Exception {
        Path point = Gdal.point(dir);
        for (int epsg : new int[] {4490, 4513, 4525, 4546, 4547, 4554}) {
            Path gpkg = dir.resolve(epsg + ".gpkg");
            Gdal.run("ogr2ogr", "-f", "GPKG", "-a_srs", "EPSG:" + epsg, gpkg.toString(), point.toString());
            String gdal = Gdal.layer(gpkg).sql("SELECT definition FROM gpkg_spatial_ref_sys WHERE srs_id = " + epsg,
                    "definition").get(0);
            assertThat(OgcWkt.cgcs2000(CrsRef.of(epsg))).as("EPSG:" + epsg).isEqualTo(gdal);
        }
    }
}

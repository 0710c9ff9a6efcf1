package org.planmap.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.crs.CrsRef;

class OgcWktTest {

    @TempDir
    Path dir;

    /** One ogr2ogr run writes a point in each CRS into one GeoPackage, one ogrinfo run reads the definitions. */
    @Test
    void theDefinitionsGdalPutsInAGeoPackage() throws Exception {
        List<Integer> codes = List.of(4490, 4513, 4525, 4546, 4547, 4554);
        Path gpkg = dir.resolve("points.gpkg");
        Gdal.run("ogr2ogr", "-f", "GPKG", gpkg.toString(), Gdal.pointInEach(dir, codes).toString());
        List<String> gdal = Gdal.layer(gpkg).sql("SELECT definition FROM gpkg_spatial_ref_sys WHERE srs_id IN ("
                + codes.stream().map(String::valueOf).collect(Collectors.joining(",")) + ") ORDER BY srs_id", "definition");
        assertThat(gdal).hasSameSizeAs(codes);
        for (int i = 0; i < codes.size(); i++) {
            assertThat(OgcWkt.cgcs2000(CrsRef.of(codes.get(i)))).as("EPSG:" + codes.get(i)).isEqualTo(gdal.get(i));
        }
    }
}

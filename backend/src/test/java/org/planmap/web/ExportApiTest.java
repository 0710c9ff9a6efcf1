package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.planmap.encode.Gdal;
import org.planmap.store.Feature;
import org.planmap.settings.PlanmapProperties;
import org.planmap.store.FeatureStore;
import org.planmap.store.Field;
import org.planmap.store.LayerInfo;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Every export format downloaded over HTTP and read back by GDAL: feature counts, geometry validity (GEOS via
 * SpatiaLite), the CRS GDAL identifies, Chinese text in both Shapefile encodings, areas in a Gauss-Krüger zone.
 */
class ExportApiTest extends ServerTest {

    static final String[] CSV_OPTIONS = Gdal.openOptions("GEOM_POSSIBLE_NAMES=WKT", "KEEP_GEOM_COLUMNS=NO");

    @TempDir
    Path work;

    record Download(int status, java.net.http.HttpHeaders headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Download download(String path) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Download(r.statusCode(), r.headers(), r.body());
    }

    /** Downloads an export and saves it; a Shapefile zip is unpacked and its .shp returned. */
    Path exported(String layer, String query, String fileName) throws Exception {
        Download d = download("/api/layers/" + layer + "/export?" + query);
        assertThat(d.status()).as(layer + " " + query + ": " + d.text().substring(0, Math.min(300, d.text().length())))
                .isEqualTo(200);
        Path dir = Files.createDirectories(work.resolve(layer + "-" + Math.abs(query.hashCode())));
        if (!query.contains("format=shapefile")) {
            return Files.write(dir.resolve(fileName), d.body());
        }
        Path shp = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(d.body()), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                Path file = Files.write(dir.resolve(e.getName()), zip.readAllBytes());
                if (e.getName().endsWith(".shp")) {
                    shp = file;
                }
            }
        }
        return shp;
    }

    /** The exported file as GDAL sees it; CSV needs to be told which column holds the geometry. */
    static Gdal.Layer read(Path file) throws Exception {
        return file.toString().endsWith(".csv") ? Gdal.layer(file, CSV_OPTIONS) : Gdal.layer(file);
    }

    @Test
    void countiesInEveryFormatAreReadBackByGdal() throws Exception {
        Map<String, String> formats = Map.of("format=shapefile&encoding=UTF-8", "", "format=shapefile&encoding=GBK", "",
                "format=gpkg", "counties.gpkg", "format=kml", "counties.kml", "format=csv", "counties.csv",
                "format=geojson", "counties.geojson");
        for (Map.Entry<String, String> f : formats.entrySet()) {
            Gdal.Layer counties = read(exported("counties", f.getKey(), f.getValue()));
            assertThat(counties.features()).as(f.getKey()).isEqualTo(117);
            assertThat(counties.epsg()).as(f.getKey() + " CRS").isEqualTo(f.getValue().endsWith(".csv") ? 0 : 4326);
            assertThat(counties.invalid()).as(f.getKey()).isZero();
            assertThat(counties.count("name = '孝义市' AND tier = 'I型小城市'")).as(f.getKey()).isEqualTo(1);
        }
    }

    @Test
    void luliangInAGaussKrugerZoneKeepsItsEllipsoidalArea() throws Exception {
        for (String encoding : List.of("UTF-8", "GBK")) {
            Gdal.Layer luliang = read(exported("counties", "format=shapefile&encoding=" + encoding
                    + "&adcode=1411&crs=EPSG:4546", ""));
            assertThat(luliang.features()).isEqualTo(13);
            assertThat(luliang.epsg()).isEqualTo(4546);
            assertThat(luliang.text()).contains("CGCS2000 / 3-degree Gauss-Kruger CM 111E");
            List<String> names = luliang.sql("SELECT name FROM counties ORDER BY adcode", "name");
            assertThat(names).hasSize(13).contains("孝义市", "离石区", "汾阳市");
            List<String> ellipsoidal = luliang.sql("SELECT areaKm2 FROM counties ORDER BY adcode", "areaKm2");
            List<String> projected = luliang.sql("SELECT ST_Area(geometry) / 1e6 AS a FROM counties ORDER BY adcode", "a");
            for (int i = 0; i < 13; i++) {
                double ratio = Double.parseDouble(projected.get(i)) / Double.parseDouble(ellipsoidal.get(i));
                // Gauss-Krüger keeps scale 1 on the central meridian and grows by ≈ (Δλ·cos φ)²/2 away from it:
                // Lüliang lies within 1.3° of 111°E, so areas grow by less than 0.04 %, and never shrink.
                assertThat(ratio).as(names.get(i)).isBetween(0.9999, 1.0005);
            }
        }
        Gdal.Layer xiaoyi = read(exported("counties", "format=gpkg&adcode=141181&crs=EPSG:4546", "xiaoyi.gpkg"));
        assertThat(xiaoyi.epsg()).isEqualTo(4546);
        double ratio = Double.parseDouble(xiaoyi.sql("SELECT ST_Area(geom) / 1e6 / areaKm2 AS r FROM counties", "r").get(0));
        assertThat(ratio).as("孝义市, 0.8° from the central meridian").isBetween(1.0, 1.0002);
    }

    @Test
    void theCrsAskedForIsTheCrsGdalFinds() throws Exception {
        for (String crs : List.of("EPSG:4490", "EPSG:4547", "EPSG:4525", "EPSG:3857")) {
            for (String format : List.of("shapefile&encoding=GBK", "gpkg")) {
                Gdal.Layer cities = read(exported("cities", "format=" + format + "&crs=" + crs, "cities.gpkg"));
                assertThat(cities.epsg()).as(format + " " + crs).isEqualTo(Integer.parseInt(crs.substring(5)));
                assertThat(cities.features()).isEqualTo(11);
            }
        }
        String csv = Files.readString(exported("cities", "format=csv&crs=EPSG:4547&adcode=1401", "taiyuan.csv"));
        assertThat(csv).startsWith("\uFEFFid,adcode,name,").contains(",WKT\r\n140100,140100,太原市,")
                .contains("\"MULTIPOLYGON (((");
        assertThat(read(exported("cities", "format=kml&crs=EPSG:4490", "cities.kml")).features()).isEqualTo(11);
    }

    @Test
    @org.planmap.SlowTest
    void everyLayerInTheCatalogExports() throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode layer : get("/api/layers").body()) {
            String id = layer.get("id").asString();
            ids.add(id);
            long expected = layer.get("featureCount").asLong();
            Gdal.Layer shp = read(exported(id, "format=shapefile&encoding=GBK", ""));
            assertThat(shp.features()).as(id).isEqualTo(expected);
            assertThat(shp.invalid()).as(id).isZero();
            // Every geometry is valid at the precision each format writes (6 decimals in GeoJSON, KML and CSV):
            // a ring that collapses when rounded makes QGIS's Dissolve abort.
            for (String format : List.of("gpkg", "kml", "csv", "geojson")) {
                Gdal.Layer written = read(exported(id, "format=" + format, id + "." + format));
                assertThat(written.features()).as(id + " " + format).isEqualTo(expected);
                assertThat(written.invalid()).as(id + " " + format).isZero();
            }
            Download items = download("/ogc/collections/" + id + "/items?limit=10000");
            Gdal.Layer served = Gdal.layer(Files.write(work.resolve(id + ".ogc.geojson"), items.body()));
            assertThat(served.features()).as(id + " OGC items").isEqualTo(expected);
            assertThat(served.invalid()).as(id + " OGC items").isZero();
        }
        assertThat(ids).contains("counties", "cities", "province", "neighbours", "town-groups", "regions",
                "urban-development-boundary", "control-line-conflicts");
        Path groups = exported("town-groups", "format=shapefile&encoding=GBK", "");
        assertThat(Gdal.ogrinfo(groups, List.of("-al", "-q", "-geom=NO"))).contains("name (String) = 交汾文孝");
    }

    @Test
    void theFileNameIsChineseWithAnAsciiFallback() throws Exception {
        Download d = download("/api/layers/counties/export?format=shapefile&encoding=GBK&adcode=1411&crs=EPSG:4546");
        assertThat(d.headers().firstValue("Content-Type")).hasValue("application/zip");
        String disposition = d.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).startsWith("attachment; filename=\"counties-1411-EPSG4546.zip\"; filename*=UTF-8''");
        String encoded = disposition.substring(disposition.indexOf("UTF-8''") + 7);
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo("县级行政区 County-level units-1411-EPSG4546.zip");
        Download csv = download("/api/layers/counties/export?format=csv&bbox=111.77,37.14,111.79,37.15");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("filename=\"counties-bbox-EPSG4326.csv\"");
        String text = csv.text();
        assertThat(text).contains(",孝义市,");
        assertThat(text.split("\r\n")).hasSizeBetween(2, 6);
    }

    @Test
    void badRequestsAreExplained() throws Exception {
        Map<String, String> bad = Map.of(
                "/api/layers/counties/export?format=dwg", "shapefile、gpkg、kml、csv、geojson",
                "/api/layers/counties/export", "shapefile",
                "/api/layers/counties/export?format=gpkg&crs=EPSG:2385", "EPSG:2385",
                "/api/layers/counties/export?format=kml&crs=EPSG:4546", "KML",
                "/api/layers/counties/export?format=geojson&crs=EPSG:4547", "GeoJSON",
                "/api/layers/town-groups/export?format=csv&adcode=1411", "没有区划代码",
                "/api/layers/counties/export?format=shapefile&encoding=latin1", "GBK",
                "/api/layers/counties/export?format=csv&bbox=1,2,3", "bbox");
        for (Map.Entry<String, String> b : bad.entrySet()) {
            Answer a = get(b.getKey());
            assertThat(a.status()).as(b.getKey()).isEqualTo(400);
            assertThat(a.body().get("message").get("zh").asString()).as(b.getKey()).contains(b.getValue());
        }
        assertThat(get("/api/layers/nope/export?format=gpkg").status()).isEqualTo(404);
    }

    @Test
    void aGeoPackageHasItsCrsRowAndASpatialIndex() throws Exception {
        Path gpkg = exported("town-groups", "format=gpkg", "groups.gpkg");
        assertThat(read(gpkg).features()).isEqualTo(6);
        assertThat(Gdal.ogrinfo(gpkg, List.of("-q", "-sql", "SELECT organization, organization_coordsys_id, definition "
                + "FROM gpkg_spatial_ref_sys WHERE srs_id = 4326"))).contains("organization (String) = EPSG",
                "organization_coordsys_id (Integer64) = 4326", "GEOGCS[\"WGS 84\"");
        assertThat(Gdal.ogrinfo(gpkg, List.of("-q", "-sql", "SELECT count(*) AS n FROM gpkg_extensions "
                + "WHERE extension_name = 'gpkg_rtree_index'"))).contains("n (Integer) = 1");
    }

    /**
     * More features than the old cap of 100 000 export in every file format that needs a scratch file, streamed
     * from the store's cursor; GDAL counts them all, and no scratch directory is left in the data directory.
     */
    @Test
    @org.planmap.SlowTest
    void anExportLargerThanTheOldCapStreamsWhole(@Autowired FeatureStore store, @Autowired PlanmapProperties settings)
            throws Exception {
        int n = 120_000;
        LayerInfo big = new LayerInfo("road-big-test", "大图层", "MULTIPOLYGON", "EPSG:4326", "test", 0, List.of(),
                List.of(new Field("name", Field.Type.STRING, "名称"), new Field("n", Field.Type.INTEGER, "序号")), "1");
        GeometryFactory factory = new GeometryFactory();
        store.replace(big, sink -> {
            for (int i = 0; i < n; i++) {
                double x = 111 + (i % 400) * 0.005;
                double y = 36 + (i / 400) * 0.005;
                Polygon square = (Polygon) factory.toGeometry(new Envelope(x, x + 0.004, y, y + 0.004));
                sink.accept(new Feature("f" + i, factory.createMultiPolygon(new Polygon[] {square}),
                        Map.of("name", "地块" + i, "n", (long) i)));
            }
        });
        try {
            for (String format : List.of("shapefile", "gpkg")) {
                Path file = work.resolve("big." + (format.equals("gpkg") ? "gpkg" : "zip"));
                HttpResponse<Path> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/layers/road-big-test/export?format=" + format)).build(), HttpResponse.BodyHandlers.ofFile(file));
                assertThat(r.statusCode()).as(format).isEqualTo(200);
                Path read = file;
                if (format.equals("shapefile")) {
                    Path dir = Files.createDirectories(work.resolve("big-shp"));
                    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file), StandardCharsets.UTF_8)) {
                        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                            Files.copy(zip, dir.resolve(e.getName()));
                        }
                    }
                    read = dir.resolve("road_big_test.shp");
                }
                assertThat(Gdal.layer(read).features()).as(format).isEqualTo(n);
            }
            // The server's own data directory: a cached context may be another test class's.
            try (Stream<Path> left = Files.list(settings.dataDir().resolve("exports"))) {
                assertThat(left).as("scratch directories are deleted").isEmpty();
            }
        } finally {
            store.delete(big.id());
        }
    }
}

package org.planmap.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.TestStores;
import org.planmap.boundary.BoundaryFiles;
import org.planmap.boundary.BoundaryLayers;
import org.planmap.boundary.BoundarySet;
import org.planmap.controlline.ControlLine;
import org.planmap.encode.Gdal;
import org.planmap.importer.GeoJsonFormatReader;
import org.planmap.importer.ImportLimits;
import org.planmap.importer.ImportService;
import org.planmap.importer.gpkg.GeoPackageReader;
import org.planmap.importer.shapefile.ShapefileZipReader;
import org.planmap.layer.LayerService;
import org.planmap.layer.LayerWriter;
import org.planmap.plan.CountyCards;
import org.planmap.plan.CountyDirectory;
import org.planmap.plan.PlanDocuments;
import org.planmap.plan.PlanTables;
import org.planmap.store.gpkg.GeoPackageStore;

/**
 * Site reviews on the real layers (the 117 counties, the demonstration control lines), every area checked against
 * GDAL's SpatiaLite dialect, {@code ST_Area(ST_Intersection(layer, site), 1)}, read from the store's own GeoPackage.
 */
class SiteReviewTest {

    /** Across the 孝义市 / 汾阳市 border, over 孝义's demonstration development boundary; not a rectangle. */
    static final String BORDER_SITE = "POLYGON((111.70 37.10, 111.86 37.08, 111.90 37.26, 111.78 37.31, 111.68 37.25, 111.70 37.10))";

    @TempDir
    static Path dir;
    static GeoPackageStore store;
    static SiteReview review;
    static SiteReader reader;
    static ImportService imports;

    @BeforeAll
    static void storeWithThePlanAndTheLines() {
        store = TestStores.withDemonstrationLines(dir.resolve("store"));
        BoundarySet boundaries = BoundaryFiles.fromClasspath();
        PlanTables tables = PlanTables.fromClasspath();
        CountyDirectory directory = new CountyDirectory(boundaries, tables);
        CountyCards cards = new CountyCards(directory, tables, PlanDocuments.fromClasspath(boundaries.units(), tables),
                BoundaryLayers.DATAV);
        review = new SiteReview(new LayerService(store), () -> cards);
        imports = new ImportService(List.of(new GeoJsonFormatReader(),
                new ShapefileZipReader(new org.locationtech.jts.geom.GeometryFactory(), dir, ShapefileZipReader.DEFAULT_MAX_ENTRIES),
                new GeoPackageReader()), new LayerWriter(store), ImportLimits.DEFAULT, List.of());
        reader = new SiteReader(imports, dir.resolve("uploads"));
    }

    @AfterAll
    static void close() throws Exception {
        imports.close();
        store.close();
    }

    @Test
    void aSiteAcrossACountyBorderIsSplitBetweenTheCountiesAsGdalMeasuresIt() throws Exception {
        SiteShape site = reader.geoJson(body("{\"type\":\"Polygon\",\"coordinates\":" + ring(BORDER_SITE) + "}"));
        SiteReport report = review.review(site);

        assertThat(report.site().sourceCrs()).isEqualTo("EPSG:4326");
        assertClose(report.site().areaHa(), gdal("SELECT ST_Area(ST_GeomFromText('" + BORDER_SITE + "', 4326), 1) FROM planmap_layers LIMIT 1"));
        assertThat(report.counties()).extracting(SiteReport.CountyShare::name).containsExactlyInAnyOrder("孝义市", "汾阳市");
        for (SiteReport.CountyShare c : report.counties()) {
            assertClose(c.areaHa(), gdal(intersection("counties", "adcode = '" + c.adcode() + "'", BORDER_SITE)));
            assertThat(c.cityName()).isEqualTo("吕梁市");
            assertThat(c.tier()).isNotBlank();
        }
        assertThat(report.counties().stream().mapToDouble(SiteReport.CountyShare::sharePercent).sum()).isCloseTo(100, org.assertj.core.data.Offset.offset(0.05));

        assertThat(report.lines()).extracting(SiteReport.LineShare::id).containsExactly(
                ControlLine.ECOLOGICAL_PROTECTION_REDLINE.layerId(), ControlLine.PERMANENT_BASIC_FARMLAND.layerId(),
                ControlLine.URBAN_DEVELOPMENT_BOUNDARY.layerId());
        for (SiteReport.LineShare l : report.lines()) {
            assertClose(l.areaHa(), gdal(unionIntersection(l.id(), BORDER_SITE)));
            assertThat(l.official()).isFalse();
            // The version a planner finds in the layer's history and on the map's legend, not the content hash.
            org.planmap.store.LayerVersion current = new LayerService(store).currentVersion(l.id()).orElseThrow();
            assertThat(l.version()).isEqualTo(current.version());
            assertThat(l.versionDate()).isEqualTo(org.planmap.render.MapImage.day(current));
            assertThat(l.layerVersion()).isEqualTo(store.layer(l.id()).orElseThrow().version());
        }
        SiteReport.LineShare covered = report.lines().stream().filter(l -> l.areaHa() > 0).findFirst().orElseThrow();
        assertThat(report.summary()).startsWith("该地块 " + SiteReview.number(report.site().areaHa()) + " 公顷")
                .contains("跨吕梁市", "孝义市", "汾阳市", SiteReview.number(covered.areaHa()) + " 公顷（", "（示意数据）");
        assertThat(report.passages()).isNotEmpty().allSatisfy(p -> assertThat(p.document()).isNotBlank());
        assertThat(report.passages()).extracting(SiteReport.Passage::county).contains("孝义市");
    }

    @Test
    void aGaussKrugerShapefileSiteIsReprojectedAsGdalReprojectsIt() throws Exception {
        // The same kind of file a planner's CAD office sends: CGCS2000 3° Gauss-Krüger, CM 111°E (EPSG:4546).
        Path wgs = dir.resolve("site-wgs84.geojson");
        Files.writeString(wgs, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"名称\":\"项目地块\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + ring(BORDER_SITE) + "}}]}");
        Path shp = dir.resolve("gk");
        Gdal.run("ogr2ogr", "-f", "ESRI Shapefile", "-t_srs", "EPSG:4546", "-lco", "ENCODING=GBK", shp.toString(), wgs.toString(), "-nln", "site");
        Path zip = dir.resolve("site-gk.zip");
        Gdal.run("zip", "-j", "-q", zip.toString(), shp.resolve("site.shp").toString(), shp.resolve("site.shx").toString(),
                shp.resolve("site.dbf").toString(), shp.resolve("site.prj").toString(), shp.resolve("site.cpg").toString());
        SiteReport report = review.review(reader.file(zip, "地块.zip", null));

        assertThat(report.site().sourceCrs()).isEqualTo("EPSG:4546");
        // Back from metres the corners carry float noise (111.67999999999…); the extent is as precise as the outline.
        assertThat(report.site().bbox()).containsExactly(111.68, 37.08, 111.90, 37.31);
        assertClose(report.site().areaHa(), gdalOn(shp.resolve("site.shp"),
                "SELECT ST_Area(ST_Transform(geometry, 4326), 1) FROM site"));
        // GDAL's own reprojection of the file, as WKT, cut against the stored counties.
        String csv = Gdal.run("ogr2ogr", "-f", "CSV", "/vsistdout/", "-t_srs", "EPSG:4326", "-lco", "GEOMETRY=AS_WKT",
                shp.resolve("site.shp").toString());
        String gdalSite = csv.substring(csv.indexOf("\"POLYGON") + 1, csv.indexOf("))\"") + 2);
        for (SiteReport.CountyShare c : report.counties()) {
            assertClose(c.areaHa(), gdal(intersection("counties", "adcode = '" + c.adcode() + "'", gdalSite)));
        }
        assertThat(report.counties()).hasSize(2);
    }

    /** Equal within 0.1 %, or 0.01 ha for the smallest pieces (the answer is rounded to 0.01 ha). */
    private static void assertClose(double ha, double gdalM2) {
        double expected = gdalM2 / 10_000;
        assertThat(ha).isCloseTo(expected, org.assertj.core.data.Offset.offset(Math.max(0.001 * expected, 0.006)));
    }

    private static String intersection(String layer, String where, String siteWkt) throws Exception {
        return "SELECT SUM(ST_Area(ST_Intersection(geom, ST_GeomFromText('" + siteWkt + "', 4326)), 1)) FROM "
                + table(layer) + " WHERE " + where;
    }

    private static String unionIntersection(String layer, String siteWkt) throws Exception {
        String site = "ST_GeomFromText('" + siteWkt + "', 4326)";
        return "SELECT ST_Area(ST_Intersection(ST_Union(geom), " + site + "), 1) FROM " + table(layer)
                + " WHERE ST_Intersects(geom, " + site + ")";
    }

    private static String table(String layer) throws Exception {
        String out = Gdal.run("ogrinfo", "-ro", "-q", storeFile().toString(), "-sql",
                "SELECT table_name FROM planmap_layers WHERE id = '" + layer + "'");
        Matcher m = Pattern.compile("table_name \\(String\\) = (\\S+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }

    private static double gdal(String sql) throws Exception {
        return gdalOn(storeFile(), sql);
    }

    private static double gdalOn(Path file, String sql) throws Exception {
        String out = Gdal.run("ogrinfo", "-ro", "-q", file.toString(), "-dialect", "SQLite", "-sql", sql);
        Matcher m = Pattern.compile("\\(Real\\) = (\\S+)").matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static Path storeFile() {
        return dir.resolve("store").resolve("planmap.gpkg");
    }

    /** A WKT polygon's ring as GeoJSON coordinates. */
    static String ring(String wkt) {
        String inner = wkt.substring(wkt.indexOf("((") + 2, wkt.indexOf("))"));
        StringBuilder s = new StringBuilder("[[");
        for (String pair : inner.split(",")) {
            String[] xy = pair.strip().split("\\s+");
            s.append(s.length() > 2 ? "," : "").append("[").append(xy[0]).append(",").append(xy[1]).append("]");
        }
        return s.append("]]").toString();
    }

    private static ByteArrayInputStream body(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}

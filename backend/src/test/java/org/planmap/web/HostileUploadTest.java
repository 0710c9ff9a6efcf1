package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.planmap.importer.ImporterFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Hostile and broken uploads, end to end over HTTP as a logged-in editor: each is refused with a 4xx problem
 * document that names what is wrong, and leaves nothing behind — the target layer keeps its version and feature
 * count, the GeoPackage gains no table, the upload area in the data directory is empty, and the server goes on
 * serving. Status codes: 415 for a file type planmap does not read (or a request that is not multipart), 413 for
 * anything over a size limit, 404 for an unknown layer, 400 for everything else. Files are made here, from the
 * GDAL-written fixtures, so zip bombs never sit in the repository.
 *
 * <p>Limits are set low (2 MB upload, 8 MB unzipped, 1 000 features, 20 000 vertices) so the cases stay small.
 */
@org.planmap.SlowTest
class HostileUploadTest extends ServerTest {

    static final String PASSWORD = "hostile-upload-editor-pw";
    static final Path FIXTURES = Path.of("src", "test", "resources", "importer");
    static final String LAYER = "urban-development-boundary";
    static final int MAX_VERTICES = 20_000;
    /** A KML whose DTD would read a server file into a placemark's name (XXE). */
    static final String XXE_KML = "<?xml version=\"1.0\"?><!DOCTYPE kml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Placemark><name>&x;</name><Polygon><outerBoundaryIs>"
            + "<LinearRing><coordinates>111.5,37.5 111.6,37.5 111.6,37.6 111.5,37.5</coordinates></LinearRing>"
            + "</outerBoundaryIs></Polygon></Placemark></kml>";
    /** A KML whose DTD nests entities to expand a few bytes into gigabytes ("billion laughs"). */
    static final String LAUGHS_KML = "<?xml version=\"1.0\"?><!DOCTYPE kml [<!ENTITY a \"hahahahahahahahahaha\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
            + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]>"
            + "<kml><Placemark><name>&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;</name></Placemark></kml>";

    @DynamicPropertySource
    static void limits(DynamicPropertyRegistry registry) {
        registry.add("planmap.security.editor-password", () -> PASSWORD);
        registry.add("planmap.import.max-upload-size", () -> "2MB");
        registry.add("planmap.import.max-uncompressed-size", () -> "8MB");
        registry.add("planmap.import.max-features", () -> "1000");
        registry.add("planmap.import.max-vertices", () -> String.valueOf(MAX_VERTICES));
    }

    /** One bad upload: what is sent, the status it must get, and a word the message must contain. */
    record Case(String name, int status, String keyword, String layer, String fileName, Supplier<byte[]> content,
            String query, String contentType) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case file(String name, int status, String keyword, String fileName, Supplier<byte[]> content) {
        return new Case(name, status, keyword, LAYER, fileName, content, "", null);
    }

    static Case shapefile(String name, int status, String keyword, java.util.function.Consumer<Map<String, byte[]>> edit) {
        return file(name, status, keyword, "控制线.zip", () -> {
            Map<String, byte[]> set = counties();
            edit.accept(set);
            return zip(set, StandardCharsets.UTF_8);
        });
    }

    static Case geojson(String name, int status, String keyword, String text) {
        return file(name, status, keyword, "控制线.geojson", () -> text.getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        // zip: bombs, slips, links, duplicates, names
        c.add(shapefile("zip bomb: one 40 MB entry of zeros (ratio ~1000:1)", 413, "zip bomb",
                s -> s.put("zeros.bin", new byte[40 << 20])));
        c.add(file("nested zip bomb: zips of zips are not unpacked", 400, ".shp", "嵌套.zip",
                () -> zip(Map.of("a.zip", zip(Map.of("b.zip", zip(Map.of("zeros.bin", new byte[8 << 20]),
                        StandardCharsets.UTF_8)), StandardCharsets.UTF_8)), StandardCharsets.UTF_8)));
        c.add(shapefile("zip with 300 entries", 413, "entries", s -> {
            for (int i = 0; i < 300; i++) {
                s.put("junk/" + i + ".txt", new byte[1]);
            }
        }));
        c.add(shapefile("zip slip ../../", 400, "zip slip", s -> s.put("../../evil.shp", new byte[1])));
        c.add(shapefile("zip slip with backslashes", 400, "zip slip", s -> s.put("..\\..\\evil.txt", new byte[1])));
        c.add(shapefile("zip slip hidden in a folder", 400, "zip slip", s -> s.put("a/../../evil.txt", new byte[1])));
        c.add(shapefile("absolute path entry", 400, "absolute", s -> s.put("/etc/cron.d/evil", new byte[1])));
        c.add(shapefile("Windows drive letter entry", 400, "absolute", s -> s.put("C:\\Windows\\evil.dll", new byte[1])));
        c.add(file("symbolic link entry", 400, "symbolic link", "链接.zip", () -> {
            Map<String, byte[]> set = counties();
            set.put("link.prj", "/etc/passwd".getBytes(StandardCharsets.US_ASCII));
            return ImporterFixtures.markAsSymlink(zip(set, StandardCharsets.UTF_8), "link.prj");
        }));
        c.add(file("duplicate entry names (two counties.shp)", 400, "duplicate", "重复.zip", () -> {
            Map<String, byte[]> set = counties();
            set.put("counties.shq", pointsShapefile().get("points.shp"));
            return rename(zip(set, StandardCharsets.UTF_8), "counties.shq", "counties.shp");
        }));
        c.add(file("GBK-encoded entry names that climb out", 400, "zip slip", "县界.zip", () -> {
            Map<String, byte[]> set = new LinkedHashMap<>();
            counties().forEach((k, v) -> set.put("../县界/" + k, v));
            return zip(set, Charset.forName("GBK"));
        }));
        c.add(file("entry names neither UTF-8 nor GBK", 400, "zip", "乱码.zip",
                () -> rename(zip(counties(), StandardCharsets.UTF_8), "counties.dbf", "counties\u00ff\u00ff\u00ffbf")));
        c.add(file("empty zip", 400, ".shp", "空.zip", () -> zip(Map.of(), StandardCharsets.UTF_8)));
        c.add(file("not a zip at all", 400, "zip", "红线.zip", () -> "这不是压缩包 not a zip".getBytes(StandardCharsets.UTF_8)));
        c.add(file("zip cut in half", 400, "zip", "半个.zip", () -> {
            byte[] z = zip(counties(), StandardCharsets.UTF_8);
            return Arrays.copyOf(z, z.length / 2);
        }));
        // shapefile parts and headers
        c.add(shapefile("no .dbf", 400, ".dbf", s -> s.remove("counties.dbf")));
        c.add(shapefile("no .shx", 400, ".shx", s -> s.remove("counties.shx")));
        c.add(shapefile("no .prj", 400, "coordinate system", s -> s.remove("counties.prj")));
        c.add(shapefile("two shapefiles in one zip", 400, "one at a time",
                s -> pointsShapefile().forEach((k, v) -> s.put("b/" + k, v))));
        c.add(shapefile(".shp truncated", 400, "truncated", s -> s.put("counties.shp",
                Arrays.copyOf(s.get("counties.shp"), s.get("counties.shp").length - 1000))));
        c.add(shapefile(".shp shorter than its header", 400, "header", s -> s.put("counties.shp", new byte[60])));
        c.add(shapefile(".shp wrong file code", 400, "9994", s -> be(s.get("counties.shp"), 0, 1234)));
        c.add(shapefile(".shp header says the file is shorter than it is", 400, "record",
                s -> be(s.get("counties.shp"), 24, 50 + 4)));
        c.add(shapefile(".shp record length 4 GB", 400, "record 1", s -> be(s.get("counties.shp"), 104, Integer.MAX_VALUE)));
        c.add(shapefile(".shp negative record length", 400, "record 1", s -> be(s.get("counties.shp"), 104, -8)));
        c.add(shapefile(".shp record shorter than its points", 400, "record 1", s -> be(s.get("counties.shp"), 104, 30)));
        c.add(shapefile(".shp 2^30 points in a record", 400, "record 1", s -> le(s.get("counties.shp"), 148, 1 << 30)));
        c.add(shapefile(".shp negative part count", 400, "record 1", s -> le(s.get("counties.shp"), 144, -5)));
        c.add(shapefile(".shp MultiPatch shape type", 400, "multipatch", s -> le(s.get("counties.shp"), 108, 31)));
        c.add(shapefile(".shp unknown shape type 77", 400, "77", s -> le(s.get("counties.shp"), 108, 77)));
        c.add(file("points shapefile into a polygon layer", 400, "polygon", "点.zip",
                () -> zip(pointsShapefile(), StandardCharsets.UTF_8)));
        c.add(shapefile(".dbf cut short", 400, "dbf", s -> s.put("counties.dbf",
                Arrays.copyOf(s.get("counties.dbf"), s.get("counties.dbf").length - 500))));
        c.add(shapefile(".dbf claims a million records", 400, "dbf", s -> le(s.get("counties.dbf"), 4, 1_000_000)));
        c.add(shapefile(".dbf that is not a dbf", 400, "dbf",
                s -> s.put("counties.dbf", "not a dbase file at all".getBytes(StandardCharsets.US_ASCII))));
        c.add(shapefile(".cpg naming an unknown code page", 400, "cpg",
                s -> s.put("counties.cpg", "KLINGON-9".getBytes(StandardCharsets.US_ASCII))));
        c.add(shapefile(".prj that is garbage", 400, "prj",
                s -> s.put("counties.prj", "@@@ garbage ((( not WKT".getBytes(StandardCharsets.US_ASCII))));
        c.add(shapefile(".prj for UTM 33N (Europe) on Shanxi coordinates", 400, "EPSG:32633",
                s -> s.put("counties.prj", UTM33N.getBytes(StandardCharsets.US_ASCII))));
        // GeoJSON
        c.add(geojson("not JSON at all", 400, "JSON", "hello, this is plain text"));
        c.add(geojson("a JSON array, not an object", 400, "FeatureCollection", "[1, 2, 3]"));
        c.add(geojson("an object without type", 400, "FeatureCollection", "{\"features\": []}"));
        c.add(geojson("features not an array", 400, "not an array", "{\"type\":\"FeatureCollection\",\"features\":{}}"));
        c.add(geojson("a feature that is not a Feature", 400, "Feature",
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Polygon\"}]}"));
        c.add(geojson("no features", 400, "no features", "{\"type\":\"FeatureCollection\",\"features\":[]}"));
        c.add(geojson("only empty geometries", 400, "polygon", collection(
                "{\"type\":\"Polygon\",\"coordinates\":[]}", "null")));
        c.add(geojson("an unclosed ring", 400, "invalid geometry",
                collection("{\"type\":\"Polygon\",\"coordinates\":[[[111.5,37.5],[111.6,37.5],[111.6,37.6]]]}")));
        c.add(geojson("coordinates that are strings", 400, "invalid geometry",
                collection("{\"type\":\"Polygon\",\"coordinates\":[[[\"a\",\"b\"],[1,2],[3,4],[\"a\",\"b\"]]]}")));
        c.add(geojson("a point into a polygon layer", 400, "polygon",
                collection("{\"type\":\"Point\",\"coordinates\":[111.5,37.5]}")));
        c.add(geojson("coordinates in Europe (Paris)", 400, "Shanxi", collection(square(2.3, 48.8))));
        c.add(geojson("legacy crs naming UTM 33N on Shanxi degrees", 400, "32633",
                "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
                        + "\"urn:ogc:def:crs:EPSG::32633\"}},\"features\":[" + feature(square(111.5, 37.5)) + "]}"));
        c.add(geojson("legacy crs that is not a CRS", 400, "crs",
                "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
                        + "\"no-such-crs\"}},\"features\":[" + feature(square(111.5, 37.5)) + "]}"));
        c.add(geojson("deeply nested arrays (stack overflow attempt)", 400, "nested",
                "{\"type\":\"FeatureCollection\",\"features\":" + "[".repeat(200_000) + "]".repeat(200_000) + "}"));
        c.add(geojson("more vertices than the limit", 413, "vertices", collection(ring(MAX_VERTICES + 10))));
        c.add(geojson("more features than the limit", 413, "features",
                collection(Stream.generate(() -> square(111.5, 37.5)).limit(1001).toArray(String[]::new))));
        c.add(file("GeoJSON over the upload limit", 413, "upload", "巨大.geojson",
                () -> ("{\"type\":\"FeatureCollection\",\"features\":[],\"pad\":\"" + "x".repeat(3 << 20) + "\"}")
                        .getBytes(StandardCharsets.UTF_8)));
        c.add(file("UTF-16 text that is not GeoJSON", 400, "JSON", "utf16.geojson",
                () -> "\ufeff名称,面积\n孝义市,1\n".getBytes(StandardCharsets.UTF_16LE)));
        c.add(file("UTF-8 BOM before garbage", 400, "JSON", "bom.geojson",
                () -> "\ufeff<xml>not json</xml>".getBytes(StandardCharsets.UTF_8)));
        c.add(file("binary noise named .json", 400, "JSON", "noise.json", () -> noise(4096)));
        // KML: DTDs are refused, so neither entity is read or expanded (docs/security.md)
        c.add(file("KML with a DTD reading /etc/passwd (XXE)", 400, "KML", "红线.kml",
                () -> XXE_KML.getBytes(StandardCharsets.UTF_8)));
        c.add(file("KML with a DTD of nested entities (billion laughs)", 400, "KML", "红线.kml",
                () -> LAUGHS_KML.getBytes(StandardCharsets.UTF_8)));
        // GeoPackage
        c.add(file("GeoPackage that is not SQLite", 400, "SQLite", "控制线.gpkg",
                () -> "这不是 GeoPackage".getBytes(StandardCharsets.UTF_8)));
        c.add(file("SQLite that is not a GeoPackage", 400, "GeoPackage", "plain.gpkg",
                () -> sqlite("CREATE TABLE t (a TEXT)")));
        c.add(file("GeoPackage without a feature table", 400, "feature table", "无要素.gpkg",
                () -> gpkg("DELETE FROM gpkg_contents")));
        c.add(file("GeoPackage with two feature tables", 400, "one", "两表.gpkg", () -> gpkg(
                "CREATE TABLE counties2 AS SELECT * FROM counties",
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('counties2', 'features', 'counties2', 4547)",
                "INSERT INTO gpkg_geometry_columns SELECT 'counties2', column_name, geometry_type_name, srs_id, z, m "
                        + "FROM gpkg_geometry_columns WHERE table_name = 'counties'")));
        c.add(file("GeoPackage with a broken geometry blob", 400, "feature", "坏几何.gpkg",
                () -> gpkg("UPDATE counties SET geom = X'47500003E6110000' || X'0103000000'")));
        c.add(file("GeoPackage cut in half", 400, "GeoPackage", "半个.gpkg", () -> {
            byte[] g = readFixture("gpkg-4547.gpkg");
            return Arrays.copyOf(g, g.length / 2);
        }));
        // the request itself
        c.add(file("empty upload", 400, "empty", "控制线.geojson", () -> new byte[0]));
        c.add(file("a file type planmap does not read (.dwg)", 415, "unsupported", "红线.dwg", () -> noise(64)));
        c.add(file("a file name without extension", 415, "unsupported", "红线", () -> noise(64)));
        c.add(file("path traversal in the file name", 400, "JSON", "../../../etc/cron.d/x.geojson", () -> noise(64)));
        c.add(new Case("unknown layer", 404, "no-such-layer", "no-such-layer", "a.geojson",
                () -> collection(square(111.5, 37.5)).getBytes(StandardCharsets.UTF_8), "", null));
        c.add(new Case("a layer that cannot be imported (cities)", 400, "cannot be imported", "cities", "a.geojson",
                () -> collection(square(111.5, 37.5)).getBytes(StandardCharsets.UTF_8), "", null));
        c.add(new Case("an unparseable crs parameter", 400, "crs", LAYER, "a.geojson",
                () -> collection(square(111.5, 37.5)).getBytes(StandardCharsets.UTF_8), "?crs=EPSG:abc';DROP", null));
        c.add(new Case("a negative wait", 400, "wait", LAYER, "a.geojson",
                () -> collection(square(111.5, 37.5)).getBytes(StandardCharsets.UTF_8), "?wait=-1", null));
        c.add(new Case("JSON body instead of multipart", 415, "content-type", LAYER, "a.geojson",
                () -> collection(square(111.5, 37.5)).getBytes(StandardCharsets.UTF_8), "", "application/json"));
        c.add(new Case("multipart without a file part", 400, "file", LAYER, null, () -> new byte[0], "", null));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithAReasonAndChangesNothing(Case c) throws Exception {
        JsonNode before = get("/api/layers/" + LAYER).body();
        List<String> tablesBefore = tables();

        HttpResponse<String> r = upload(c);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(c.status());
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(r.body()).startsWith("application/problem+json");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("<html");
        JsonNode problem = JSON.readTree(r.body());
        String zh = problem.path("message").path("zh").asString("");
        String en = problem.path("message").path("en").asString("");
        assertThat(zh).as("message.zh").isNotBlank();
        assertThat(en).as("message.en").isNotBlank();
        assertThat((problem.path("code").asString("") + " " + zh + " " + en).toLowerCase())
                .as("what is wrong").contains(c.keyword().toLowerCase());

        JsonNode after = get("/api/layers/" + LAYER).body();
        assertThat(after.get("version")).isEqualTo(before.get("version"));
        assertThat(after.get("featureCount")).isEqualTo(before.get("featureCount"));
        assertThat(tables()).as("no stray table").isEqualTo(tablesBefore);
        Path uploads = dataDir.resolve("store").resolve("uploads");
        if (Files.isDirectory(uploads)) {
            try (Stream<Path> left = Files.list(uploads)) {
                assertThat(left).as("nothing left in the upload area").isEmpty();
            }
        }
        assertThat(get("/api/layers/counties/features?limit=1").status()).isEqualTo(200);
    }

    /** Self-intersection is repaired (JTS GeometryFixer), not refused: the report counts it. */
    @Test
    void aSelfIntersectingPolygonIsRepairedAndCounted() throws Exception {
        String bowtie = "{\"type\":\"Polygon\",\"coordinates\":[[[111.5,37.5],[111.7,37.7],[111.7,37.5],[111.5,37.7],"
                + "[111.5,37.5]]]}";
        HttpResponse<String> r = upload(new Case("bowtie", 200, "", LAYER, "蝴蝶结.geojson",
                () -> collection(bowtie).getBytes(StandardCharsets.UTF_8), "", null));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(r.body()).get("report");
        assertThat(report.get("repaired").asInt()).isEqualTo(1);
        assertThat(get("/api/layers/" + LAYER + "/features").body().get("features").get(0).get("geometry")
                .get("type").asString()).isEqualTo("MultiPolygon");
    }

    HttpResponse<String> upload(Case c) throws Exception {
        String boundary = "planmap" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (c.contentType() != null) {
            body.write(c.content().get());
        } else {
            body.write(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
            if (c.fileName() == null) {
                body.write("Content-Disposition: form-data; name=\"crs\"\r\n\r\nEPSG:4326".getBytes(StandardCharsets.UTF_8));
            } else {
                body.write(("Content-Disposition: form-data; name=\"file\"; filename=\"" + c.fileName()
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(c.content().get());
            }
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/layers/" + c.layer()
                        + "/import" + c.query()))
                .header("Content-Type", c.contentType() != null ? c.contentType() : "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("editor:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Every table and index in the store's GeoPackage. */
    static List<String> tables() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("store").resolve("planmap.gpkg"));
                ResultSet rs = db.createStatement().executeQuery("SELECT name FROM sqlite_master ORDER BY name")) {
            TreeSet<String> names = new TreeSet<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return List.copyOf(names);
        }
    }

    // ---- making the files ----

    static final String UTM33N = "PROJCS[\"WGS 84 / UTM zone 33N\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID["
            + "\"WGS 84\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],"
            + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",15],"
            + "PARAMETER[\"scale_factor\",0.9996],PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],"
            + "UNIT[\"metre\",1],AUTHORITY[\"EPSG\",\"32633\"]]";

    static String square(double lon, double lat) {
        return "{\"type\":\"Polygon\",\"coordinates\":[[[" + lon + "," + lat + "],[" + (lon + 0.1) + "," + lat + "],["
                + (lon + 0.1) + "," + (lat + 0.1) + "],[" + lon + "," + (lat + 0.1) + "],[" + lon + "," + lat + "]]]}";
    }

    /** A circle of {@code n} vertices around 太原. */
    static String ring(int n) {
        StringBuilder s = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int i = 0; i <= n; i++) {
            double a = 2 * Math.PI * (i % n) / n;
            s.append(i == 0 ? "" : ",").append('[').append(String.format("%.6f", 112.5 + 0.2 * Math.cos(a)))
                    .append(',').append(String.format("%.6f", 37.8 + 0.2 * Math.sin(a))).append(']');
        }
        return s.append("]]}").toString();
    }

    static String feature(String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + geometry + "}";
    }

    static String collection(String... geometries) {
        return "{\"type\":\"FeatureCollection\",\"features\":["
                + String.join(",", Stream.of(geometries).map(HostileUploadTest::feature).toList()) + "]}";
    }

    static byte[] noise(int n) {
        byte[] b = new byte[n];
        new java.util.Random(7).nextBytes(b);
        return b;
    }

    static byte[] readFixture(String name) {
        try {
            return Files.readAllBytes(FIXTURES.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GDAL's three counties in EPSG:4546 with .prj and .cpg (see the fixtures' README). */
    static Map<String, byte[]> counties() {
        return entries("shp-gbk-4546.zip");
    }

    static Map<String, byte[]> pointsShapefile() {
        return entries("shp-points.zip");
    }

    static Map<String, byte[]> entries(String fixture) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(FIXTURES.resolve(fixture)))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null;) {
                if (!e.isDirectory()) {
                    out.put(e.getName(), z.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static byte[] zip(Map<String, byte[]> entries, Charset names) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes, names)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static void be(byte[] b, int at, int value) {
        ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN).putInt(at, value);
    }

    static void le(byte[] b, int at, int value) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
    }

    /**
     * Replaces an entry name in the local headers and the central directory (same length, Latin-1 bytes), as a
     * hand-made zip could: the way to write duplicate names or undecodable bytes, which ZipOutputStream refuses.
     */
    static byte[] rename(byte[] zip, String from, String to) {
        String text = new String(zip, StandardCharsets.ISO_8859_1);
        return text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A SQLite file made by the statements. */
    static byte[] sqlite(String... statements) {
        return sqliteFile(new byte[0], statements);
    }

    /** GDAL's GeoPackage (one feature table, counties, EPSG:4547) altered by the statements. */
    static byte[] gpkg(String... statements) {
        return sqliteFile(readFixture("gpkg-4547.gpkg"), statements);
    }

    /** {@code base} (empty: a new database) as a file, the statements run on it without GDAL's triggers, its bytes. */
    static byte[] sqliteFile(byte[] base, String... statements) {
        try {
            Path f = Files.createTempFile(dataDir, "hostile-", ".sqlite");
            Files.write(f, base);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f)) {
                List<String> triggers = new ArrayList<>();   // GDAL's triggers call SpatiaLite functions
                try (ResultSet rs = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'")) {
                    while (rs.next()) {
                        triggers.add(rs.getString(1));
                    }
                }
                for (String t : triggers) {
                    c.createStatement().execute("DROP TRIGGER \"" + t + "\"");
                }
                for (String s : statements) {
                    c.createStatement().execute(s);
                }
            }
            byte[] bytes = Files.readAllBytes(f);
            Files.delete(f);
            return bytes;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

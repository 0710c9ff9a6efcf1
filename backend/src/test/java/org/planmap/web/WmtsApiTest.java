package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.style.MapStyles;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/**
 * /wmts: WMTS 1.0.0 capabilities read as XML, tiles that are the viewer's XYZ tiles byte for byte, OWS exception
 * reports, and GDAL's WMTS driver opening the service as a GIS client would.
 */
class WmtsApiTest extends ServerTest {

    static final String UDB = TileApiTest.UDB;
    /** The OGC's well-known scale set GoogleMapsCompatible (WMTS 1.0.0 Annex E.4): level 0 and level 18. */
    static final double SCALE_0 = 559082264.0287178;
    static final double SCALE_18 = 2132.729583849784;

    @TempDir
    Path work;

    HttpResponse<byte[]> fetch(String path, String... headers) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            r.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static Document xml(byte[] body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    static XPath xpath() {
        XPath x = XPathFactory.newInstance().newXPath();
        x.setNamespaceContext(new NamespaceContext() {
            public String getNamespaceURI(String prefix) {
                return switch (prefix) {
                    case "w" -> "http://www.opengis.net/wmts/1.0";
                    case "ows" -> "http://www.opengis.net/ows/1.1";
                    case "xlink" -> "http://www.w3.org/1999/xlink";
                    default -> null;
                };
            }

            public String getPrefix(String uri) {
                return null;
            }

            public java.util.Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        return x;
    }

    static String text(Document doc, String path) throws Exception {
        return xpath().evaluate(path, doc);
    }

    static double number(Document doc, String path) throws Exception {
        return Double.parseDouble(text(doc, path));
    }

    /** Every layer the renderer has a style for and that holds features; the others have no tiles. */
    Set<String> tiledLayers() throws Exception {
        MapStyles styles = MapStyles.fromClasspath();
        Set<String> ids = new TreeSet<>();
        for (JsonNode l : get("/api/layers").body()) {
            if (styles.layer(l.get("id").asString()).isPresent() && l.get("featureCount").asLong() > 0) {
                ids.add(l.get("id").asString());
            }
        }
        return ids;
    }

    @Test
    void capabilitiesListEveryTiledLayerOnTheGoogleMapsCompatibleSet() throws Exception {
        HttpResponse<byte[]> rest = fetch("/wmts/1.0.0/WMTSCapabilities.xml");
        assertThat(rest.statusCode()).isEqualTo(200);
        assertThat(rest.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
        // The KVP form answers the same document (parameter names in any case, as OWS allows).
        assertThat(fetch("/wmts?service=WMTS&request=GetCapabilities").body()).isEqualTo(rest.body());
        Document doc = xml(rest.body());

        assertThat(text(doc, "/w:Capabilities/@version")).isEqualTo("1.0.0");
        assertThat(text(doc, "//ows:ServiceIdentification/ows:Title[1]")).contains("山西省新型城镇化规划");
        assertThat(text(doc, "//ows:ServiceIdentification/ows:ServiceType")).isEqualTo("OGC WMTS");
        assertThat(text(doc, "//ows:Operation[@name='GetTile']//ows:Get/@xlink:href"))
                .isEqualTo("http://localhost:" + port + "/wmts?");

        NodeList layerIds = (NodeList) xpath().evaluate("//w:Contents/w:Layer/ows:Identifier", doc, XPathConstants.NODESET);
        Set<String> listed = new TreeSet<>();
        for (int i = 0; i < layerIds.getLength(); i++) {
            listed.add(layerIds.item(i).getTextContent());
        }
        assertThat(listed).isEqualTo(tiledLayers()).contains(UDB, "counties");

        String udb = "//w:Layer[ows:Identifier='" + UDB + "']";
        assertThat(text(doc, udb + "/ows:Title")).startsWith("城镇开发边界");
        // Shanxi: about 110.2°E–114.6°E, 34.6°N–40.7°N
        assertThat(number(doc, "substring-before(" + udb + "/ows:WGS84BoundingBox/ows:LowerCorner, ' ')")).isBetween(110.0, 111.0);
        assertThat(number(doc, "substring-after(" + udb + "/ows:WGS84BoundingBox/ows:UpperCorner, ' ')")).isBetween(40.0, 41.0);
        assertThat(text(doc, udb + "/w:Style[@isDefault='true']/ows:Identifier")).isEqualTo("default");
        assertThat(text(doc, udb + "/w:Format")).isEqualTo("image/png");
        assertThat(text(doc, udb + "/w:TileMatrixSetLink/w:TileMatrixSet")).isEqualTo("GoogleMapsCompatible");
        assertThat(text(doc, udb + "/w:ResourceURL[@resourceType='tile']/@template")).isEqualTo("http://localhost:" + port
                + "/wmts/1.0.0/" + UDB + "/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png");
        // Limits for every zoom served (0–18); at z10 they hold 太原's tile and are a few dozen tiles, not the world.
        String z10 = udb + "//w:TileMatrixLimits[w:TileMatrix='10']";
        assertThat(number(doc, "count(" + udb + "//w:TileMatrixLimits)")).isEqualTo(19);
        String[] taiyuan = TileApiTest.tileOf(TileApiTest.TAIYUAN[0], TileApiTest.TAIYUAN[1], 10).split("/");
        assertThat(number(doc, z10 + "/w:MinTileCol")).isLessThanOrEqualTo(Double.parseDouble(taiyuan[1]));
        assertThat(number(doc, z10 + "/w:MaxTileCol")).isGreaterThanOrEqualTo(Double.parseDouble(taiyuan[1]))
                .isLessThan(number(doc, z10 + "/w:MinTileCol") + 20);
        assertThat(number(doc, z10 + "/w:MinTileRow")).isLessThanOrEqualTo(Double.parseDouble(taiyuan[2]));
        assertThat(number(doc, z10 + "/w:MaxTileRow")).isGreaterThanOrEqualTo(Double.parseDouble(taiyuan[2]));

        String set = "//w:Contents/w:TileMatrixSet[ows:Identifier='GoogleMapsCompatible']";
        assertThat(text(doc, set + "/ows:SupportedCRS")).isEqualTo("urn:ogc:def:crs:EPSG::3857");
        assertThat(text(doc, set + "/w:WellKnownScaleSet")).isEqualTo("urn:ogc:def:wkss:OGC:1.0:GoogleMapsCompatible");
        assertThat(number(doc, "count(" + set + "/w:TileMatrix)")).isEqualTo(19);
        for (int z = 0; z <= 18; z++) {
            String m = set + "/w:TileMatrix[ows:Identifier='" + z + "']";
            assertThat(number(doc, m + "/w:ScaleDenominator")).as("z%d", z).isCloseTo(SCALE_0 / (1 << z), within(1e-6));
            assertThat(number(doc, m + "/w:MatrixWidth")).isEqualTo(1 << z);
            assertThat(number(doc, m + "/w:MatrixHeight")).isEqualTo(1 << z);
            assertThat(text(doc, m + "/w:TileWidth")).isEqualTo("256");
            String[] corner = text(doc, m + "/w:TopLeftCorner").split(" ");
            assertThat(Double.parseDouble(corner[0])).isCloseTo(-20037508.3427892, within(1e-6));
            assertThat(Double.parseDouble(corner[1])).isCloseTo(20037508.3427892, within(1e-6));
        }
        assertThat(number(doc, set + "/w:TileMatrix[ows:Identifier='18']/w:ScaleDenominator")).isCloseTo(SCALE_18, within(1e-6));
    }

    @Test
    void aTileIsTheViewersXyzTileByteForByte() throws Exception {
        String[] zxy = TileApiTest.tileOf(TileApiTest.TAIYUAN[0], TileApiTest.TAIYUAN[1], 10).split("/");
        HttpResponse<byte[]> xyz = fetch("/api/tiles/" + UDB + "/" + zxy[0] + "/" + zxy[1] + "/" + zxy[2] + ".png");
        HttpResponse<byte[]> kvp = fetch("/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=" + UDB
                + "&STYLE=default&FORMAT=image/png&TILEMATRIXSET=GoogleMapsCompatible&TILEMATRIX=" + zxy[0]
                + "&TILEROW=" + zxy[2] + "&TILECOL=" + zxy[1]);
        HttpResponse<byte[]> rest = fetch("/wmts/1.0.0/" + UDB + "/default/GoogleMapsCompatible/" + zxy[0] + "/" + zxy[2]
                + "/" + zxy[1] + ".png");
        for (HttpResponse<byte[]> r : List.of(kvp, rest)) {
            BufferedImage image = TileApiTest.image(r);
            assertThat(image.getWidth()).isEqualTo(256);
            assertThat(image.getHeight()).isEqualTo(256);
            TileApiTest.assertDrawnInTheLinesColours(image);
            assertThat(r.body()).isEqualTo(xyz.body());
            assertThat(r.headers().firstValue("ETag")).isEqualTo(xyz.headers().firstValue("ETag"));
        }
        String etag = rest.headers().firstValue("ETag").orElseThrow();
        assertThat(fetch(rest.uri().getPath(), "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    /** One refusal: its status, and the report's code, locator and text in Chinese, then English. */
    void assertRefused(String path, int status, String code, String locator, String zh, String en) throws Exception {
        HttpResponse<byte[]> r = fetch(path);
        assertThat(r.statusCode()).as(path).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
        Document doc = xml(r.body());
        assertThat(text(doc, "/ows:ExceptionReport/ows:Exception/@exceptionCode")).as(path).isEqualTo(code);
        assertThat(text(doc, "/ows:ExceptionReport/ows:Exception/@locator")).as(path).isEqualTo(locator);
        assertThat(text(doc, "//ows:Exception/ows:ExceptionText[1]")).as(path).contains(zh);
        assertThat(text(doc, "//ows:Exception/ows:ExceptionText[2]")).as(path).contains(en);
    }

    @Test
    void badRequestsGetOwsExceptionReports() throws Exception {
        String tile = "/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=" + UDB + "&STYLE=default&FORMAT=image/png"
                + "&TILEMATRIXSET=GoogleMapsCompatible&TILEMATRIX=10";
        assertRefused(tile + "&TILECOL=832", 400, "MissingParameterValue", "TILEROW", "缺少参数", "missing");
        assertRefused("/wmts?REQUEST=GetCapabilities", 400, "MissingParameterValue", "SERVICE", "缺少参数", "missing");
        assertRefused(tile.replace(UDB, "no-such-layer") + "&TILEROW=395&TILECOL=832", 400, "InvalidParameterValue",
                "LAYER", "没有瓦片图层", "no tiled layer");
        assertRefused(tile.replace("TILEMATRIX=10", "TILEMATRIX=19") + "&TILEROW=0&TILECOL=0", 400,
                "InvalidParameterValue", "TILEMATRIX", "0~18", "0..18");
        assertRefused(tile.replace("image/png", "image/jpeg") + "&TILEROW=395&TILECOL=832", 400, "InvalidParameterValue",
                "FORMAT", "image/png", "image/png");
        assertRefused(tile + "&TILEROW=x&TILECOL=832", 400, "InvalidParameterValue", "TILEROW", "不是整数", "not a whole number");
        // Inside the matrix but far from Shanxi (新疆), and outside the matrix altogether.
        assertRefused(tile + "&TILEROW=395&TILECOL=761", 400, "TileOutOfRange", "TILECOL", "没有第 395 行第 761 列", "no tile");
        assertRefused(tile + "&TILEROW=1024&TILECOL=832", 400, "TileOutOfRange", "TILEROW", "没有", "no tile");
        assertRefused("/wmts?SERVICE=WMTS&REQUEST=GetFeatureInfo", 400, "OperationNotSupported", "REQUEST", "不支持",
                "not supported");
        // In the RESTful tree an address names a tile or nothing: 404.
        assertRefused("/wmts/1.0.0/no-such-layer/default/GoogleMapsCompatible/10/395/832.png", 404,
                "InvalidParameterValue", "LAYER", "没有瓦片图层", "no tiled layer");
        assertRefused("/wmts/1.0.0/" + UDB + "/default/GoogleMapsCompatible/10/395/761.png", 404, "TileOutOfRange",
                "TILECOL", "没有", "no tile");
        assertRefused("/wmts/1.0.0/" + UDB + "/bright/GoogleMapsCompatible/10/395/832.png", 404, "InvalidParameterValue",
                "STYLE", "default", "default");
    }

    @Test
    void theOgcLandingPageLinksTheWmtsCapabilities() throws Exception {
        JsonNode links = get("/ogc").body().get("links");
        List<String> wmts = new ArrayList<>();
        links.forEach(l -> {
            if (l.path("title").asString().contains("WMTS")) {
                wmts.add(l.get("href").asString());
            }
        });
        assertThat(wmts).containsExactly("http://localhost:" + port + "/wmts/1.0.0/WMTSCapabilities.xml");
    }

    /** GDAL's WMTS driver, as QGIS uses it: every layer a subdataset, and one layer drawn small from the tiles. */
    @Test
    void gdalOpensTheServiceAndDrawsALayer() throws Exception {
        String capabilities = "WMTS:http://127.0.0.1:" + port + "/wmts/1.0.0/WMTSCapabilities.xml";
        // No disk cache: it would land in the working directory and answer later runs with old tiles.
        String info = OgcApiTest.run("gdalinfo", "--config", "GDAL_ENABLE_WMS_CACHE", "NO", capabilities);
        for (String id : tiledLayers()) {
            assertThat(info).contains(",layer=" + id + "\n");
        }
        Path png = work.resolve("udb.png");
        OgcApiTest.run("gdal_translate", "--config", "GDAL_ENABLE_WMS_CACHE", "NO", "-of", "PNG", "-outsize", "256", "0", capabilities + ",layer=" + UDB,
                png.toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(256);
        long drawn = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                drawn += (image.getRGB(x, y) >>> 24) > 0 ? 1 : 0;
            }
        }
        // The demonstration lines cover a few per cent of Shanxi; the picture is Shanxi's box, not blank.
        assertThat(drawn).as("drawn pixels").isGreaterThan(100);
        assertThat(Files.size(png)).isGreaterThan(1000);
    }
}

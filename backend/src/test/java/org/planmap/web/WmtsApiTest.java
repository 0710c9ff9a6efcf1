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
        assertThat(text(doc, udb + "/w:TileMatrixSetLink[1]/w:TileMatrixSet")).isEqualTo("GoogleMapsCompatible");
        assertThat(text(doc, udb + "/w:ResourceURL[@resourceType='tile']/@template")).isEqualTo("http://localhost:" + port
                + "/wmts/1.0.0/" + UDB + "/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png");
        // Limits for every zoom served (0–18); at z10 they hold 太原's tile and are a few dozen tiles, not the world.
        String limits = udb + "/w:TileMatrixSetLink[w:TileMatrixSet='GoogleMapsCompatible']/w:TileMatrixSetLimits";
        String z10 = limits + "/w:TileMatrixLimits[w:TileMatrix='10']";
        assertThat(number(doc, "count(" + limits + "/w:TileMatrixLimits)")).isEqualTo(19);
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

    /** 太原 on the CGCS2000 grid at level 10: 0.3515625° a tile from 180°W, 90°N. */
    static final int[] TAIYUAN_C10 = {10, (int) Math.floor((TileApiTest.TAIYUAN[0] + 180) / 0.3515625),
            (int) Math.floor((90 - TileApiTest.TAIYUAN[1]) / 0.3515625)};

    @Test
    void theCgcs2000SetIsTiandituCStyleWithLatitudeFirstCorners() throws Exception {
        Document doc = xml(fetch("/wmts?SERVICE=WMTS&REQUEST=GetCapabilities").body());
        // The structure WMTS 1.0.0 requires of both sets, in its order, and of every layer's link to each.
        for (String id : List.of("GoogleMapsCompatible", "c")) {
            String set = "//w:Contents/w:TileMatrixSet[ows:Identifier='" + id + "']";
            assertThat(number(doc, "count(" + set + ")")).as(id).isEqualTo(1);
            assertThat(text(doc, "local-name(" + set + "/ows:SupportedCRS/following-sibling::*[1])")).as(id)
                    .isIn("WellKnownScaleSet", "TileMatrix");
            for (String child : List.of("ows:Identifier", "ScaleDenominator", "TopLeftCorner", "TileWidth", "TileHeight",
                    "MatrixWidth", "MatrixHeight")) {
                String name = child.startsWith("ows:") ? child : "w:" + child;
                assertThat(number(doc, "count(" + set + "/w:TileMatrix[not(" + name + ")])")).as(id + " " + child).isZero();
            }
            for (String layer : tiledLayers()) {
                String link = "//w:Layer[ows:Identifier='" + layer + "']/w:TileMatrixSetLink[w:TileMatrixSet='" + id + "']";
                assertThat(number(doc, "count(" + link + "/w:TileMatrixSetLimits/w:TileMatrixLimits)")).as(layer + " " + id)
                        .isEqualTo(id.equals("c") ? 18 : 19);
            }
        }
        assertThat(text(doc, "//w:Layer[ows:Identifier='" + UDB + "']/w:TileMatrixSetLink[2]/w:TileMatrixSet")).isEqualTo("c");

        String set = "//w:Contents/w:TileMatrixSet[ows:Identifier='c']";
        assertThat(text(doc, set + "/ows:Title")).contains("CGCS2000");
        assertThat(text(doc, set + "/ows:SupportedCRS")).isEqualTo("urn:ogc:def:crs:EPSG::4490");
        // Same scales as GoogleCRS84Quad, but that set is CRS84 with a 360° × 360° level 0: not this one.
        assertThat(number(doc, "count(" + set + "/w:WellKnownScaleSet)")).isZero();
        // EPSG:4490 is latitude, longitude: corners are written "lat lon".
        assertThat(text(doc, set + "/ows:BoundingBox/@crs")).isEqualTo("urn:ogc:def:crs:EPSG::4490");
        assertThat(text(doc, set + "/ows:BoundingBox/ows:LowerCorner")).isEqualTo("-90 -180");
        assertThat(text(doc, set + "/ows:BoundingBox/ows:UpperCorner")).isEqualTo("90 180");
        assertThat(number(doc, "count(" + set + "/w:TileMatrix)")).isEqualTo(18);
        assertThat(text(doc, set + "/w:TileMatrix[1]/ows:Identifier")).isEqualTo("1");
        for (int z = 1; z <= 18; z++) {
            String m = set + "/w:TileMatrix[ows:Identifier='" + z + "']";
            // 0.703125° / 2^(z−1) a pixel × 111 319.49 m a degree (2π · 6 378 137 m / 360) ÷ 0.28 mm
            double resolution = 0.703125 / (1 << (z - 1));
            assertThat(number(doc, m + "/w:ScaleDenominator")).as("z%d", z)
                    .isCloseTo(resolution * 2 * Math.PI * 6378137 / 360 / 0.00028, within(1e-6))
                    .isCloseTo(SCALE_0 / (1 << z), within(1e-6));
            assertThat(number(doc, m + "/w:MatrixWidth")).isEqualTo(1 << z);
            assertThat(number(doc, m + "/w:MatrixHeight")).isEqualTo(1 << (z - 1));
            assertThat(text(doc, m + "/w:TopLeftCorner")).isEqualTo("90 -180");
        }
        // 天地图's own c set writes 2.958293554545656E8 at level 1: the same pixel, measured at 96 dpi (0.2646 mm).
        assertThat(number(doc, set + "/w:TileMatrix[ows:Identifier='1']/w:ScaleDenominator") * 0.00028 / (0.0254 / 96))
                .isCloseTo(2.958293554545656E8, within(1e-3));

        String c10 = "//w:Layer[ows:Identifier='" + UDB + "']/w:TileMatrixSetLink[w:TileMatrixSet='c']"
                + "//w:TileMatrixLimits[w:TileMatrix='10']";
        assertThat(number(doc, c10 + "/w:MinTileCol")).isLessThanOrEqualTo(TAIYUAN_C10[1]);
        assertThat(number(doc, c10 + "/w:MaxTileCol")).isGreaterThanOrEqualTo(TAIYUAN_C10[1])
                .isLessThan(number(doc, c10 + "/w:MinTileCol") + 16);
        assertThat(number(doc, c10 + "/w:MinTileRow")).isLessThanOrEqualTo(TAIYUAN_C10[2]);
        assertThat(number(doc, c10 + "/w:MaxTileRow")).isGreaterThanOrEqualTo(TAIYUAN_C10[2])
                .isLessThan(number(doc, c10 + "/w:MinTileRow") + 20);
    }

    static long opaquePixels(BufferedImage image) {
        long drawn = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                drawn += (image.getRGB(x, y) >>> 24) > 0 ? 1 : 0;
            }
        }
        return drawn;
    }

    @Test
    void aCgcs2000TileIsDrawnWhereShanxiIsAndEmptyBesideIt() throws Exception {
        String kvp = "/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=counties&STYLE=default&FORMAT=image/png"
                + "&TILEMATRIXSET=c&TILEMATRIX=10";
        HttpResponse<byte[]> taiyuan = fetch(kvp + "&TILEROW=" + TAIYUAN_C10[2] + "&TILECOL=" + TAIYUAN_C10[1]);
        HttpResponse<byte[]> rest = fetch("/wmts/1.0.0/counties/default/c/10/" + TAIYUAN_C10[2] + "/" + TAIYUAN_C10[1]
                + ".png");
        BufferedImage image = TileApiTest.image(taiyuan);
        assertThat(image.getWidth()).isEqualTo(256);
        assertThat(image.getHeight()).isEqualTo(256);
        // 太原's counties fill the whole tile (the fill is 90 % opaque).
        assertThat(opaquePixels(image)).isEqualTo(256 * 256);
        assertThat(rest.body()).isEqualTo(taiyuan.body());
        String etag = rest.headers().firstValue("ETag").orElseThrow();
        // The set is part of the tag, as of the cache key: tile 10/832/148 of GoogleMapsCompatible is another place.
        assertThat(etag).endsWith("-c-10-" + TAIYUAN_C10[1] + "-" + TAIYUAN_C10[2] + "\"");
        assertThat(fetch(rest.uri().getPath(), "If-None-Match", etag).statusCode()).isEqualTo(304);

        // 114.26–114.61°E, 34.45–34.80°N: inside the counties' box, but in 河南 (新乡/开封), beyond Shanxi's border.
        HttpResponse<byte[]> henan = fetch(kvp + "&TILEROW=157&TILECOL=837");
        assertThat(opaquePixels(TileApiTest.image(henan))).isZero();

        // Outside the layer's limits, and outside the set, as for GoogleMapsCompatible.
        assertRefused(kvp + "&TILEROW=10&TILECOL=" + TAIYUAN_C10[1], 400, "TileOutOfRange", "TILEROW", "没有", "no tile");
        assertRefused(kvp.replace("TILEMATRIX=10", "TILEMATRIX=0") + "&TILEROW=0&TILECOL=0", 400, "InvalidParameterValue",
                "TILEMATRIX", "1~18", "1..18");
        assertRefused("/wmts/1.0.0/counties/default/c/10/10/" + TAIYUAN_C10[1] + ".png", 404, "TileOutOfRange",
                "TILEROW", "没有", "no tile");
        assertRefused(kvp.replace("TILEMATRIXSET=c", "TILEMATRIXSET=EPSG:4490") + "&TILEROW=0&TILECOL=0", 400,
                "InvalidParameterValue", "TILEMATRIXSET", "GoogleMapsCompatible, c", "GoogleMapsCompatible, c");
    }

    /**
     * GDAL's WMTS driver on the c set: it must read TopLeftCorner "90 -180" as latitude, longitude (EPSG:4490's
     * order), and then a PNG cut from it in EPSG:4490 carries a geotransform that puts Shanxi where it is, drawn
     * where the counties are and empty beyond the border.
     */
    @Test
    void gdalReadsTheCgcs2000SetInEpsg4490() throws Exception {
        String layer = "WMTS:http://127.0.0.1:" + port + "/wmts/1.0.0/WMTSCapabilities.xml,layer=counties,tilematrixset=c";
        JsonNode info = JSON.readTree(OgcApiTest.run("gdalinfo", "-json", "--config", "GDAL_ENABLE_WMS_CACHE", "NO", layer));
        assertThat(info.at("/coordinateSystem/wkt").asString()).contains("CGCS2000").contains("ID[\"EPSG\",4490]");
        JsonNode gt = info.get("geoTransform");
        double west = gt.get(0).asDouble();
        double north = gt.get(3).asDouble();
        double east = west + gt.get(1).asDouble() * info.at("/size/0").asDouble();
        double south = north + gt.get(5).asDouble() * info.at("/size/1").asDouble();
        // Level 18: 0.703125° / 2^17 a pixel. Shanxi: 110.2–114.6°E, 34.6–40.7°N.
        assertThat(gt.get(1).asDouble()).isCloseTo(0.703125 / (1 << 17), within(1e-15));
        assertThat(gt.get(5).asDouble()).isCloseTo(-0.703125 / (1 << 17), within(1e-15));
        assertThat(west).isBetween(110.1, 110.3);
        assertThat(east).isBetween(114.5, 114.7);
        assertThat(south).isBetween(34.5, 34.7);
        assertThat(north).isBetween(40.6, 40.8);

        Path png = work.resolve("counties-4490.png");
        OgcApiTest.run("gdal_translate", "--config", "GDAL_ENABLE_WMS_CACHE", "NO", "-of", "PNG",
                "-projwin", "110", "41", "115", "34.5", "-outsize", "500", "650", layer, png.toString());
        JsonNode cut = JSON.readTree(OgcApiTest.run("gdalinfo", "-json", png.toString()));
        assertThat(cut.at("/coordinateSystem/wkt").asString()).contains("ID[\"EPSG\",4490]");
        // gdal_translate snaps the window to the source's pixels (0.0000054° at level 18)
        double[] expected = {110, 0.01, 0, 41, 0, -0.01};
        double[] tolerance = {6e-6, 1e-7, 0, 6e-6, 0, 1e-7};
        for (int i = 0; i < 6; i++) {
            assertThat(cut.get("geoTransform").get(i).asDouble()).as("geotransform[%d]", i)
                    .isCloseTo(expected[i], within(tolerance[i]));
        }
        BufferedImage image = ImageIO.read(png.toFile());
        // 太原 (112.55°E, 37.87°N) is filled; 河南 south-east of the border and 内蒙古 north-west of it are not.
        assertThat(image.getRGB(255, 313) >>> 24).as("太原").isGreaterThan(0);
        assertThat(image.getRGB(440, 620) >>> 24).as("河南 114.4°E 34.8°N").isZero();
        assertThat(image.getRGB(50, 50) >>> 24).as("内蒙古 110.5°E 40.5°N").isZero();
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
            assertThat(info).contains(",layer=" + id + ",tilematrixset=GoogleMapsCompatible\n")
                    .contains(",layer=" + id + ",tilematrixset=c\n");
        }
        Path png = work.resolve("udb.png");
        OgcApiTest.run("gdal_translate", "--config", "GDAL_ENABLE_WMS_CACHE", "NO", "-of", "PNG", "-outsize", "256", "0", capabilities + ",layer=" + UDB,
                png.toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(256);
        // The demonstration lines cover a few per cent of Shanxi; the picture is Shanxi's box, not blank.
        assertThat(opaquePixels(image)).as("drawn pixels").isGreaterThan(100);
        assertThat(Files.size(png)).isGreaterThan(1000);
    }
}

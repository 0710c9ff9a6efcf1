package org.planmap.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.planmap.crs.CrsRef;
import org.planmap.crs.Reprojector;
import org.planmap.http.ApiException;
import org.planmap.store.LayerInfo;

/** Parameter checking, CRS URIs and format choice of /ogc, without a server. */
class ItemsRequestTest {

    static ItemsRequest parse(Map<String, List<String>> params) {
        return ItemsRequest.parse(OgcParams.check(params, ItemsRequest.PARAMETERS), null, List.of());
    }

    @Test
    void limitDefaultsToTenAndAnyLargerThanTheMaximumIsTheMaximum() {
        assertThat(parse(Map.of()).limit()).isEqualTo(10);
        assertThat(parse(Map.of("limit", List.of("50"))).limit()).isEqualTo(50);
        assertThat(parse(Map.of("limit", List.of("10001"))).limit()).isEqualTo(10_000);
        assertThat(parse(Map.of("limit", List.of("99999999999999999999999"))).limit()).isEqualTo(10_000);
        for (String bad : List.of("0", "-1", "1.5", "ten", "000")) {
            assertThatThrownBy(() -> parse(Map.of("limit", List.of(bad)))).as(bad).isInstanceOf(ApiException.class)
                    .hasMessageContaining("limit");
        }
    }

    @Test
    void crsUrisCarryTheirAxisOrder() {
        assertThat(OgcCrs.parameter("crs", null)).isEqualTo(OgcCrs.CRS84);
        assertThat(OgcCrs.parameter("crs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84")).isEqualTo(OgcCrs.CRS84);
        OgcCrs cgcs = OgcCrs.parameter("crs", "http://www.opengis.net/def/crs/EPSG/0/4490");
        assertThat(cgcs.crs()).isEqualTo(CrsRef.CGCS2000);
        assertThat(cgcs.yFirst()).isTrue();
        assertThat(OgcCrs.parameter("crs", "EPSG:4326").yFirst()).isTrue();
        assertThat(OgcCrs.parameter("crs", "http://www.opengis.net/def/crs/EPSG/0/3857").yFirst()).isFalse();
        assertThat(OgcCrs.parameter("crs", "http://www.opengis.net/def/crs/EPSG/0/4547").yFirst()).isTrue();
        assertThat(OgcCrs.supported()).first().isEqualTo(OgcCrs.CRS84);
        assertThatThrownBy(() -> OgcCrs.parameter("bbox-crs", "http://www.opengis.net/def/crs/EPSG/0/32650"))
                .isInstanceOf(ApiException.class).hasMessageContaining("bbox-crs");
    }

    @Test
    void aGaussKrugerBoxIsNorthingFirstAndBecomesALonLatBox() {
        // 孝义市's town, 111.78°E 37.145°N, in the CGCS2000 zone with central meridian 111°E (EPSG:4546).
        CrsRef zone = CrsRef.gaussKruger(111, false);
        double[] en = Reprojector.transform(111.78, 37.145, CrsRef.WGS84, zone);
        String box = (en[1] - 500) + "," + (en[0] - 500) + "," + (en[1] + 500) + "," + (en[0] + 500);
        Envelope lonLat = ItemsRequest.bbox(box, OgcCrs.epsg(zone)).get(0);
        assertThat(lonLat.contains(111.78, 37.145)).isTrue();
        assertThat(lonLat.getWidth()).isBetween(0.01, 0.013);   // 1 km at 37°N ≈ 0.0113°
        assertThat(lonLat.getHeight()).isBetween(0.008, 0.01);  // 1 km ≈ 0.009°
        // Six numbers: heights are ignored.
        assertThat(ItemsRequest.bbox("111,37,0,112,38,100", OgcCrs.CRS84)).containsExactly(new Envelope(111, 112, 37, 38));
    }

    @Test
    void aBoxWrittenEastFirstInANorthFirstCrsIsReadEastFirstWhenOnlyThatIsAPlace() {
        OgcCrs cgcs = OgcCrs.parameter("bbox-crs", "http://www.opengis.net/def/crs/EPSG/0/4490");
        Envelope shanxi = new Envelope(110.22, 114.56, 34.58, 40.74);
        assertThat(ItemsRequest.bbox("34.58,110.22,40.74,114.56", cgcs)).containsExactly(shanxi);
        assertThat(ItemsRequest.bbox("110.22,34.58,114.56,40.74", cgcs)).containsExactly(shanxi);
        // Both readings are places: EPSG's order (latitude first) wins.
        assertThat(ItemsRequest.bbox("30,40,35,45", cgcs)).containsExactly(new Envelope(40, 45, 30, 35));
        // A Gauss-Krüger zone (EPSG:4547, 114°E, no zone prefix) is northing first; easting first is read too.
        OgcCrs zone = OgcCrs.parameter("bbox-crs", "http://www.opengis.net/def/crs/EPSG/0/4547");
        Envelope northFirst = ItemsRequest.bbox("4100000,400000,4110000,410000", zone).get(0);
        assertThat(ItemsRequest.bbox("400000,4100000,410000,4110000", zone).get(0)).isEqualTo(northFirst);
        assertThat(northFirst.centre().x).isBetween(112.5, 113.5);
        assertThat(northFirst.centre().y).isBetween(36.5, 37.5);
        // What the OGC suite sends for zone 26 (78°E): Shanxi's box, east first, far outside the zone (the eastings'
        // prefix even reads 29); read east first, the projection's formulas put it over Shanxi.
        Envelope farZone = ItemsRequest.bbox("29507881.7850738,4340834.6668213,29607222.5169796,5209951.9434882",
                OgcCrs.parameter("bbox-crs", "http://www.opengis.net/def/crs/EPSG/0/4514")).get(0);
        assertThat(farZone.intersects(shanxi)).as(farZone.toString()).isTrue();
        assertThatThrownBy(() -> ItemsRequest.bbox("100,200,300,400", cgcs)).isInstanceOf(ApiException.class)
                .hasMessageContaining("bbox");
    }

    static LayerInfo layerAt(double minLon, double minLat, double maxLon, double maxLat) {
        return new LayerInfo("l", "l", "Polygon", "EPSG:4326", "test", 1, List.of(minLon, minLat, maxLon, maxLat),
                List.of(), "1");
    }

    @Test
    void aBoxAcrossTheAntimeridianIsTwoBoxesAndTheOneMeetingTheLayerIsAsked() {
        assertThat(ItemsRequest.bbox("170,-10,-170,10", OgcCrs.CRS84))
                .containsExactly(new Envelope(170, 180, -10, 10), new Envelope(-180, -170, -10, 10));
        // Latitude first in EPSG:4326: the same box.
        assertThat(ItemsRequest.bbox("-10,170,10,-170", OgcCrs.parameter("bbox-crs", "EPSG:4326")))
                .containsExactly(new Envelope(170, 180, -10, 10), new Envelope(-180, -170, -10, 10));
        ItemsRequest across = parse(Map.of("bbox", List.of("170,-10,-170,10")));
        assertThat(across.query(layerAt(-175, -5, -172, 5)).bbox()).isEqualTo(new Envelope(-180, -170, -10, 10));
        assertThat(across.query(layerAt(172, -5, 175, 5)).bbox()).isEqualTo(new Envelope(170, 180, -10, 10));
        assertThatThrownBy(() -> across.query(layerAt(-179, -5, 179, 5))).isInstanceOf(ApiException.class)
                .hasMessageContaining("antimeridian");
        assertThatThrownBy(() -> parse(Map.of("bbox", List.of("111,38,112,37"))))
                .isInstanceOf(ApiException.class).hasMessageContaining("bbox");
        assertThatThrownBy(() -> parse(Map.of("bbox", List.of("190,37,112,38"))))
                .isInstanceOf(ApiException.class).hasMessageContaining("bbox");
    }

    @Test
    void datetimeAcceptsInstantsAndIntervalsAndRidesAlongInThePagingLinks() {
        for (String ok : List.of("2021-01-01T00:00:00Z", "2021-01-01", "2018-02-12T00:00:00Z/2018-03-18T12:31:12Z",
                "../2021-01-01T00:00:00+08:00", "2021-01-01/..", "2021-01-01/")) {
            assertThat(parse(Map.of("datetime", List.of(ok))).datetime()).as(ok).isEqualTo(ok);
        }
        for (String bad : List.of("yesterday", "2021-13-01", "../..", "2021-02-01/2021-01-01", "2021-01-01/x/y", "")) {
            assertThatThrownBy(() -> parse(Map.of("datetime", List.of(bad)))).as(bad)
                    .isInstanceOf(ApiException.class).hasMessageContaining("datetime");
        }
        ItemsRequest r = parse(Map.of("datetime", List.of("2021-01-01/..")));
        assertThat(r.links(new OgcUrls("http://h/ogc"), "counties", 117, 10).get(2).href())
                .isEqualTo("http://h/ogc/collections/counties/items?datetime=2021-01-01%2F..&limit=10&offset=10&f=json");
    }

    @Test
    void browsersGetHtmlOtherClientsJson() {
        assertThat(OgcFormat.choose(null, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))
                .isEqualTo(OgcFormat.HTML);
        assertThat(OgcFormat.choose(null, "application/geo+json, application/json")).isEqualTo(OgcFormat.JSON);
        assertThat(OgcFormat.choose(null, "*/*")).isEqualTo(OgcFormat.JSON);
        assertThat(OgcFormat.choose(null, null)).isEqualTo(OgcFormat.JSON);
        assertThat(OgcFormat.choose(null, "not a media type")).isEqualTo(OgcFormat.JSON);
        assertThat(OgcFormat.choose(null, "application/json;q=0.5, text/html")).isEqualTo(OgcFormat.HTML);
        assertThat(OgcFormat.choose("json", "text/html")).isEqualTo(OgcFormat.JSON);
        assertThatThrownBy(() -> OgcFormat.choose("xml", null)).isInstanceOf(ApiException.class);
    }

    @Test
    void pagingLinksKeepTheQueryAndStopAtTheEnd() {
        ItemsRequest r = parse(Map.of("limit", List.of("50"), "offset", List.of("100"),
                "crs", List.of("http://www.opengis.net/def/crs/EPSG/0/4490")));
        List<Link> links = r.links(new OgcUrls("http://h/ogc"), "counties", 117, 17);
        assertThat(links).extracting(Link::rel).containsExactly("self", "alternate", "prev", "collection");
        assertThat(links.get(2).href()).isEqualTo("http://h/ogc/collections/counties/items?"
                + "crs=http%3A%2F%2Fwww.opengis.net%2Fdef%2Fcrs%2FEPSG%2F0%2F4490&limit=50&offset=50&f=json");
        assertThat(parse(Map.of()).links(new OgcUrls("http://h/ogc"), "counties", 117, 10)).extracting(Link::rel)
                .containsExactly("self", "alternate", "next", "collection");
    }
}

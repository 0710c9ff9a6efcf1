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
        Envelope lonLat = ItemsRequest.bbox(box, OgcCrs.epsg(zone));
        assertThat(lonLat.contains(111.78, 37.145)).isTrue();
        assertThat(lonLat.getWidth()).isBetween(0.01, 0.013);   // 1 km at 37°N ≈ 0.0113°
        assertThat(lonLat.getHeight()).isBetween(0.008, 0.01);  // 1 km ≈ 0.009°
        // Six numbers: heights are ignored.
        assertThat(ItemsRequest.bbox("111,37,0,112,38,100", OgcCrs.CRS84)).isEqualTo(new Envelope(111, 112, 37, 38));
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

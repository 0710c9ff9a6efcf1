package org.planmap.ogc.wmts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** KVP requests as clients write them, and the OWS exception report of each refusal, without a server. */
class KvpRequestTest {

    static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            q.put(pairs[i], List.of(pairs[i + 1]));
        }
        return q;
    }

    static OwsException refusal(String... pairs) {
        return catchThrowableOfType(OwsException.class, () -> KvpRequest.parse(query(pairs)));
    }

    @Test
    void namesInAnyCaseAndForeignParametersAreRead() {
        assertThat(KvpRequest.parse(query("service", "WMTS", "Request", "GetCapabilities", "tk", "key")).tile()).isNull();
        TileRequest tile = KvpRequest.parse(query("SERVICE", "wmts", "REQUEST", "GetTile", "version", "1.0.0",
                "layer", "counties", "style", "default", "format", "image/png", "TileMatrixSet", "GoogleMapsCompatible",
                "TileMatrix", "7", "TileRow", "48", "TileCol", "103")).tile();
        assertThat(tile).isEqualTo(new TileRequest("counties", "default", "image/png", "GoogleMapsCompatible", "7",
                "48", "103"));
    }

    @Test
    void eachRefusalNamesItsCodeAndParameter() {
        assertThat(refusal("REQUEST", "GetCapabilities")).extracting(OwsException::code, OwsException::locator)
                .containsExactly(OwsException.Code.MissingParameterValue, "SERVICE");
        assertThat(refusal("SERVICE", "WMS", "REQUEST", "GetCapabilities")).extracting(OwsException::code,
                OwsException::locator).containsExactly(OwsException.Code.InvalidParameterValue, "SERVICE");
        assertThat(refusal("SERVICE", "WMTS", "REQUEST", "GetTile", "VERSION", "1.1.0").locator()).isEqualTo("VERSION");
        assertThat(refusal("SERVICE", "WMTS", "REQUEST", "GetFeatureInfo").code())
                .isEqualTo(OwsException.Code.OperationNotSupported);
        assertThat(refusal("SERVICE", "WMTS", "REQUEST", "GetTile", "LAYER", "counties", "STYLE", " ").locator())
                .isEqualTo("STYLE");
    }

    @Test
    void theReportIsAnOwsExceptionReportInChineseThenEnglish() {
        OwsException e = refusal("SERVICE", "WMTS", "REQUEST", "GetTile", "LAYER", "counties");
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.asNotFound().status()).isEqualTo(404);
        String xml = new String(e.report(), StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<ows:ExceptionReport xmlns:ows=\"http://www.opengis.net/ows/1.1\" version=\"1.0.0\" xml:lang=\"zh-CN\">")
                .contains("<ows:Exception exceptionCode=\"MissingParameterValue\" locator=\"STYLE\">"
                        + "<ows:ExceptionText>缺少参数 STYLE</ows:ExceptionText>"
                        + "<ows:ExceptionText>parameter STYLE is missing</ows:ExceptionText></ows:Exception>");
    }

    @Test
    void googleMapsCompatibleHasTheWellKnownScales() {
        TileMatrixSet set = TileMatrixSet.GOOGLE_MAPS_COMPATIBLE;
        assertThat(set.matrices()).hasSize(19);
        // WMTS 1.0.0 Annex E.4, and the decimal form the capabilities write
        assertThat(WmtsCapabilities.number(set.matrix("0").orElseThrow().scaleDenominator())).isEqualTo("559082264.0287178");
        assertThat(WmtsCapabilities.number(set.matrix("18").orElseThrow().scaleDenominator())).isEqualTo("2132.729583849784");
        assertThat(WmtsCapabilities.number(set.grid().left())).isEqualTo("-20037508.342789244");
        assertThat(set.matrix("19")).isEmpty();
    }
}

package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;
import tools.jackson.databind.JsonNode;

/**
 * What planmap writes in OGC XML is valid against the OGC's own schemas: the WMTS capabilities (WMTS 1.0.0 with OWS
 * 1.1), a WMTS exception report (OWS 1.1) and every layer's SLD 1.0.0 style. The schemas are the copies of
 * schemas.opengis.net that Maven Central's {@code org.jvnet.ogc:ogc-schemas} ships, with the W3C's xlink.xsd and
 * xml.xsd from {@code org.hisrc.w3c:w3c-schemas}; every schema URL is mapped to its packaged copy and any other is
 * refused, so nothing is fetched from the network.
 */
class OgcSchemasTest extends ServerTest {

    /** Where each schema URL prefix is packaged on the test classpath. */
    static final Map<String, String> PACKAGED = Map.of("http://schemas.opengis.net/", "ogc/",
            "http://www.w3.org/1999/xlink.xsd", "w3c/1999/xlink.xsd", "http://www.w3.org/2001/xml.xsd", "w3c/2001/xml.xsd");

    /**
     * The WMTS schema's one known erratum: it types the TileMatrixLimits' MinTileRow, MaxTileRow, MinTileCol and
     * MaxTileCol as positiveInteger, though rows and columns are numbered from 0 and its own annotation says "From 0
     * to maxTileRow"; every layer's level 0 is row 0, column 0. Only those four types are read as nonNegativeInteger.
     */
    static final String LIMITS_ERRATUM = "http://schemas.opengis.net/wmts/1.0/wmtsGetCapabilities_response.xsd";

    /** The packaged copy of the schema at {@code url}; an unmapped URL fails rather than reaching the network. */
    static InputStream packaged(String url) {
        for (Map.Entry<String, String> p : PACKAGED.entrySet()) {
            if (url.startsWith(p.getKey())) {
                String path = p.getValue() + url.substring(p.getKey().length());
                InputStream in = OgcSchemasTest.class.getClassLoader().getResourceAsStream(path);
                if (in != null) {
                    return url.equals(LIMITS_ERRATUM) ? withLimitsFromZero(in) : in;
                }
                throw new IllegalStateException("no packaged copy of " + url + " at " + path);
            }
        }
        throw new IllegalStateException("schema " + url + " is not packaged: refusing to fetch it");
    }

    static InputStream withLimitsFromZero(InputStream schema) {
        try (schema) {
            String text = new String(schema.readAllBytes(), StandardCharsets.UTF_8);
            Matcher limits = Pattern.compile("(name=\"(?:Min|Max)Tile(?:Row|Col)\" type=\")positiveInteger\"").matcher(text);
            String fixed = limits.replaceAll("$1nonNegativeInteger\"");
            assertThat(limits.reset().results().count()).as("the erratum is still in the packaged schema").isEqualTo(4);
            return new ByteArrayInputStream(fixed.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Each schema the schemas name, as its packaged copy known by its URL, so that its own relative includes resolve. */
    static final LSResourceResolver RESOLVER = (type, namespace, publicId, systemId, baseUri) -> {
        String url = URI.create(baseUri == null ? systemId : baseUri).resolve(systemId).toString();
        try {
            LSInput input = ((DOMImplementationLS) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .getDOMImplementation()).createLSInput();
            input.setSystemId(url);
            input.setByteStream(packaged(url));
            return input;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    };

    // After RESOLVER, which they need when built.
    /** wmts.xsd, the all-components document: starting from a leaf, Xerces misses the leaf's own OWS import. */
    static final Schema WMTS = schema("http://schemas.opengis.net/wmts/1.0/wmts.xsd");
    static final Schema OWS = schema("http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd");
    static final Schema SLD = schema("http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd");

    static Schema schema(String url) {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver(RESOLVER);
        try {
            return factory.newSchema(new StreamSource(packaged(url), url));
        } catch (SAXException e) {
            throw new IllegalStateException(url + ": " + e.getMessage(), e);
        }
    }

    static void validate(Schema schema, byte[] document, String what) throws Exception {
        Validator validator = schema.newValidator();
        validator.setResourceResolver(RESOLVER);
        try {
            validator.validate(new StreamSource(new ByteArrayInputStream(document)));
        } catch (SAXException e) {
            throw new AssertionError(what + " is not valid: " + e.getMessage(), e);
        }
    }

    HttpResponse<byte[]> fetch(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theWmtsCapabilitiesAreValidWmts100() throws Exception {
        HttpResponse<byte[]> capabilities = fetch("/wmts/1.0.0/WMTSCapabilities.xml");
        assertThat(capabilities.statusCode()).isEqualTo(200);
        assertThat(new String(capabilities.body(), StandardCharsets.UTF_8)).contains("<Layer>", "TileMatrixSetLimits");
        validate(WMTS, capabilities.body(), "WMTSCapabilities.xml");
    }

    @Test
    void aWmtsExceptionReportIsValidOws11() throws Exception {
        HttpResponse<byte[]> refused = fetch("/wmts?SERVICE=WMTS&REQUEST=GetFeatureInfo");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("OperationNotSupported");
        validate(OWS, refused.body(), "the exception report");
    }

    @Test
    void everyLayersSldIsValidSld100() throws Exception {
        List<String> validated = new ArrayList<>();
        for (JsonNode layer : get("/api/layers").body()) {
            String id = layer.get("id").asString();
            HttpResponse<byte[]> sld = fetch("/api/layers/" + id + "/style.sld");
            assertThat(sld.statusCode()).as(id).isEqualTo(200);
            validate(SLD, sld.body(), id + "/style.sld");
            validated.add(id);
        }
        assertThat(validated).contains("counties", "regions", "town-groups", "urban-development-boundary");
    }

    /** The validation can fail: an SLD rule with its filter after its symbolizer, as SLD 1.0 forbids, is refused. */
    @Test
    void theSchemasRefuseWhatTheStandardForbids() throws Exception {
        String sld = new String(fetch("/api/layers/counties/style.sld").body(), StandardCharsets.UTF_8);
        String swapped = sld.replaceFirst("(?s)(<ogc:Filter>.*?</ogc:Filter>)(\\s*)(<PolygonSymbolizer>.*?</PolygonSymbolizer>)",
                "$3$2$1");
        assertThat(swapped).isNotEqualTo(sld);
        assertThatThrownBy(() -> validate(SLD, swapped.getBytes(StandardCharsets.UTF_8), "swapped"))
                .hasMessageContaining("is not valid");
        byte[] capabilities = new String(fetch("/wmts/1.0.0/WMTSCapabilities.xml").body(), StandardCharsets.UTF_8)
                .replaceFirst("<ows:Identifier>GoogleMapsCompatible</ows:Identifier>", "").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> validate(WMTS, capabilities, "no identifier")).hasMessageContaining("is not valid");
    }
}

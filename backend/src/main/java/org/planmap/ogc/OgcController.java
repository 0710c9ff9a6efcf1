package org.planmap.ogc;

import org.planmap.ClientFault.Kind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.planmap.encode.GeoJsonEncoder;
import org.planmap.layer.FeaturePage;
import org.planmap.layer.LayerService;
import org.planmap.security.PublicBaseUrl;
import org.planmap.store.Feature;
import org.planmap.store.FeatureCursor;
import org.planmap.store.FeatureQuery;
import org.planmap.store.Field;
import org.planmap.store.LayerInfo;
import org.planmap.store.filter.Queryables;
import org.planmap.http.ApiException;
import org.planmap.http.QueryParams;
import org.planmap.http.StreamedResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * OGC API – Features (Part 1 core, GeoJSON, HTML, OpenAPI 3.0; Part 2 CRS) over the layer catalog. The
 * features come from the same {@link LayerService} query as {@code /api/layers/{id}/features}; this class
 * only checks parameters, picks the encoding and adds the OGC links.
 */
@RestController
@RequestMapping("/ogc")
class OgcController {

    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

    private final LayerService layers;
    private final PublicBaseUrl baseUrl;
    private final HttpServletRequest request;
    private final GeoJsonEncoder geoJson = new GeoJsonEncoder();

    /** {@code request} is Spring's proxy to the current request. */
    OgcController(LayerService layers, PublicBaseUrl baseUrl, HttpServletRequest request) {
        this.layers = layers;
        this.baseUrl = baseUrl;
        this.request = request;
    }

    @GetMapping({"", "/"})
    ResponseEntity<byte[]> landing(@RequestParam MultiValueMap<String, String> params,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        OgcUrls urls = urls();
        return switch (OgcParams.check(params, OgcParams.FORMAT_ONLY).format(accept)) {
            case HTML -> html(HtmlPages.landing(urls));
            case JSON -> json(OgcDocuments.landing(urls), OgcUrls.JSON);
        };
    }

    @GetMapping("/conformance")
    ResponseEntity<byte[]> conformance(@RequestParam MultiValueMap<String, String> params,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return switch (OgcParams.check(params, OgcParams.FORMAT_ONLY).format(accept)) {
            case HTML -> html(HtmlPages.conformance(urls()));
            case JSON -> json(OgcDocuments.conformance(), OgcUrls.JSON);
        };
    }

    @GetMapping("/api")
    ResponseEntity<byte[]> api(@RequestParam MultiValueMap<String, String> params,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        OgcFormat format = OgcParams.check(params, OgcParams.FORMAT_ONLY).format(accept);
        JsonNode doc = OpenApiDocument.build(urls().landing(), layers.layers());
        return switch (format) {
            case HTML -> html(HtmlPages.api(urls(), doc));
            case JSON -> json(doc, OgcUrls.OPENAPI);
        };
    }

    @GetMapping("/collections")
    ResponseEntity<byte[]> collections(@RequestParam MultiValueMap<String, String> params,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        OgcFormat format = OgcParams.check(params, OgcParams.FORMAT_ONLY).format(accept);
        List<LayerInfo> catalog = layers.layers();
        return switch (format) {
            case HTML -> html(HtmlPages.collections(urls(), catalog));
            case JSON -> json(OgcDocuments.collections(urls(), catalog), OgcUrls.JSON);
        };
    }

    @GetMapping("/collections/{collectionId}")
    ResponseEntity<byte[]> collection(@PathVariable String collectionId,
            @RequestParam MultiValueMap<String, String> params,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        OgcParams p = OgcParams.check(params, OgcParams.ONE_COLLECTION);
        LayerInfo layer = collection(collectionId, p);
        return switch (p.format(accept)) {
            case HTML -> html(HtmlPages.collection(urls(), layer));
            case JSON -> json(OgcDocuments.collection(urls(), layer), OgcUrls.JSON);
        };
    }

    /** Part 3: what a filter may name, always as JSON Schema (there is no HTML form of it). */
    @GetMapping("/collections/{collectionId}/queryables")
    ResponseEntity<byte[]> queryables(@PathVariable String collectionId, @RequestParam MultiValueMap<String, String> params) {
        LayerInfo layer = collection(collectionId, OgcParams.check(params, OgcParams.ONE_COLLECTION));
        return json(OgcDocuments.queryables(urls(), layer), OgcUrls.SCHEMA);
    }

    /**
     * JSON streams from the store's cursor (numberReturned and the paging links follow the features, since only
     * then is the number returned known); an HTML page is at most one page of {@link ItemsRequest#MAX_LIMIT}.
     */
    @GetMapping("/collections/{collectionId}/items")
    ResponseEntity<byte[]> items(@PathVariable String collectionId, @RequestParam MultiValueMap<String, String> params,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response)
            throws IOException {
        // An unknown collection or version is a 404 before any other parameter is judged; an old version's fields are
        // what its queryables are.
        LayerInfo layer = layers.layer(FeatureQuery.of(collectionId).version(QueryParams.version(params.getFirst("version"))));
        List<Field> queryables = Queryables.of(layer.fields());
        ItemsRequest request = ItemsRequest.parse(OgcParams.check(params, ItemsRequest.parameters(queryables)), accept,
                queryables);
        OgcUrls urls = urls();
        try (FeaturePage page = layers.page(request.query(layer), request.crs().crs())) {
            if (request.format() == OgcFormat.HTML) {
                return withCrs(html(HtmlPages.items(urls, page.layer(), page.features().toList(),
                        page.matched().orElseThrow(), request)), request.crs());
            }
            Map<String, Object> leading = Map.of("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            StreamedResponse.send(response, () -> geoJsonHeaders(response, request.crs()),
                    out -> geoJson.write(page, leading, (matched, returned) -> Map.of("links",
                            request.links(urls, collectionId, matched, (int) returned)), request.crs().yFirst(), out));
            return null;
        }
    }

    /**
     * The feature is read before the first byte (an unknown id is a 404 problem document); its GeoJSON is then written
     * straight to the response, as the items are: a county's or a control line's polygon may hold megabytes.
     */
    @GetMapping("/collections/{collectionId}/items/{featureId}")
    ResponseEntity<byte[]> item(@PathVariable String collectionId, @PathVariable String featureId,
            @RequestParam MultiValueMap<String, String> params,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response)
            throws IOException {
        OgcParams p = OgcParams.check(params, Set.of("f", "crs", "version"));
        Integer version = QueryParams.version(p.get("version"));
        LayerInfo layer = layers.layer(FeatureQuery.of(collectionId).version(version));
        OgcCrs crs = OgcCrs.parameter("crs", p.get("crs"));
        OgcFormat format = p.format(accept);
        Feature feature;
        try (FeatureCursor found = layers.features(FeatureQuery.byId(collectionId, featureId).version(version), crs.crs())) {
            if (!found.hasNext()) {
                throw new ApiException(Kind.NOT_FOUND, "feature-not-found",
                        "图层“" + layer.title() + "”中没有要素 " + featureId, "no feature " + featureId + " in " + collectionId);
            }
            feature = found.next();
        }
        OgcUrls urls = urls();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("crs", crs.equals(OgcCrs.CRS84) ? null : crs.uri());
        query.put("version", version == null ? null : version.toString());
        List<Link> links = new ArrayList<>(OgcUrls.selfAndAlternate(urls.item(collectionId, featureId), query,
                format, OgcUrls.GEOJSON, "要素 " + featureId));
        links.add(new Link(urls.collection(collectionId), "collection", OgcUrls.JSON, layer.title()));
        if (format == OgcFormat.HTML) {
            return withCrs(html(HtmlPages.item(urls, layer, feature, links)), crs);
        }
        StreamedResponse.send(response, () -> geoJsonHeaders(response, crs),
                out -> geoJson.writeFeature(feature, Map.of("links", links), crs.yFirst(), out));
        return null;
    }

    /**
     * The collection as it is now or, with {@code version}, as it was in that kept version (its extent and fields):
     * a client such as GDAL, given a collection's URL with {@code ?version=2}, repeats the parameter on every request.
     */
    private LayerInfo collection(String collectionId, OgcParams p) {
        return layers.layer(FeatureQuery.of(collectionId).version(QueryParams.version(p.get("version"))));
    }

    /** The /ogc root at the public address ({@link PublicBaseUrl}: never simply what the Host header claims). */
    private OgcUrls urls() {
        return new OgcUrls(baseUrl.of(request) + request.getContextPath() + "/ogc");
    }

    private static ResponseEntity<byte[]> json(JsonNode doc, String mediaType) {
        return bytes(OgcDocuments.JSON.writeValueAsBytes(doc), mediaType);
    }

    /** Every /ogc answer may be JSON or HTML by the {@code Accept} header, so caches must key on it. */
    private static ResponseEntity<byte[]> html(String page) {
        return ResponseEntity.ok().contentType(HTML).varyBy(HttpHeaders.ACCEPT).body(page.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<byte[]> bytes(byte[] body, String mediaType) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(mediaType)).varyBy(HttpHeaders.ACCEPT).body(body);
    }

    /** A streamed GeoJSON answer's headers: those {@link #bytes} and {@link #withCrs} give a whole one. */
    private static void geoJsonHeaders(HttpServletResponse response, OgcCrs crs) {
        response.setContentType(GeoJsonEncoder.MEDIA_TYPE);
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);   // beside the gzip handler's Accept-Encoding
        response.setHeader("Content-Crs", "<" + crs.uri() + ">");
    }

    /** Part 2: the answer names the CRS of its coordinates. */
    private static ResponseEntity<byte[]> withCrs(ResponseEntity<byte[]> response, OgcCrs crs) {
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .header("Content-Crs", "<" + crs.uri() + ">").body(response.getBody());
    }
}

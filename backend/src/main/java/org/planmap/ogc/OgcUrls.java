package org.planmap.ogc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The addresses of the /ogc resources below one root ({@code http://host:port/ogc}), and their self links. */
final class OgcUrls {

    static final String JSON = "application/json";
    static final String GEOJSON = "application/geo+json";
    static final String HTML = "text/html";
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
    static final String SCHEMA = "application/schema+json";
    static final String XML = "application/xml";

    private final String root;

    OgcUrls(String root) {
        this.root = root;
    }

    String landing() {
        return root;
    }

    String conformance() {
        return root + "/conformance";
    }

    String api() {
        return root + "/api";
    }

    String collections() {
        return root + "/collections";
    }

    String collection(String id) {
        return collections() + "/" + encode(id);
    }

    String items(String id) {
        return collection(id) + "/items";
    }

    String queryables(String id) {
        return collection(id) + "/queryables";
    }

    /**
     * The layer's style file ({@code sld}, {@code qml}), served by the planmap API beside /ogc: the same root without
     * the /ogc it ends in.
     */
    String style(String id, String extension) {
        return root.substring(0, root.length() - "/ogc".length()) + "/api/layers/" + encode(id) + "/style." + extension;
    }

    String item(String id, String featureId) {
        return items(id) + "/" + encode(featureId);
    }

    /** The capabilities of the WMTS beside this service ({@code /wmts} is a sibling of {@code /ogc}). */
    String wmtsCapabilities() {
        return root.substring(0, root.length() - "/ogc".length()) + "/wmts/1.0.0/WMTSCapabilities.xml";
    }

    /** {@code url} with {@code params} as its query, values percent-encoded, nulls left out. */
    static String withQuery(String url, Map<String, String> params) {
        List<String> pairs = new ArrayList<>();
        params.forEach((k, v) -> {
            if (v != null) {
                pairs.add(encode(k) + "=" + encode(v));
            }
        });
        return pairs.isEmpty() ? url : url + "?" + String.join("&", pairs);
    }

    /**
     * A resource's {@code self} link in the format answered and its {@code alternate} in the other one;
     * {@code query} (may be empty) rides along on both.
     */
    static List<Link> selfAndAlternate(String url, Map<String, String> query, OgcFormat format, String jsonType,
            String title) {
        String json = withQuery(url, with(query, "f", "json"));
        String html = withQuery(url, with(query, "f", "html"));
        return format == OgcFormat.HTML
                ? List.of(new Link(html, "self", HTML, title), new Link(json, "alternate", jsonType, title + "（JSON）"))
                : List.of(new Link(json, "self", jsonType, title), new Link(html, "alternate", HTML, title + "（网页）"));
    }

    static Map<String, String> with(Map<String, String> query, String name, String value) {
        Map<String, String> out = new LinkedHashMap<>(query);
        out.put(name, value);
        return out;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

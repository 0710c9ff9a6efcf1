package org.planmap.ogc;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.planmap.store.Feature;
import org.planmap.store.Field;
import org.planmap.store.LayerInfo;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * The HTML encoding of every /ogc resource, for people browsing the service: plain server-rendered pages,
 * Chinese first, every value escaped, no script and no inline style (the CSP allows neither need), styled
 * by {@code /ogc.css}.
 */
final class HtmlPages {

    private HtmlPages() {
    }

    static String landing(OgcUrls urls) {
        Page p = new Page(OgcDocuments.TITLE, List.of(), OgcDocuments.landingLinks(urls, OgcFormat.HTML));
        p.paragraph(OgcDocuments.DESCRIPTION);
        p.raw("<ul class=\"links\">");
        p.raw("<li>").link(OgcUrls.withQuery(urls.collections(), Map.of("f", "html")), "图层（要素集合）").raw("</li>");
        p.raw("<li>").link(OgcUrls.withQuery(urls.api(), Map.of("f", "html")), "接口说明").raw("（")
                .link(urls.api(), "OpenAPI 3.0 JSON").raw("）</li>");
        p.raw("<li>").link(OgcUrls.withQuery(urls.conformance(), Map.of("f", "html")), "符合的标准类别").raw("</li>");
        p.raw("<li>").link(urls.wmtsCapabilities(), OgcDocuments.WMTS_TITLE).raw("</li>");
        p.raw("<li>").link("/", "返回地图").raw("</li></ul>");
        return p.end();
    }

    static String conformance(OgcUrls urls) {
        Page p = new Page("符合的标准类别", List.of(crumb(urls)),
                OgcUrls.selfAndAlternate(urls.conformance(), Map.of(), OgcFormat.HTML, OgcUrls.JSON, "符合的标准类别"));
        p.raw("<ul>");
        OgcDocuments.CONFORMANCE.forEach(c -> p.raw("<li>").link(c, c).raw("</li>"));
        return p.raw("</ul>").end();
    }

    static String collections(OgcUrls urls, List<LayerInfo> layers) {
        Page p = new Page("图层（要素集合）", List.of(crumb(urls)),
                OgcUrls.selfAndAlternate(urls.collections(), Map.of(), OgcFormat.HTML, OgcUrls.JSON, "图层"));
        p.raw("<table><thead><tr><th>图层</th><th>标识</th><th>要素数</th><th>来源</th><th>要素</th></tr></thead><tbody>");
        for (LayerInfo l : layers) {
            p.raw("<tr><td>").link(html(urls.collection(l.id())), l.title()).raw("</td><td>").text(l.id())
                    .raw("</td><td class=\"num\">").text(String.valueOf(l.featureCount())).raw("</td><td>").text(l.source())
                    .raw("</td><td>").link(html(urls.items(l.id())), "浏览").raw(" · ").link(urls.items(l.id()), "GeoJSON")
                    .raw("</td></tr>");
        }
        return p.raw("</tbody></table>").end();
    }

    static String collection(OgcUrls urls, LayerInfo layer) {
        Page p = new Page(layer.title(), List.of(crumb(urls), collectionsCrumb(urls)),
                OgcDocuments.collectionLinks(urls, layer, OgcFormat.HTML));
        p.raw("<dl>");
        p.entry("标识", layer.id());
        p.entry("来源", layer.source());
        p.entry("几何类型", layer.geometryType());
        p.entry("要素数", String.valueOf(layer.featureCount()));
        OgcDocuments.lonLatBbox(layer).ifPresent(b -> p.entry("范围（CRS84 经度,纬度）",
                b.stream().map(String::valueOf).collect(Collectors.joining(", "))));
        p.entry("存储坐标系", OgcDocuments.storageCrs(layer).uri());
        p.entry("可输出坐标系（crs=）", OgcCrs.supported().size() + " 种：CRS84、EPSG:4326、EPSG:4490、EPSG:3857 与 "
                + "CGCS2000 3度带高斯-克吕格 EPSG:4513–4554");
        p.raw("</dl><h2>字段</h2><table><thead><tr><th>名称</th><th>类型</th><th>说明</th></tr></thead><tbody>");
        for (Field f : layer.fields()) {
            p.raw("<tr><td>").text(f.name()).raw("</td><td>").text(f.type().name()).raw("</td><td>").text(f.description())
                    .raw("</td></tr>");
        }
        p.raw("</tbody></table><p>").link(html(urls.items(layer.id())), "浏览要素").raw(" · ")
                .link(urls.items(layer.id()), "GeoJSON").raw("</p>");
        return p.end();
    }

    static String items(OgcUrls urls, LayerInfo layer, List<Feature> features, long matched, ItemsRequest request) {
        List<Link> links = request.links(urls, layer.id(), matched, features.size());
        Page p = new Page(layer.title() + " · 要素", List.of(crumb(urls), collectionsCrumb(urls),
                new Link(html(urls.collection(layer.id())), "up", OgcUrls.HTML, layer.title())), links);
        long first = features.isEmpty() ? 0 : request.offset() + 1;
        p.paragraph("共 " + matched + " 个要素，本页第 " + first + "–" + (request.offset() + features.size())
                + " 个；坐标系 " + request.crs().uri() + "；几何类型 " + layer.geometryType() + "（各要素的几何见其页面）。");
        pager(p, links);
        p.raw("<table><thead><tr><th>标识</th>");
        layer.fields().forEach(f -> p.raw("<th>").text(f.name()).raw("</th>"));
        p.raw("</tr></thead><tbody>");
        for (Feature f : features) {
            p.raw("<tr><td>").link(html(urls.item(layer.id(), f.id())), f.id()).raw("</td>");
            layer.fields().forEach(field -> p.raw("<td>").text(value(f.properties().get(field.name()))).raw("</td>"));
            p.raw("</tr>");
        }
        p.raw("</tbody></table>");
        pager(p, links);
        return p.end();
    }

    static String item(OgcUrls urls, LayerInfo layer, Feature feature, List<Link> links) {
        Object name = feature.properties().get("name");
        Page p = new Page(name == null ? feature.id() : name + "（" + feature.id() + "）", List.of(crumb(urls),
                collectionsCrumb(urls), new Link(html(urls.collection(layer.id())), "up", OgcUrls.HTML, layer.title()),
                new Link(html(urls.items(layer.id())), "up", OgcUrls.HTML, "要素")), links);
        p.raw("<dl>");
        p.entry("标识", feature.id());
        feature.properties().forEach((k, v) -> p.entry(k, value(v)));
        p.entry("几何", feature.geometry() == null ? "无" : feature.geometry().getGeometryType() + "，"
                + feature.geometry().getNumPoints() + " 个点");
        return p.raw("</dl>").end();
    }

    /** The OpenAPI document as a page: each path, what it does, and its parameters. */
    static String api(OgcUrls urls, JsonNode openApi) {
        Page p = new Page("接口说明", List.of(crumb(urls)), List.of(
                new Link(OgcUrls.withQuery(urls.api(), Map.of("f", "html")), "self", OgcUrls.HTML, "接口说明"),
                new Link(urls.api(), "alternate", OgcUrls.OPENAPI, "OpenAPI 3.0 JSON")));
        p.raw("<p>机器可读的定义：").link(urls.api(), "OpenAPI 3.0 JSON").raw("</p>");
        JsonNode parameters = openApi.path("components").path("parameters");
        for (Map.Entry<String, JsonNode> path : openApi.path("paths").properties()) {
            JsonNode get = path.getValue().path("get");
            p.raw("<h2>GET ").text(path.getKey()).raw("</h2>");
            p.paragraph(get.path("summary").asString());
            p.raw("<table><thead><tr><th>参数</th><th>位置</th><th>说明</th></tr></thead><tbody>");
            for (JsonNode ref : get.path("parameters")) {
                JsonNode param = parameters.path(ref.path("$ref").asString().replaceFirst(".*/", ""));
                p.raw("<tr><td>").text(param.path("name").asString()).raw("</td><td>").text(param.path("in").asString())
                        .raw("</td><td>").text(param.path("description").asString()).raw("</td></tr>");
            }
            p.raw("</tbody></table>");
        }
        return p.end();
    }

    private static void pager(Page p, List<Link> links) {
        p.raw("<p class=\"pager\">");
        links.stream().filter(l -> l.rel().equals("prev")).forEach(l -> p.link(l.href(), "‹ 上一页").raw(" "));
        links.stream().filter(l -> l.rel().equals("next")).forEach(l -> p.link(l.href(), "下一页 ›"));
        p.raw("</p>");
    }

    private static Link crumb(OgcUrls urls) {
        return new Link(html(urls.landing()), "up", OgcUrls.HTML, "OGC API 首页");
    }

    private static Link collectionsCrumb(OgcUrls urls) {
        return new Link(html(urls.collections()), "up", OgcUrls.HTML, "图层");
    }

    private static String html(String url) {
        return OgcUrls.withQuery(url, Map.of("f", "html"));
    }

    private static String value(Object v) {
        if (v == null) {
            return "";
        }
        return v instanceof Map || v instanceof List ? OgcDocuments.JSON.writeValueAsString(v) : String.valueOf(v);
    }

    /** One page being written: head with the alternate links, breadcrumbs, a heading, then the body. */
    private static final class Page {

        private final StringBuilder html = new StringBuilder();

        Page(String title, List<Link> crumbs, List<Link> links) {
            raw("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">");
            raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").text(title);
            raw("</title><link rel=\"stylesheet\" href=\"/ogc.css\">");
            for (Link l : links) {
                if (l.rel().equals("alternate")) {
                    raw("<link rel=\"alternate\" type=\"").text(l.type()).raw("\" href=\"").text(l.href()).raw("\">");
                }
            }
            raw("</head><body><nav class=\"crumbs\">");
            crumbs.forEach(c -> link(c.href(), c.title()).raw(" › "));
            raw("</nav><main><h1>").text(title).raw("</h1><p class=\"formats\">");
            for (Link l : links) {
                if (l.rel().equals("alternate")) {
                    raw("其他格式：").link(l.href(), l.title()).raw(" ");
                }
            }
            raw("</p>");
        }

        Page raw(String markup) {
            html.append(markup);
            return this;
        }

        Page text(String s) {
            html.append(HtmlUtils.htmlEscape(s == null ? "" : s, "UTF-8"));
            return this;
        }

        Page link(String href, String label) {
            return raw("<a href=\"").text(href).raw("\">").text(label).raw("</a>");
        }

        Page paragraph(String s) {
            return raw("<p>").text(s).raw("</p>");
        }

        Page entry(String name, String value) {
            return raw("<dt>").text(name).raw("</dt><dd>").text(value).raw("</dd>");
        }

        String end() {
            return raw("</main></body></html>").html.toString();
        }
    }
}

package org.planmap.ogc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.planmap.crs.CrsRef;
import org.planmap.store.Field;
import org.planmap.store.LayerInfo;
import org.planmap.store.TextTwin;
import org.planmap.store.filter.Filter;
import org.planmap.store.filter.Queryables;
import org.planmap.style.Qml;
import org.planmap.style.Sld;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON documents of OGC API – Features Part 1 (and the CRS lists of Part 2) for planmap's layer catalog. */
final class OgcDocuments {

    static final String TITLE = "山西省“十四五”新型城镇化规划图层 · planmap";
    static final String DESCRIPTION = "山西省新型城镇化规划的行政区划、城镇规模等级、城镇群与三条控制线（示意）图层，"
            + "以 OGC API – Features 提供，可在 QGIS、GDAL 中直接读取。Layers of Shanxi's new-urbanization plan "
            + "served as OGC API – Features.";

    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
            "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus");

    /** The link relation of a collection's queryables (OGC API – Features Part 3). */
    static final String QUERYABLES_REL = "http://www.opengis.net/def/rel/ogc/1.0/queryables";

    static final String WMTS_TITLE = "WMTS 1.0.0 瓦片服务（WMTS capabilities）";

    static final JsonMapper JSON = JsonMapper.builder().build();

    private OgcDocuments() {
    }

    static List<Link> landingLinks(OgcUrls urls, OgcFormat format) {
        List<Link> links = new ArrayList<>(OgcUrls.selfAndAlternate(urls.landing(), Map.of(), format, OgcUrls.JSON, "服务首页"));
        links.add(new Link(urls.api(), "service-desc", OgcUrls.OPENAPI, "接口定义（OpenAPI 3.0）"));
        links.add(new Link(OgcUrls.withQuery(urls.api(), Map.of("f", "html")), "service-doc", OgcUrls.HTML, "接口说明"));
        links.add(new Link(urls.conformance(), "conformance", OgcUrls.JSON, "符合的标准类别"));
        links.add(new Link(urls.collections(), "data", OgcUrls.JSON, "图层（要素集合）"));
        // "related", not a second "service-desc": clients and the OGC's test suite read service-desc as the OpenAPI document.
        links.add(new Link(urls.wmtsCapabilities(), "related", OgcUrls.XML, WMTS_TITLE));
        return links;
    }

    static ObjectNode landing(OgcUrls urls) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("title", TITLE);
        doc.put("description", DESCRIPTION);
        doc.set("links", JSON.valueToTree(landingLinks(urls, OgcFormat.JSON)));
        return doc;
    }

    static ObjectNode conformance() {
        ObjectNode doc = JSON.createObjectNode();
        doc.set("conformsTo", JSON.valueToTree(CONFORMANCE));
        return doc;
    }

    static ObjectNode collections(OgcUrls urls, List<LayerInfo> layers) {
        ObjectNode doc = JSON.createObjectNode();
        doc.set("links", JSON.valueToTree(OgcUrls.selfAndAlternate(urls.collections(), Map.of(), OgcFormat.JSON,
                OgcUrls.JSON, "图层（要素集合）")));
        ArrayNode list = doc.putArray("collections");
        layers.forEach(l -> list.add(collection(urls, l)));
        return doc;
    }

    static ObjectNode collection(OgcUrls urls, LayerInfo layer) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("id", layer.id());
        doc.put("title", layer.title());
        doc.put("description", layer.source());
        doc.put("itemType", "feature");
        lonLatBbox(layer).ifPresent(box -> {
            ObjectNode spatial = doc.putObject("extent").putObject("spatial");
            spatial.putArray("bbox").add(JSON.valueToTree(box));
            spatial.put("crs", OgcCrs.CRS84_URI);
        });
        ArrayNode crs = doc.putArray("crs");
        OgcCrs.supported().forEach(c -> crs.add(c.uri()));
        doc.put("storageCrs", storageCrs(layer).uri());
        doc.set("links", JSON.valueToTree(collectionLinks(urls, layer, OgcFormat.JSON)));
        return doc;
    }

    static List<Link> collectionLinks(OgcUrls urls, LayerInfo layer, OgcFormat format) {
        List<Link> links = new ArrayList<>(OgcUrls.selfAndAlternate(urls.collection(layer.id()), Map.of(), format,
                OgcUrls.JSON, layer.title()));
        links.add(new Link(urls.items(layer.id()), "items", OgcUrls.GEOJSON, layer.title() + " 要素（GeoJSON）"));
        links.add(new Link(OgcUrls.withQuery(urls.items(layer.id()), Map.of("f", "html")), "items", OgcUrls.HTML,
                layer.title() + " 要素（网页）"));
        links.add(new Link(urls.queryables(layer.id()), QUERYABLES_REL, OgcUrls.SCHEMA, layer.title() + " 可筛选的属性"));
        links.add(new Link(urls.style(layer.id(), "sld"), "stylesheet", Sld.MEDIA_TYPE, layer.title() + " 样式（SLD 1.0）"));
        links.add(new Link(urls.style(layer.id(), "qml"), "stylesheet", Qml.MEDIA_TYPE, layer.title() + " 样式（QGIS QML）"));
        return links;
    }

    /**
     * What {@code filter} may name (Part 3 queryables): a JSON Schema (2020-12) object whose properties are the
     * layer's scalar fields, typed, and its geometry as {@value Filter#GEOMETRY}. Lists are left out: CQL2's array
     * functions are not offered, and a planner filters by their joined text twins.
     */
    static ObjectNode queryables(OgcUrls urls, LayerInfo layer) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        doc.put("$id", urls.queryables(layer.id()));
        doc.put("type", "object");
        doc.put("title", layer.title());
        ObjectNode properties = doc.putObject("properties");
        ObjectNode geometry = properties.putObject(Filter.GEOMETRY);
        geometry.put("title", "图形 Geometry");
        geometry.put("format", "geometry-" + layer.geometryType().toLowerCase(Locale.ROOT));
        geometry.put("x-ogc-role", "primary-geometry");
        for (Field f : Queryables.of(layer.fields())) {
            ObjectNode p = properties.putObject(f.name());
            p.put("title", f.description() == null || f.description().isBlank() ? f.name() : f.description());
            p.put("type", schemaType(f));
            TextTwin.listOf(f, layer.fields()).ifPresent(list -> p.put("description", "列表属性 " + list.name()
                    + " 的文字形式，各项以“" + TextTwin.SEPARATOR + "”连接；" + list.name() + " 本身在 GeoJSON 中为数组，不可筛选。"
                    + " The text twin of the list property " + list.name() + ", its items joined with "
                    + TextTwin.SEPARATOR + "; the list itself is a JSON array and not queryable."));
        }
        doc.put("additionalProperties", false);
        return doc;
    }

    /** The JSON Schema type of a queryable field. */
    static String schemaType(Field f) {
        return switch (f.type()) {
            case INTEGER -> "integer";
            case REAL -> "number";
            case BOOLEAN -> "boolean";
            default -> "string";
        };
    }

    /**
     * CRS84 for layers stored in EPSG:4326: planmap stores longitude first, which is what CRS84 says and
     * EPSG:4326's own definition does not.
     */
    static OgcCrs storageCrs(LayerInfo layer) {
        CrsRef crs = CrsRef.parse(layer.crs());
        return crs.equals(CrsRef.WGS84) ? OgcCrs.CRS84 : OgcCrs.epsg(crs);
    }

    /** The layer's extent in CRS84 (minLon, minLat, maxLon, maxLat); empty for an empty layer. */
    static Optional<List<Double>> lonLatBbox(LayerInfo layer) {
        if (layer.bbox().size() != 4) {
            return Optional.empty();
        }
        List<Double> b = layer.bbox();
        Envelope e = OgcCrs.toLonLat(new Envelope(b.get(0), b.get(2), b.get(1), b.get(3)), CrsRef.parse(layer.crs()));
        return Optional.of(List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()));
    }
}

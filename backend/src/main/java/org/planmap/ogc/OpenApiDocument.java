package org.planmap.ogc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.planmap.store.Field;
import org.planmap.store.LayerInfo;
import org.planmap.store.filter.Filter;
import org.planmap.store.filter.Queryables;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI 3.0 description of /ogc ({@code service-desc}), made from the live catalog: one parameterised
 * path set whose {@code collectionId} enumerates the layers, every query parameter with its limits.
 * Written as a Jackson tree: springdoc would describe the controller's Java signatures, not the OGC contract.
 */
final class OpenApiDocument {

    private static final String PARAMETERS = "#/components/parameters/";
    private static final String SCHEMAS = "#/components/schemas/";
    /** The component name of a queryable's parameter, apart from the items' own parameters of the same name. */
    private static final String QUERYABLE = "queryable-";

    private OpenApiDocument() {
    }

    /**
     * @param root the landing page ({@code http://host:port/ogc}): the one server, so that the paths are relative
     *             to it, as clients and the OGC's test suite join them (server URL + path)
     */
    static ObjectNode build(String root, List<LayerInfo> layers) {
        ObjectNode doc = OgcDocuments.JSON.createObjectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", OgcDocuments.TITLE);
        info.put("description", OgcDocuments.DESCRIPTION);
        info.put("version", "1.0.0");
        doc.putArray("servers").addObject().put("url", root);

        ObjectNode paths = doc.putObject("paths");
        get(paths, "/", "getLandingPage", "服务首页 Landing page", List.of("f"), "landingPage", OgcUrls.JSON, false);
        get(paths, "/conformance", "getConformanceDeclaration", "符合的标准类别 Conformance classes", List.of("f"),
                "confClasses", OgcUrls.JSON, false);
        get(paths, "/api", "getApiDescription", "本接口定义 This API definition", List.of("f"), null, OgcUrls.OPENAPI,
                false);
        get(paths, "/collections", "getCollections", "图层列表 Feature collections", List.of("f"), "collections",
                OgcUrls.JSON, false);
        get(paths, "/collections/{collectionId}", "describeCollection", "图层说明 One feature collection",
                List.of("collectionId", "version", "f"), "collection", OgcUrls.JSON, true);
        ObjectNode items = get(paths, "/collections/{collectionId}/items", "getFeatures",
                "图层要素（分页）Features of a collection, page by page",
                itemsParameters(layers), "featureCollectionGeoJSON",
                OgcUrls.GEOJSON, true);
        contentCrsHeader(items);
        get(paths, "/collections/{collectionId}/queryables", "getQueryables",
                "可筛选的属性（JSON Schema）Queryables of a collection", List.of("collectionId", "version", "f"), null,
                OgcUrls.SCHEMA,
                true);
        ObjectNode item = get(paths, "/collections/{collectionId}/items/{featureId}", "getFeature",
                "单个要素 One feature", List.of("collectionId", "featureId", "crs", "version", "f"), "featureGeoJSON",
                OgcUrls.GEOJSON, true);
        contentCrsHeader(item);

        ObjectNode components = doc.putObject("components");
        ObjectNode parameterComponents = components.putObject("parameters");
        parameters(parameterComponents, layers);
        queryableParameters(parameterComponents, layers);
        schemas(components.putObject("schemas"));
        return doc;
    }

    /** One GET operation answering {@code jsonType} (or HTML), 400 for bad parameters and, if {@code mayBeMissing}, 404. */
    private static ObjectNode get(ObjectNode paths, String path, String operationId, String summary,
            List<String> parameters, String schema, String jsonType, boolean mayBeMissing) {
        ObjectNode op = paths.putObject(path).putObject("get");
        op.put("operationId", operationId);
        op.put("summary", summary);
        ArrayNode params = op.putArray("parameters");
        parameters.forEach(p -> params.addObject().put("$ref", PARAMETERS + p));
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject("200");
        ok.put("description", "成功 OK");
        ObjectNode content = ok.putObject("content");
        ObjectNode json = content.putObject(jsonType).putObject("schema");
        if (schema == null) {
            json.put("type", "object");
        } else {
            json.put("$ref", SCHEMAS + schema);
        }
        content.putObject(OgcUrls.HTML).putObject("schema").put("type", "string");
        problem(responses, "400", "参数无效或未知 Invalid or unknown parameter");
        if (mayBeMissing) {
            problem(responses, "404", "没有该图层或要素 No such collection or feature");
        }
        return ok;
    }

    private static void problem(ObjectNode responses, String status, String description) {
        ObjectNode r = responses.putObject(status);
        r.put("description", description);
        r.putObject("content").putObject("application/problem+json").putObject("schema").put("$ref", SCHEMAS + "problem");
    }

    private static void contentCrsHeader(ObjectNode ok) {
        ObjectNode header = ok.putObject("headers").putObject("Content-Crs");
        header.put("description", "坐标所用坐标系的 URI，写在尖括号内 The CRS of the coordinates, as <URI>");
        header.putObject("schema").put("type", "string");
    }

    private static void parameters(ObjectNode p, List<LayerInfo> layers) {
        ObjectNode f = query(p, "f", "返回格式；缺省时按 Accept 头，浏览器得网页，其余得 JSON。"
                + "The encoding; without it, HTML for browsers (Accept: text/html) and JSON otherwise.");
        f.put("style", "form");
        ArrayNode formats = f.putObject("schema").put("type", "string").putArray("enum");
        formats.add("json").add("html");

        ObjectNode collection = param(p, "collectionId", "path", "图层标识 Layer id");
        collection.put("required", true);
        ArrayNode ids = collection.putObject("schema").put("type", "string").putArray("enum");
        layers.forEach(l -> ids.add(l.id()));

        ObjectNode feature = param(p, "featureId", "path", "要素标识 Feature id");
        feature.put("required", true);
        feature.putObject("schema").put("type", "string");

        ObjectNode bbox = query(p, "bbox", "只返回与此范围相交的要素：最小x,最小y,最大x,最大y（或含高程的 6 个数），"
                + "按 bbox-crs 的轴序，缺省 CRS84 即 经度,纬度。Only features whose extent meets this box, in the axis "
                + "order of bbox-crs (CRS84: longitude, latitude).");
        bbox.put("style", "form");
        bbox.put("explode", false);
        ObjectNode box = bbox.putObject("schema");
        box.put("type", "array").put("minItems", 4).put("maxItems", 6);
        box.putObject("items").put("type", "number");

        ObjectNode limit = query(p, "limit", "每页要素数，缺省 " + ItemsRequest.DEFAULT_LIMIT + "；大于 "
                + ItemsRequest.MAX_LIMIT + " 时按 " + ItemsRequest.MAX_LIMIT + " 计，不报错。Features per page; larger "
                + "values are served as " + ItemsRequest.MAX_LIMIT + ".");
        limit.put("style", "form");
        limit.put("explode", false);
        limit.putObject("schema").put("type", "integer").put("minimum", 1).put("maximum", ItemsRequest.MAX_LIMIT)
                .put("default", ItemsRequest.DEFAULT_LIMIT);

        ObjectNode datetime = query(p, "datetime", "时刻或时段（RFC 3339，开放端写 ..）。本服务的图层不含时间，"
                + "所有要素均视为符合。An instant or interval (RFC 3339, open ends ..); these layers carry no time, "
                + "so every feature matches.");
        datetime.put("style", "form");
        datetime.put("explode", false);
        datetime.putObject("schema").put("type", "string");

        ObjectNode offset = query(p, "offset", "跳过的要素数（翻页用，next/prev 链接已带上）。"
                + "Features to skip; the next and prev links carry it.");
        offset.putObject("schema").put("type", "integer").put("minimum", 0).put("default", 0);

        crsParameter(query(p, "crs", "输出坐标系，缺省 CRS84（经度,纬度）；EPSG:4326、4490 按纬度,经度，"
                + "高斯-克吕格按 北,东 输出。The CRS of the answer; EPSG axis order applies."));
        ObjectNode filter = query(p, "filter", "CQL2 筛选条件，如 tier = 'I型小城市' 或 S_INTERSECTS(geometry,POINT(111.78 37.14))；"
                + "可用属性见 queryables。A CQL2 filter over the collection's queryables.");
        filter.putObject("schema").put("type", "string");
        ObjectNode lang = query(p, "filter-lang", "filter 的编码，缺省 cql2-text。The encoding of filter.");
        lang.putObject("schema").put("type", "string").put("default", Filter.LANGUAGES.get(0))
                .set("enum", OgcDocuments.JSON.valueToTree(Filter.LANGUAGES));
        ObjectNode filterCrs = query(p, "filter-crs", "filter 中图形的坐标系：只支持 CRS84（经度,纬度）。"
                + "The CRS of the filter's geometries: CRS84 only.");
        filterCrs.putObject("schema").put("type", "string").put("format", "uri").put("default", OgcCrs.CRS84_URI)
                .putArray("enum").add(OgcCrs.CRS84_URI);
        crsParameter(query(p, "bbox-crs", "bbox 所用坐标系，缺省 CRS84。The CRS of bbox; CRS84 by default."));
        ObjectNode version = query(p, "version", "读取图层的某个保留版本（版本号见 /api/layers/{id}/versions），缺省为当前内容；"
                + "next/prev 链接已带上。A kept version of the collection, numbered as /api/layers/{id}/versions lists "
                + "them; the collection as it is now when absent.");
        version.putObject("schema").put("type", "integer").put("minimum", 1);
    }

    /**
     * The items' parameters, then each queryable of any layer as an equality parameter ({@code tier=I型小城市}):
     * clients such as GDAL send a {@code -where} of equalities as these when the OpenAPI document lists them.
     */
    private static List<String> itemsParameters(List<LayerInfo> layers) {
        List<String> names = new ArrayList<>(List.of("collectionId", "bbox", "bbox-crs", "datetime", "limit", "offset", "crs",
                "filter", "filter-lang", "filter-crs", "version", "f"));
        queryables(layers).forEach(f -> names.add(QUERYABLE + f.name()));
        return names;
    }

    /** The queryables of all layers by name (the first layer's field where two share a name). */
    private static Collection<Field> queryables(List<LayerInfo> layers) {
        Map<String, Field> byName = new TreeMap<>();
        layers.forEach(l -> Queryables.of(l.fields()).stream().filter(f -> !ItemsRequest.PARAMETERS.contains(f.name()))
                .forEach(f -> byName.putIfAbsent(f.name(), f)));
        return byName.values();
    }

    private static void queryableParameters(ObjectNode p, List<LayerInfo> layers) {
        for (Field f : queryables(layers)) {
            ObjectNode q = param(p, QUERYABLE + f.name(), "query", "只返回该属性等于此值的要素（图层有此属性时）：" + f.description()
                    + "。Only features whose " + f.name() + " equals this value, for collections with this queryable.");
            q.put("name", f.name());
            q.put("required", false);
            q.putObject("schema").put("type", OgcDocuments.schemaType(f));
        }
    }

    private static void crsParameter(ObjectNode param) {
        ObjectNode schema = param.putObject("schema");
        schema.put("type", "string").put("format", "uri").put("default", OgcCrs.CRS84_URI);
        ArrayNode uris = schema.putArray("enum");
        OgcCrs.supported().forEach(c -> uris.add(c.uri()));
    }

    private static ObjectNode query(ObjectNode parameters, String name, String description) {
        ObjectNode q = param(parameters, name, "query", description);
        q.put("required", false);
        return q;
    }

    private static ObjectNode param(ObjectNode parameters, String name, String in, String description) {
        ObjectNode p = parameters.putObject(name);
        p.put("name", name);
        p.put("in", in);
        p.put("description", description);
        return p;
    }

    private static void schemas(ObjectNode s) {
        ObjectNode link = object(s, "link", "href", "rel");
        ObjectNode lp = link.putObject("properties");
        for (String name : List.of("href", "rel", "type", "title")) {
            lp.putObject(name).put("type", "string");
        }
        ObjectNode links = OgcDocuments.JSON.createObjectNode().put("type", "array");
        links.putObject("items").put("$ref", SCHEMAS + "link");

        ObjectNode landing = object(s, "landingPage", "links").putObject("properties");
        landing.putObject("title").put("type", "string");
        landing.putObject("description").put("type", "string");
        landing.set("links", links);

        ObjectNode conf = object(s, "confClasses", "conformsTo").putObject("properties").putObject("conformsTo");
        conf.put("type", "array").putObject("items").put("type", "string");

        ObjectNode collection = object(s, "collection", "id", "links").putObject("properties");
        for (String name : List.of("id", "title", "description", "itemType", "storageCrs")) {
            collection.putObject(name).put("type", "string");
        }
        collection.putObject("extent").put("type", "object");
        collection.putObject("crs").put("type", "array").putObject("items").put("type", "string");
        collection.set("links", links);

        ObjectNode collections = object(s, "collections", "links", "collections").putObject("properties");
        collections.set("links", links);
        collections.putObject("collections").put("type", "array").putObject("items").put("$ref", SCHEMAS + "collection");

        ObjectNode features = object(s, "featureCollectionGeoJSON", "type", "features").putObject("properties");
        features.putObject("type").put("type", "string").putArray("enum").add("FeatureCollection");
        features.putObject("features").put("type", "array").putObject("items").put("$ref", SCHEMAS + "featureGeoJSON");
        features.set("links", links);
        features.putObject("timeStamp").put("type", "string").put("format", "date-time");
        features.putObject("numberMatched").put("type", "integer").put("minimum", 0);
        features.putObject("numberReturned").put("type", "integer").put("minimum", 0);

        ObjectNode feature = object(s, "featureGeoJSON", "type", "geometry", "properties").putObject("properties");
        feature.putObject("type").put("type", "string").putArray("enum").add("Feature");
        feature.putObject("id").put("type", "string");
        feature.putObject("geometry").put("type", "object").put("nullable", true);
        feature.putObject("properties").put("type", "object").put("nullable", true);
        feature.set("links", links);

        ObjectNode problem = object(s, "problem", "status", "code", "message").putObject("properties");
        for (String name : List.of("type", "title", "detail", "instance", "code")) {
            problem.putObject(name).put("type", "string");
        }
        problem.putObject("status").put("type", "integer");
        ObjectNode message = problem.putObject("message").put("type", "object").putObject("properties");
        message.putObject("zh").put("type", "string");
        message.putObject("en").put("type", "string");
    }

    private static ObjectNode object(ObjectNode schemas, String name, String... required) {
        ObjectNode o = schemas.putObject(name);
        o.put("type", "object");
        ArrayNode r = o.putArray("required");
        for (String req : required) {
            r.add(req);
        }
        return o;
    }
}

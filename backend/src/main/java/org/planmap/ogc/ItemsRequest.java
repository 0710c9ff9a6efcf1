package org.planmap.ogc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Envelope;
import org.planmap.crs.CrsRef;
import org.planmap.crs.Reprojector;
import org.planmap.store.FeatureQuery;
import org.planmap.store.LayerInfo;
import org.planmap.store.Field;
import org.planmap.store.filter.Filter;
import org.planmap.http.ApiException;
import org.planmap.http.QueryParams;

/**
 * A checked {@code /items} request: which page of which box, in which CRS and format. Builds the store query
 * and the paging links, so that the next link asks for exactly what this request asked, one page on.
 *
 * @param bbox     in EPSG:4326 longitude/latitude (what the stores filter by): one box, or two when the client's
 *                 box crosses the antimeridian (its west edge east of its east edge); empty when there is none
 * @param bboxText the {@code bbox} as the client wrote it, repeated in the paging links
 * @param limit    already clamped to {@link #MAX_LIMIT}
 * @param datetime the checked {@code datetime} as written, repeated in the paging links, or null. planmap's layers
 *                 have no temporal geometry, and Part 1 (/req/core/fc-time-response) keeps features without one
 *                 in every answer, so a valid datetime selects every feature.
 * @param filter   the CQL2 {@code filter} (Part 3) and the equalities of queryables given as parameters
 *                 ({@code tier=I型小城市}), all of which must hold; null for none
 * @param filtering those parameters as the client wrote them ({@code filter}, {@code filter-lang}, queryables),
 *                 repeated in the paging links
 * @param version  the kept version read ({@code version}, a number as {@code /api/layers/{id}/versions} lists it), or
 *                 null for the collection as it is now; repeated in the paging links, so a client paging through an old
 *                 version stays in it
 */
record ItemsRequest(List<Envelope> bbox, String bboxText, OgcCrs bboxCrs, int limit, long offset, OgcCrs crs,
        OgcFormat format, String datetime, Filter filter, Map<String, String> filtering, Integer version) {

    static final Set<String> PARAMETERS = Set.of("f", "bbox", "bbox-crs", "limit", "offset", "crs", "datetime",
            "filter", "filter-lang", "filter-crs", "version");
    static final int DEFAULT_LIMIT = 10;
    /** Larger limits are served as this one, not refused, as OGC API – Features requires (/req/core/fc-limit-response-1). */
    static final int MAX_LIMIT = QueryParams.MAX_LIMIT;

    /** The parameters a collection's items take: {@link #PARAMETERS} and its queryables' names. */
    static Set<String> parameters(List<Field> queryables) {
        Set<String> names = new TreeSet<>(PARAMETERS);
        queryables.forEach(f -> names.add(f.name()));
        return names;
    }

    /** {@code queryables}: the collection's fields that may also be given as parameters, each meaning equality. */
    static ItemsRequest parse(OgcParams p, String accept, List<Field> queryables) {
        OgcCrs bboxCrs = OgcCrs.parameter("bbox-crs", p.get("bbox-crs"));
        if (p.get("bbox-crs") != null && p.get("bbox") == null) {
            throw ApiException.badParameter("bbox-crs", "只能与 bbox 一起使用", "only goes with bbox");
        }
        String bbox = p.get("bbox") == null || p.get("bbox").isBlank() ? null : p.get("bbox").strip();
        // Filter geometries are longitude, latitude: another filter-crs is refused rather than misread.
        if (!OgcCrs.parameter("filter-crs", p.get("filter-crs")).equals(OgcCrs.CRS84)) {
            throw ApiException.badParameter("filter-crs", "只支持 " + OgcCrs.CRS84_URI, "only " + OgcCrs.CRS84_URI
                    + " is supported");
        }
        String filter = p.get("filter") == null || p.get("filter").isBlank() ? null : p.get("filter");
        Map<String, String> filtering = new LinkedHashMap<>();
        List<Filter> conditions = new ArrayList<>();
        if (filter != null) {
            filtering.put("filter", filter);
            filtering.put("filter-lang", p.get("filter-lang"));
            conditions.add(Filter.parse(filter, p.get("filter-lang")));
        }
        for (Field f : queryables) {
            if (p.get(f.name()) != null && !PARAMETERS.contains(f.name())) {
                filtering.put(f.name(), p.get(f.name()));
                conditions.add(new Filter.Compare(f.name(), Filter.Op.EQ, value(f, p.get(f.name()))));
            }
        }
        return new ItemsRequest(bbox == null ? List.of() : bbox(bbox, bboxCrs), bbox, bboxCrs, limit(p.get("limit")),
                offset(p.get("offset")), OgcCrs.parameter("crs", p.get("crs")), p.format(accept),
                OgcDatetime.check(p.get("datetime")),
                conditions.isEmpty() ? null : conditions.size() == 1 ? conditions.get(0) : new Filter.And(conditions),
                filtering, QueryParams.version(p.get("version")));
    }

    /** A queryable's parameter value as the type of its field. */
    private static Object value(Field f, String text) {
        String t = text.strip();
        try {
            return switch (f.type()) {
                case INTEGER -> Long.parseLong(t);
                case REAL -> Double.parseDouble(t);
                case BOOLEAN -> {
                    if (!t.equals("true") && !t.equals("false")) {
                        throw new NumberFormatException(t);
                    }
                    yield Boolean.parseBoolean(t);
                }
                default -> text;
            };
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(f.name(), "“" + text + "”不是该属性的取值类型（" + f.type() + "）",
                    "'" + text + "' is not of the property's type (" + f.type() + ")");
        }
    }

    /**
     * The store query for {@code layer}. Of the two halves of a box across the antimeridian only one can meet a layer
     * that does not itself span the globe, so that half is the query's box, exactly; a layer whose extent meets both
     * halves would need the union of two boxes, which the stores do not take, and is refused rather than answered
     * wrongly. A box meeting neither half asks with the west half, which finds nothing, honestly counted.
     */
    FeatureQuery query(LayerInfo layer) {
        FeatureQuery q = FeatureQuery.of(layer.id()).version(version).filter(filter).limit(limit).offset(offset);
        if (format == OgcFormat.HTML) {
            q = q.withoutGeometry();   // the page lists ids and properties; a feature's geometry is on its own page
        }
        if (bbox.size() < 2) {
            return q.bbox(bbox.isEmpty() ? null : bbox.get(0));
        }
        List<Envelope> meeting = bbox.stream().filter(b -> b.intersects(extent(layer))).toList();
        if (meeting.size() > 1) {
            throw ApiException.badParameter("bbox", "该图层横跨 180° 经线两侧，不支持跨越 180° 经线的范围",
                    "this layer lies on both sides of the antimeridian, where boxes across it are not supported");
        }
        return q.bbox(meeting.isEmpty() ? bbox.get(0) : meeting.get(0));
    }

    private static Envelope extent(LayerInfo layer) {
        List<Double> b = layer.bbox();
        return b.size() == 4 ? new Envelope(b.get(0), b.get(2), b.get(1), b.get(3)) : new Envelope();
    }

    /** self and alternate, {@code next} while features remain, {@code prev} after the first page, the collection. */
    List<Link> links(OgcUrls urls, String layerId, long matched, int returned) {
        String items = urls.items(layerId);
        List<Link> links = new ArrayList<>(OgcUrls.selfAndAlternate(items, query(offset), format, OgcUrls.GEOJSON, "本页要素"));
        String type = format == OgcFormat.HTML ? OgcUrls.HTML : OgcUrls.GEOJSON;
        String f = format == OgcFormat.HTML ? "html" : "json";
        if (offset + returned < matched) {
            links.add(new Link(OgcUrls.withQuery(items, OgcUrls.with(query(offset + limit), "f", f)), "next", type, "下一页"));
        }
        if (offset > 0) {
            long previous = Math.max(0, offset - limit);
            links.add(new Link(OgcUrls.withQuery(items, OgcUrls.with(query(previous), "f", f)), "prev", type, "上一页"));
        }
        links.add(new Link(urls.collection(layerId), "collection", OgcUrls.JSON, "图层说明"));
        return links;
    }

    /** This request's parameters with another offset; bbox-crs and crs only when given. */
    private Map<String, String> query(long pageOffset) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("bbox", bboxText);
        q.put("bbox-crs", bboxText == null || bboxCrs.equals(OgcCrs.CRS84) ? null : bboxCrs.uri());
        q.put("crs", crs.equals(OgcCrs.CRS84) ? null : crs.uri());
        q.put("datetime", datetime);
        q.putAll(filtering);
        q.put("version", version == null ? null : version.toString());
        q.put("limit", String.valueOf(limit));
        q.put("offset", String.valueOf(pageOffset));
        return q;
    }

    /**
     * Four numbers (or six, heights ignored: planmap's data are 2D) in {@code crs}'s axis order, made
     * EPSG:4326 longitude/latitude boxes: one, or in a geographic CRS two when the west edge lies east of the east
     * edge, which Part 1 (/req/core/fc-bbox-response) reads as a box across the antimeridian.
     *
     * <p>A box in a CRS whose declared order is north first that is no place on Earth read that way, but is one read
     * east first, is read east first: clients that ignore EPSG's axis order (the OGC's own suite, 1.9, among them)
     * write every box east first, and in China the two readings never both make sense (longitudes exceed 90, and a
     * zone's northing and easting differ by millions of metres, so one of them lands outside China).
     */
    static List<Envelope> bbox(String text, OgcCrs crs) {
        double[] v = QueryParams.numbers("bbox", text, "应为 4 个（或 6 个）以逗号分隔的数",
                "expected 4 (or 6) comma-separated numbers", 4, 6);
        int upper = v.length / 2;
        if (!crs.yFirst()) {
            return lonLat(v[0], v[1], v[upper], v[upper + 1], crs.crs());
        }
        try {
            return lonLat(v[1], v[0], v[upper + 1], v[upper], crs.crs());
        } catch (ApiException declaredOrder) {
            try {
                return lonLat(v[0], v[1], v[upper], v[upper + 1], crs.crs());
            } catch (ApiException eastFirst) {
                throw declaredOrder;
            }
        }
    }

    private static List<Envelope> lonLat(double minX, double minY, double maxX, double maxY, CrsRef crs) {
        boolean geographic = crs.isGeographic();
        if (minY > maxY || minX > maxX && !geographic) {
            throw ApiException.badParameter("bbox", "最小值大于最大值", "a minimum exceeds its maximum");
        }
        if (geographic && (minX < -180 || maxX > 180 || minX > 180 || maxX < -180 || minY < -90 || maxY > 90)) {
            throw ApiException.badParameter("bbox", "经度须在 -180~180、纬度须在 -90~90 之间",
                    "longitude must be within -180..180 and latitude within -90..90");
        }
        if (minX > maxX) {
            return List.of(new Envelope(minX, 180, minY, maxY), new Envelope(-180, maxX, minY, maxY));
        }
        Envelope box;
        try {
            box = OgcCrs.toLonLat(new Envelope(minX, maxX, minY, maxY), crs);
        } catch (RuntimeException e) {
            box = null; // the projection has no inverse there: no place on Earth
        }
        boolean onEarth = box != null
                && box.getMinX() >= -180 && box.getMaxX() <= 180 && box.getMinY() >= -90 && box.getMaxY() <= 90;
        // The CGCS2000 Gauss-Krüger zones are defined for China only: elsewhere their formulas still give numbers.
        if (!onEarth || crs.kind() == CrsRef.Kind.GAUSS_KRUGER && !box.intersects(Reprojector.CHINA.lonLat())) {
            throw ApiException.badParameter("bbox", "该范围不在 " + crs.code() + " 的有效区域内",
                    "the box lies outside the area where " + crs.code() + " is defined");
        }
        return List.of(box);
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        String t = text.strip();
        if (!t.matches("\\d+") || t.matches("0+")) {
            throw ApiException.badParameter("limit", "应为不小于 1 的整数（大于 " + MAX_LIMIT + " 时按 " + MAX_LIMIT + " 计）",
                    "must be an integer of at least 1 (above " + MAX_LIMIT + " it counts as " + MAX_LIMIT + ")");
        }
        // Any number of digits: a huge limit is the maximum, not an error.
        String digits = t.replaceFirst("^0+", "");
        return digits.length() > 5 ? MAX_LIMIT : Math.min(Integer.parseInt(digits), MAX_LIMIT);
    }

    private static long offset(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        String t = text.strip();
        if (!t.matches("\\d{1,15}")) {
            throw ApiException.badParameter("offset", "应为不小于 0 的整数", "must be a non-negative integer");
        }
        return Long.parseLong(t);
    }
}

package org.planmap.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.planmap.JsonSyntax;
import org.planmap.crs.CrsRef;
import org.planmap.store.Feature;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an uploaded GeoJSON FeatureCollection. The collection is streamed feature by feature, twice (a
 * {@link FeaturePass}), so the limits are checked as features arrive and no file is ever held whole in memory: a
 * GeoJSON near the upload limit would otherwise need several times its size in heap.
 *
 * <p>CRS: RFC 7946 defines GeoJSON as WGS 84 longitude/latitude and dropped the 2008 "crs" member, but GDAL and
 * ArcGIS still write it for projected data ({@code "urn:ogc:def:crs:EPSG::4547"}), so it is honoured when present.
 */
public final class GeoJsonFormatReader implements FormatReader {

    public static final String NOT_JSON = "geojson-not-json";
    public static final String NOT_FEATURE_COLLECTION = "geojson-not-feature-collection";
    public static final String INVALID_GEOMETRY = "geojson-invalid-geometry";
    public static final String TOO_DEEP = "geojson-too-deep";
    public static final String BAD_CRS = "geojson-bad-crs";

    /**
     * A MultiPolygon's coordinates sit 4 arrays deep inside a geometry, 6–7 inside a collection; nothing
     * legitimate comes near 64, while a hostile "[[[[…" file would otherwise cost stack and time to walk.
     */
    public static final int MAX_NESTING_DEPTH = 64;

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build()).build();

    private final GeometryFactory factory = new GeometryFactory();

    @Override
    public String format() {
        return "geojson";
    }

    @Override
    public List<String> extensions() {
        return List.of(".geojson", ".json");
    }

    /**
     * Surveys the file, then streams it again to the store ({@link FeaturePass}): the survey also learns the
     * declared CRS, needed before the first feature is stored, and "crs" may come after "features".
     */
    @Override
    public FileContents read(Path file, ImportLimits limits) {
        FeaturePass<JsonNode> pass = (sink, counter) -> parse(file, sink, counter);
        FeaturePass.Survey<JsonNode> survey = pass.survey(limits);
        List<String> notes = new ArrayList<>();
        CrsRef declared = crs(survey.result(), notes);
        return new FileContents(format(), pass.source(limits), survey.fields(), declared, notes);
    }

    /**
     * Parses the collection, passing each feature to {@code sink} ({@code counter} counts them first);
     * returns the legacy "crs" member, or null.
     */
    private JsonNode parse(Path file, Consumer<Feature> sink, LimitCounter counter) {
        String type = null;
        JsonNode crs = null;
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw notCollection("a JSON value that is not an object");
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "type" -> type = value == JsonToken.VALUE_STRING ? p.getString() : value.toString();
                    case "crs" -> crs = p.readValueAsTree();
                    case "features" -> readFeatures(p, value, sink, counter);
                    default -> p.skipChildren();
                }
            }
        } catch (StreamConstraintsException e) {
            throw new ImportException(TOO_DEEP,
                    "GeoJSON 嵌套层数超过 " + MAX_NESTING_DEPTH + " 层，不是有效的要素集合",
                    "the GeoJSON is nested more than " + MAX_NESTING_DEPTH + " levels deep; it is not a valid "
                            + "FeatureCollection", e);
        } catch (JacksonException e) {
            JsonSyntax fault = JsonSyntax.of(e);
            throw new ImportException(NOT_JSON, "文件不是有效的 JSON：" + fault.zh(),
                    "the file is not valid JSON: " + fault.en(), e);
        } catch (IOException e) {
            throw ImportException.unreadable(NOT_JSON, e);
        }
        if (!"FeatureCollection".equals(type)) {
            throw notCollection(type == null ? "an object without \"type\"" : "type \"" + type + "\"");
        }
        return crs;
    }

    private void readFeatures(JsonParser p, JsonToken start, Consumer<Feature> sink, LimitCounter counter) {
        if (start != JsonToken.START_ARRAY) {
            throw notCollection("\"features\" that is not an array");
        }
        GeoJsonReader geometryReader = new GeoJsonReader(factory);
        int position = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            counter.nextFeature();
            JsonNode f = p.readValueAsTree();
            if (!f.isObject() || !"Feature".equals(f.path("type").asString(""))) {
                throw new ImportException(NOT_FEATURE_COLLECTION, "第 " + (position + 1) + " 个要素不是 Feature 对象",
                        "feature " + position + " is not a GeoJSON Feature object");
            }
            Feature feature;
            try {
                feature = GeoJsonFeatureReader.feature(f, position, null, geometryReader);
            } catch (ParseException | RuntimeException e) {
                // JTS reports malformed coordinates as ParseException, but also as ClassCast/IllegalArgument
                // (an unclosed ring): all of them mean the planner's file, not planmap, is wrong.
                throw ImportException.invalidGeometry(INVALID_GEOMETRY,
                        "第 " + (position + 1) + " 个要素（序号 " + position + "）", "feature " + position, e.getMessage(), e);
            }
            sink.accept(feature);
            position++;
        }
    }

    /** The legacy "crs" member ({"type":"name","properties":{"name":…}}); absent means RFC 7946's WGS 84. */
    private static CrsRef crs(JsonNode crs, List<String> notes) {
        if (crs == null || crs.isNull()) {
            notes.add("文件未声明坐标系，按 RFC 7946 视为 WGS 84 经纬度（EPSG:4326） / no \"crs\" member: "
                    + "GeoJSON is WGS 84 longitude/latitude by RFC 7946 (EPSG:4326)");
            return CrsRef.WGS84;
        }
        String name = crs.path("properties").path("name").asString("");
        if (!"name".equals(crs.path("type").asString("")) || name.isEmpty()) {
            throw new ImportException(BAD_CRS, "无法理解 GeoJSON 的 crs 成员：" + crs,
                    "cannot understand the GeoJSON \"crs\" member " + crs
                            + "; expected {\"type\":\"name\",\"properties\":{\"name\":\"EPSG:…\"}}");
        }
        notes.add("坐标系取自 GeoJSON 的旧式 crs 成员：" + name + " / CRS from the legacy \"crs\" member: " + name);
        return CrsRef.parse(name);   // a CrsException for an unsupported code is the caller's to map
    }

    private static ImportException notCollection(String what) {
        return new ImportException(NOT_FEATURE_COLLECTION,
                "文件不是 GeoJSON 要素集合（FeatureCollection），而是" + what,
                "the file is not a GeoJSON FeatureCollection but " + what);
    }
}

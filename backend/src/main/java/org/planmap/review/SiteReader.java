package org.planmap.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.planmap.ClientFault.Kind;
import org.planmap.JsonSyntax;
import org.planmap.crs.CrsRef;
import org.planmap.crs.Reprojector;
import org.planmap.importer.FileContents;
import org.planmap.importer.FormatReader;
import org.planmap.importer.GeoJsonFormatReader;
import org.planmap.importer.ImportException;
import org.planmap.importer.ImportService;
import org.planmap.importer.PolygonalFeatures;
import org.planmap.importer.Polygons;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a site the way an import reads a control line: the same format readers (GeoJSON, zipped Shapefile with
 * its .prj and GBK attributes, GeoPackage), the same CRS rules (the file's, else the one the planner names) and
 * reprojection to EPSG:4326, the same repair, under {@link SiteReview#LIMITS}. All its polygons are one site.
 * A GeoJSON body may also be a bare Geometry or a Feature: it is read as a collection of that one feature.
 */
public final class SiteReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ImportService imports;
    private final Path scratch;

    /** @param scratch where a GeoJSON body is spooled for the reader (the data directory's uploads) */
    public SiteReader(ImportService imports, Path scratch) {
        this.imports = imports;
        this.scratch = scratch;
    }

    /** Refuses a file type no reader takes, before the upload is spooled. */
    public void checkFormat(String fileName) {
        imports.readerFor(fileName);
    }

    /** A site sent as a GeoJSON request body (Geometry, Feature or FeatureCollection), at most the upload limit. */
    public SiteShape geoJson(InputStream body) {
        byte[] bytes = bounded(body);
        Path file = null;
        try {
            Files.createDirectories(scratch);
            file = Files.createTempFile(scratch, "site-", ".geojson");
            try (OutputStream out = Files.newOutputStream(file)) {
                String type = topLevelType(bytes);
                boolean collection = "FeatureCollection".equals(type);
                if (!collection) {
                    out.write("{\"type\":\"FeatureCollection\",\"features\":[".getBytes(StandardCharsets.UTF_8));
                    if (!"Feature".equals(type)) {
                        out.write("{\"type\":\"Feature\",\"properties\":{},\"geometry\":".getBytes(StandardCharsets.UTF_8));
                    }
                }
                out.write(bytes);
                if (!collection) {
                    out.write(("Feature".equals(type) ? "]}" : "}]}").getBytes(StandardCharsets.UTF_8));
                }
            }
            return file(file, "site.geojson", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(file);
        }
    }

    /** A site in an uploaded file (which stays the caller's to delete); {@code named} for a file that declares no CRS. */
    public SiteShape file(Path file, String fileName, CrsRef named) {
        FormatReader reader = imports.readerFor(fileName);
        FileContents contents = reader.read(file, SiteReview.LIMITS);
        CrsRef from = ImportService.sourceCrs(named, contents);
        Reprojector reprojector = new Reprojector(Reprojector.SHANXI);
        List<Geometry> polygons = new ArrayList<>();
        contents.features().forEach(f -> {
            PolygonalFeatures.Converted c = PolygonalFeatures.toWgs84(f, from, reprojector);
            if (c != null) {
                polygons.add(c.polygons());
            }
        });
        if (polygons.isEmpty()) {
            throw new ImportException("empty", "文件中没有有效的面要素（地块应为 Polygon 或 MultiPolygon）",
                    "the file holds no usable polygon (a site is a Polygon or MultiPolygon)");
        }
        return new SiteShape(Polygons.multi(OverlayNGRobust.union(polygons)), from.code());
    }

    private static byte[] bounded(InputStream body) {
        long max = SiteReview.LIMITS.maxUploadBytes();
        try {
            byte[] bytes = body.readNBytes((int) max + 1);
            if (bytes.length > max) {
                throw new ImportException(Kind.TOO_LARGE, "site-too-large", "地块文件超过 " + (max >> 20) + " MB",
                        "the site is larger than " + (max >> 20) + " MB");
            }
            if (bytes.length == 0) {
                throw new ImportException("empty", "请求中没有地块（应为 GeoJSON）", "the request holds no site (GeoJSON expected)");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The "type" of the top-level object, read without building the tree; refused as the reader refuses non-JSON. */
    private static String topLevelType(byte[] bytes) {
        try (JsonParser p = JSON.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw notGeoJson("不是 JSON 对象", "not a JSON object");
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("type") && value == JsonToken.VALUE_STRING) {
                    return p.getString();
                }
                p.skipChildren();
            }
            throw notGeoJson("缺少 type 成员", "no \"type\" member");
        } catch (JacksonException e) {
            JsonSyntax fault = JsonSyntax.of(e);
            throw notGeoJson("不是有效的 JSON：" + fault.zh(), "not valid JSON: " + fault.en());
        }
    }

    private static ImportException notGeoJson(String zh, String en) {
        return new ImportException(GeoJsonFormatReader.NOT_JSON, "地块应为 GeoJSON（Geometry、Feature 或 FeatureCollection）："
                + zh, "the site must be GeoJSON (a Geometry, Feature or FeatureCollection): " + en);
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

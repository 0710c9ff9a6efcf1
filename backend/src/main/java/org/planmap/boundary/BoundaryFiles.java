package org.planmap.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.encode.GeoJsonWriter;
import org.planmap.importer.GeoJsonFeatureReader;
import org.planmap.store.Feature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed boundary files in {@code data/boundaries/}: one GeoJSON FeatureCollection per level
 * (EPSG:4326, 6 decimals) and the import report. The jar carries them as classpath resources.
 */
public final class BoundaryFiles {

    public static final String COUNTIES = "counties.geojson";
    public static final String CITIES = "cities.geojson";
    public static final String PROVINCE = "province.geojson";
    public static final String NEIGHBOURS = "neighbours.geojson";
    public static final String REPORT = "import-report.json";

    private static final String CLASSPATH_DIR = "data/boundaries/";
    private static final int DECIMALS = 6;

    /** Opens one of the files by name. */
    @FunctionalInterface
    public interface Opener {
        InputStream open(String name) throws IOException;
    }

    private BoundaryFiles() {
    }

    public static void write(Path dir, BoundaryImport.Outcome outcome) throws IOException {
        Files.createDirectories(dir);
        BoundarySet set = outcome.boundaries();
        writeLayer(dir.resolve(COUNTIES), "山西省县级行政区 Shanxi county-level units", set.counties());
        writeLayer(dir.resolve(CITIES), "山西省地级市 Shanxi prefecture cities", set.cities());
        writeLayer(dir.resolve(PROVINCE), "山西省 Shanxi province", List.of(set.province()));
        writeLayer(dir.resolve(NEIGHBOURS), "相邻省份 Neighbouring provinces", set.neighbours());
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValue(dir.resolve(REPORT).toFile(), outcome.report());
    }

    public static BoundarySet read(Opener opener) {
        return new BoundarySet(readLayer(opener, COUNTIES), readLayer(opener, CITIES),
                readLayer(opener, PROVINCE).get(0), readLayer(opener, NEIGHBOURS));
    }

    public static BoundarySet fromClasspath() {
        return read(name -> {
            InputStream in = BoundaryFiles.class.getClassLoader().getResourceAsStream(CLASSPATH_DIR + name);
            if (in == null) {
                throw new IOException("boundary file missing from the classpath: " + CLASSPATH_DIR + name);
            }
            return in;
        });
    }

    public static BoundarySet fromDirectory(Path dir) {
        return read(name -> Files.newInputStream(dir.resolve(name)));
    }

    private static void writeLayer(Path file, String name, List<Feature> features) throws IOException {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("name", name);
        // RFC 7946 dropped "crs"; GDAL and QGIS still honour this legacy member, so the CRS travels with the file.
        Map<String, Object> crs = new LinkedHashMap<>();
        crs.put("type", "name");
        crs.put("properties", Map.of("name", "urn:ogc:def:crs:OGC:1.3:CRS84"));
        members.put("crs", crs);
        try (OutputStream out = Files.newOutputStream(file);
             GeoJsonWriter writer = new GeoJsonWriter(out, DECIMALS, members)) {
            writer.writeAll(features);
        }
    }

    private static List<Feature> readLayer(Opener opener, String name) {
        try (InputStream in = opener.open(name)) {
            return new GeoJsonFeatureReader(BoundaryImport.PRECISION_FACTORY).read(in, "adcode");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read boundary file " + name, e);
        }
    }
}

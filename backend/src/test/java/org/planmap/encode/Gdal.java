package org.planmap.encode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** GDAL's command-line tools (Debian gdal-bin, installed by bin/test) as the reference reader of exports. */
public final class Gdal {

    private static final Pattern LAYER = Pattern.compile("(?m)^Layer name: (.+)$");
    private static final Pattern GEOMETRY_COLUMN = Pattern.compile("(?m)^Geometry Column = (.+)$");
    private static final Pattern COUNT = Pattern.compile("Feature Count: (\\d+)");
    private static final Pattern FEATURE = Pattern.compile("(?m)^OGRFeature\\(");
    private static final Pattern EPSG = Pattern.compile("ID\\[\"EPSG\",(\\d+)]]\\s*\\R\\s*Data axis");

    private Gdal() {
    }

    /** Runs a command and returns what it printed; fails the test when it exits non-zero. */
    public static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }

    /** {@code ogrinfo -ro} with {@code args} (open options among them) before the file. */
    public static String ogrinfo(Path file, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ogrinfo", "-ro"));
        command.addAll(args);
        command.add(file.toString());
        return run(command.toArray(String[]::new));
    }

    /**
     * What GDAL makes of a file's first layer: its name, the geometry column SQL sees ({@code geometry} unless the
     * format names one, as GeoPackage does), the feature count and the EPSG code it identifies (0: none).
     */
    public record Layer(Path file, List<String> openOptions, String name, String geometryColumn, long features, int epsg,
            String text) {

        /** One column of an SQLite-dialect query (SpatiaLite functions such as ST_IsValid available). */
        public List<String> sql(String sql, String column) throws IOException, InterruptedException {
            return rows(sql, column).stream().map(row -> row.get(column)).toList();
        }

        /** Some columns of an SQLite-dialect query, row by row, from one {@code ogrinfo} run. */
        public List<Map<String, String>> rows(String sql, String... columns) throws IOException, InterruptedException {
            List<String> args = new ArrayList<>(openOptions);
            args.addAll(List.of("-q", "-dialect", "sqlite", "-sql", sql));
            List<Map<String, String>> rows = new ArrayList<>();
            for (String feature : FEATURE.split(ogrinfo(file, args))) {
                Map<String, String> row = new LinkedHashMap<>();
                for (String column : columns) {
                    Matcher m = Pattern.compile("(?m)^  " + Pattern.quote(column) + " \\([^)]*\\) = (.*)$").matcher(feature);
                    if (m.find()) {
                        row.put(column, m.group(1));
                    }
                }
                if (!row.isEmpty()) {
                    rows.add(row);
                }
            }
            return rows;
        }

        /** The features matching an SQL condition. */
        public long count(String where) throws IOException, InterruptedException {
            return Long.parseLong(sql("SELECT count(*) AS n FROM \"" + name + "\" WHERE " + where, "n").get(0));
        }

        /**
         * How many geometries GEOS finds invalid. ST_IsValid answers -1 for what it cannot judge, which counts as
         * invalid here; features without geometry are not counted.
         */
        public long invalid() throws IOException, InterruptedException {
            String g = "\"" + geometryColumn + "\"";
            return count(g + " IS NOT NULL AND ST_IsValid(" + g + ") <> 1");
        }
    }

    public static Layer layer(Path file, String... openOptions) throws IOException, InterruptedException {
        return layers(file, openOptions).get(0);
    }

    /** What GDAL makes of each layer of a file or directory, from one {@code ogrinfo} run. */
    public static List<Layer> layers(Path file, String... openOptions) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(openOptions));
        args.addAll(List.of("-so", "-al"));
        String out = ogrinfo(file, args);
        List<Layer> layers = new ArrayList<>();
        Matcher name = LAYER.matcher(out);
        if (!name.find()) {
            throw new AssertionError("no layer in " + file + ":\n" + out);
        }
        for (boolean more = true; more; ) {
            int start = name.start();
            String layer = name.group(1);
            more = name.find();
            String text = out.substring(start, more ? name.start() : out.length());
            Matcher column = GEOMETRY_COLUMN.matcher(text);
            Matcher count = COUNT.matcher(text);
            Matcher epsg = EPSG.matcher(text);
            layers.add(new Layer(file, List.of(openOptions), layer, column.find() ? column.group(1).strip() : "geometry",
                    count.find() ? Long.parseLong(count.group(1)) : -1, epsg.find() ? Integer.parseInt(epsg.group(1)) : 0,
                    text));
        }
        return layers;
    }

    /** A GeoJSON file with one point in Shanxi, for GDAL to write other formats from. */
    public static Path point(Path dir) throws IOException {
        return java.nio.file.Files.writeString(dir.resolve("point.geojson"), "{\"type\":\"FeatureCollection\",\"features\":"
                + "[{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[111.5,37.5]}}]}");
    }

    /**
     * A VRT of that point with one layer per EPSG code, named {@code epsg} and the code, each assigned its CRS as
     * {@code -a_srs} would: one ogr2ogr run writes the point in every CRS.
     */
    public static Path pointInEach(Path dir, List<Integer> epsgCodes) throws IOException {
        Path point = point(dir);
        StringBuilder vrt = new StringBuilder("<OGRVRTDataSource>");
        for (int epsg : epsgCodes) {
            vrt.append("<OGRVRTLayer name=\"epsg").append(epsg).append("\"><SrcDataSource>").append(point)
                    .append("</SrcDataSource><SrcLayer>point</SrcLayer><LayerSRS>EPSG:").append(epsg)
                    .append("</LayerSRS></OGRVRTLayer>");
        }
        return java.nio.file.Files.writeString(dir.resolve("points.vrt"), vrt.append("</OGRVRTDataSource>"));
    }

    /** Open options as ogrinfo arguments: {@code -oo A=B -oo C=D}. */
    public static String[] openOptions(String... options) {
        return Stream.of(options).flatMap(o -> Stream.of("-oo", o)).toArray(String[]::new);
    }
}

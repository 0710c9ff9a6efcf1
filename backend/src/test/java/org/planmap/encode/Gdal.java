package org.planmap.encode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** GDAL's command-line tools (Debian gdal-bin, installed by bin/test) as the reference reader of exports. */
public final class Gdal {

    private static final Pattern LAYER = Pattern.compile("(?m)^1: (.+?) \\(");
    private static final Pattern COUNT = Pattern.compile("Feature Count: (\\d+)");
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

    /** {@code ogrinfo -ro} with open options ({@code -oo X=Y} pairs already split) before the file. */
    public static String ogrinfo(Path file, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ogrinfo", "-ro"));
        command.addAll(args);
        command.add(file.toString());
        return run(command.toArray(String[]::new));
    }

    /** The name of the file's first layer as GDAL reports it. */
    public static String layerName(Path file, String... openOptions) throws IOException, InterruptedException {
        Matcher m = LAYER.matcher(ogrinfo(file, List.of(openOptions)));
        if (!m.find()) {
            throw new AssertionError("no layer in " + file);
        }
        return m.group(1);
    }

    /** Feature count and the EPSG code GDAL identifies (0 when it names none) of the first layer. */
    public record Summary(long features, int epsg, String text) {
    }

    public static Summary summary(Path file, String... openOptions) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(openOptions));
        args.addAll(List.of("-so", "-al"));
        String out = ogrinfo(file, args);
        Matcher count = COUNT.matcher(out);
        Matcher epsg = EPSG.matcher(out);
        return new Summary(count.find() ? Long.parseLong(count.group(1)) : -1, epsg.find() ? Integer.parseInt(epsg.group(1)) : 0,
                out);
    }

    /** One column of an SQLite-dialect query (SpatiaLite functions such as ST_IsValid available). */
    public static List<String> sql(Path file, String sql, String column, String... openOptions)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(openOptions));
        args.addAll(List.of("-q", "-dialect", "sqlite", "-sql", sql));
        String out = ogrinfo(file, args);
        Pattern value = Pattern.compile("(?m)^  " + Pattern.quote(column) + " \\([^)]*\\) = (.*)$");
        Matcher m = value.matcher(out);
        List<String> values = new ArrayList<>();
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    /**
     * How many geometries of {@code layer} GEOS finds invalid. ST_IsValid answers -1 for what it cannot judge,
     * which counts as invalid here; features without geometry are not counted.
     */
    public static long invalid(Path file, String layer, String... openOptions) throws IOException, InterruptedException {
        List<String> n = sql(file, "SELECT count(*) AS n FROM \"" + layer + "\" WHERE geometry IS NOT NULL"
                + " AND ST_IsValid(geometry) <> 1", "n", openOptions);
        return Long.parseLong(n.get(0));
    }

    /** Open options as ogrinfo arguments: {@code -oo A=B -oo C=D}. */
    public static String[] openOptions(String... options) {
        return Stream.of(options).flatMap(o -> Stream.of("-oo", o)).toArray(String[]::new);
    }
}

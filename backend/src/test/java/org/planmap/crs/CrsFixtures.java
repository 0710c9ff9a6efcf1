package org.planmap.crs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The GDAL-made files under src/test/resources/crs (see its README). */
final class CrsFixtures {

    /** One row of points.csv: lon/lat in EPSG:4326 and GDAL's x/y (easting first) in {@code epsg}. */
    record GdalPoint(String name, double lon, double lat, int epsg, double x, double y) {
    }

    private CrsFixtures() {
    }

    static Path dir() {
        try {
            return Path.of(CrsFixtures.class.getResource("/crs/points.csv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String prj(String flavour, String name) {
        try {
            return Files.readString(dir().resolve(flavour).resolve(name + ".prj"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<GdalPoint> points() {
        try {
            return Files.readAllLines(dir().resolve("points.csv"), StandardCharsets.UTF_8).stream().skip(1)
                    .map(l -> l.split(","))
                    .map(f -> new GdalPoint(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                            Integer.parseInt(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

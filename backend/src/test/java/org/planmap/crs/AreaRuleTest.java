package org.planmap.crs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.planmap.boundary.BoundaryFiles;
import org.planmap.boundary.BoundarySet;
import org.planmap.controlline.ControlLine;
import org.planmap.controlline.DemoControlLines;
import org.planmap.controlline.DemoScale;
import org.planmap.encode.Gdal;
import org.planmap.encode.GeoPackageEncoder;
import org.planmap.layer.FeaturePage;
import org.planmap.plan.CountyDirectory;
import org.planmap.plan.PlanTables;
import org.planmap.store.Feature;
import org.planmap.store.FeatureCursor;
import org.planmap.store.LayerInfo;
import org.planmap.style.MapStyles;

/**
 * The rule of {@link Ellipsoid}'s three areas, pinned on real polygons against GDAL: SpatiaLite's
 * {@code ST_Area(g, 1)} (GDAL's SQLite dialect) on the file planmap exports measures edges as geodesics, as
 * {@link Ellipsoid#area} does, and {@code ST_Area(ST_Segmentize(g, 0.002), 1)} measures them straight in
 * longitude/latitude, as {@link Ellipsoid#areaOfStraightEdges} does. On a county (孝义市) the two readings differ
 * by less than a part in a million, on a drawn site with 10–20 km edges by a part in ten thousand: only cuts of long
 * edges need the slow one. {@link Ellipsoid#quickArea} is {@link Ellipsoid#area}, to the bit for a county and to a part in
 * ten million for a field.
 */
class AreaRuleTest {

    private static final String XIAOYI = "141181";

    @TempDir
    static Path dir;
    static Gdal.Layer exported;
    /** The exported features by id: 孝义市, its demonstration farmland fields, a site with long edges. */
    static final Map<String, Geometry> SHAPES = new LinkedHashMap<>();

    @BeforeAll
    static void export() throws Exception {
        BoundarySet boundaries = BoundaryFiles.fromClasspath();
        Feature county = boundaries.counties().stream().filter(c -> c.id().equals(XIAOYI)).findFirst().orElseThrow();
        SHAPES.put(XIAOYI, county.geometry());
        List<Feature> farmland = DemoControlLines.generate(boundaries, new CountyDirectory(boundaries,
                PlanTables.fromClasspath()), DemoControlLines.DEFAULT_SEED, DemoScale.DEFAULT)
                .get(ControlLine.PERMANENT_BASIC_FARMLAND).features();
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
    }

    /** GDAL's measure of feature {@code id} with {@code area} an SQL expression of the geometry column {@code $g}. */
    private static double gdal(String id, String area) throws Exception {
        String g = "\"" + exported.geometryColumn() + "\"";
        return Double.parseDouble(exported.sql("SELECT " + area.replace("$g", g) + " AS m2 FROM \"" + exported.name()
                + "\" WHERE id = '" + id + "'", "m2").get(0));
    }

    private static double relative(double a, double b) {
        return Math.abs(a - b) / b;
    }

    @Test
    void aCountyMeasuresAsGdalsGeodesicAreaAndItsEdgesAreTooShortForTheReadingToMatter() throws Exception {
        Geometry xiaoyi = SHAPES.get(XIAOYI);
        double geodesic = gdal(XIAOYI, "ST_Area($g, 1)");
        double straight = gdal(XIAOYI, "ST_Area(ST_Segmentize($g, 0.002), 1)");
        assertThat(geodesic / 1e6).as("孝义市, km²").isBetween(900.0, 1000.0);
        assertThat(relative(Ellipsoid.area(xiaoyi), geodesic)).isLessThan(1e-7);
        assertThat(relative(Ellipsoid.areaOfStraightEdges(xiaoyi), straight)).isLessThan(1e-7);
        assertThat(Ellipsoid.quickArea(xiaoyi)).isEqualTo(Ellipsoid.area(xiaoyi));
        // the two readings of a county's short edges: less than a part in a million (under 0.1 ha of ~940 km²)
        assertThat(relative(Ellipsoid.areaOfStraightEdges(xiaoyi), Ellipsoid.area(xiaoyi))).isLessThan(1e-6);
    }

    @Test
    void fieldsMeasureQuicklyAsGdalsGeodesicArea() throws Exception {
        List<String> fields = SHAPES.keySet().stream().filter(id -> id.startsWith(ControlLine.PERMANENT_BASIC_FARMLAND.layerId())).toList();
        assertThat(fields).hasSizeGreaterThan(10);
        double ours = 0;
        double quick = 0;
        double theirs = 0;
        for (String id : fields) {
            Geometry field = SHAPES.get(id);
            double geodesic = gdal(id, "ST_Area($g, 1)");
            assertThat(relative(Ellipsoid.quickArea(field), geodesic)).as(id).isLessThan(1e-6);
            ours += Ellipsoid.area(field);
            quick += Ellipsoid.quickArea(field);
            theirs += geodesic;
        }
        assertThat(relative(ours, theirs)).isLessThan(1e-7);
        assertThat(relative(quick, ours)).isLessThan(1e-7);
    }

    /** A drawn site cut by a county border: only the straight reading lets the pieces add up to what GDAL cuts. */
    @Test
    void aSiteWithLongEdgesNeedsItsEdgesReadStraight() throws Exception {
        Geometry site = SHAPES.get("site");
        double geodesic = gdal("site", "ST_Area($g, 1)");
        double straight = gdal("site", "ST_Area(ST_Segmentize($g, 0.002), 1)");
        assertThat(relative(Ellipsoid.area(site), geodesic)).isLessThan(1e-7);
        assertThat(relative(Ellipsoid.areaOfStraightEdges(site), straight)).isLessThan(1e-7);
        // a geodesic 20 km long leaves the straight line by metres: 3.5 ha of 37 km² (0.01 %) move between readings
        assertThat(relative(straight, geodesic)).isGreaterThan(5e-5);
        assertThat(Ellipsoid.areaOfStraightEdges(site) - Ellipsoid.area(site)).isGreaterThan(30_000.0);
    }
}

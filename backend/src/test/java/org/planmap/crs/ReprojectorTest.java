package org.planmap.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.planmap.crs.CrsFixtures.GdalPoint;

class ReprojectorTest {

    private static final GeometryFactory GF = new GeometryFactory();
    private final Reprojector china = new Reprojector();
    private final Reprojector shanxi = new Reprojector(Reprojector.SHANXI);

    @Test
    void agreesWithGdalToACentimetreBothWaysForEveryZoneKind() {
        List<GdalPoint> points = CrsFixtures.points();
        assertThat(points).extracting(GdalPoint::epsg)
                .contains(4490, 3857, 4546, 4547, 4525, 4526, 4534, 4554, 4513, 4533);
        for (GdalPoint p : points) {
            CrsRef to = CrsRef.of(p.epsg());
            Point there = (Point) china.fromWgs84(point(p.lon(), p.lat()), to);
            Point back = (Point) china.toWgs84(point(p.x(), p.y()), to);
            String what = p.name() + " in " + to.code();
            if (to.isGeographic()) {
                assertThat(there.getX()).as(what).isEqualTo(p.x());
                assertThat(there.getY()).as(what).isEqualTo(p.y());
            } else {
                assertThat(Math.hypot(there.getX() - p.x(), there.getY() - p.y())).as(what).isLessThan(0.01);
            }
            assertThat(Ellipsoid.distance(back.getX(), back.getY(), p.lon(), p.lat())).as(what).isLessThan(0.01);
        }
    }

    @Test
    void projectedToProjectedGoesThroughLongitudeLatitude() {
        GdalPoint cm111 = find("太原", 4546);
        GdalPoint cm114 = find("太原", 4547);
        Point p = (Point) shanxi.transform(point(cm111.x(), cm111.y()), CrsRef.of(4546), CrsRef.of(4547));
        assertThat(Math.hypot(p.getX() - cm114.x(), p.getY() - cm114.y())).isLessThan(0.01);
    }

    @Test
    void cgcs2000IsWgs84WithoutAnyDatumShift() {
        // planmap's own identity …
        Geometry g = point(111.78, 37.14);
        assertThat(china.transform(g, CrsRef.CGCS2000, CrsRef.WGS84).equalsExact(g, 0)).isTrue();
        // … and Proj4J's: EPSG:4490 is "+ellps=GRS80" without towgs84, which it treats as WGS 84 (no shift).
        CRSFactory f = new CRSFactory();
        ProjCoordinate out = new ProjCoordinate();
        new CoordinateTransformFactory().createTransform(f.createFromName("EPSG:4490"), f.createFromName("EPSG:4326"))
                .transform(new ProjCoordinate(111.78, 37.14), out);
        assertThat(out.x).isEqualTo(111.78);
        assertThat(out.y).isEqualTo(37.14);
        // and a projected CGCS2000 zone reads the same as from 4490 or 4326
        double[] viaWgs = Reprojector.transform(111.78, 37.14, CrsRef.WGS84, CrsRef.of(4546));
        double[] viaCgcs = Reprojector.transform(111.78, 37.14, CrsRef.CGCS2000, CrsRef.of(4546));
        assertThat(viaCgcs).containsExactly(viaWgs);
    }

    @Test
    void keepsStructureAndZ() {
        Geometry square = GF.createPolygon(new Coordinate[] {new Coordinate(569000, 4112000, 800),
            new Coordinate(570000, 4112000, 800), new Coordinate(570000, 4113000, 810),
            new Coordinate(569000, 4113000, 805), new Coordinate(569000, 4112000, 800)});
        Geometry lonLat = shanxi.toWgs84(square, CrsRef.of(4546));
        assertThat(lonLat.getNumPoints()).isEqualTo(5);
        assertThat(lonLat.getCoordinates()[2].getZ()).isEqualTo(810);
        assertThat(Ellipsoid.area(lonLat)).isCloseTo(1e6, org.assertj.core.data.Offset.offset(1e6 * 0.001));
        assertThat(square.getCoordinates()[0].getX()).as("the input is not changed").isEqualTo(569000);
    }

    @Test
    void metresDeclaredAsDegreesAreRefusedWithTheLikelyCause() {
        GdalPoint p = find("孝义市", 4546);
        assertImplausible(() -> shanxi.toWgs84(point(p.x(), p.y()), CrsRef.CGCS2000),
                "look like they are in a projected CRS (metres) but the file declares the geographic EPSG:4490",
                "EPSG:4546");
        assertImplausible(() -> china.toWgs84(point(p.x(), p.y()), CrsRef.CGCS2000), "and 18 more");
    }

    @Test
    void swappedLongitudeLatitudeIsRefused() {
        assertImplausible(() -> china.toWgs84(point(37.14, 111.78), CrsRef.WGS84),
                "longitude and latitude are swapped");
        assertImplausible(() -> china.fromWgs84(point(37.14, 111.78), CrsRef.of(4546)),
                "longitude and latitude are swapped");
    }

    @Test
    void swappedNorthingEastingIsRefused() {
        GdalPoint p = find("孝义市", 4546);
        assertImplausible(() -> china.toWgs84(point(p.y(), p.x()), CrsRef.of(4546)),
                "northing and easting are swapped");
        GdalPoint z = find("孝义市", 4525);
        assertImplausible(() -> china.toWgs84(point(z.y(), z.x()), CrsRef.of(4525)),
                "northing and easting are swapped");
    }

    @Test
    void aZonePrefixThatContradictsTheDeclaredZoneIsRefused() {
        GdalPoint p = find("太原", 4526);   // zone 38 data …
        assertImplausible(() -> china.toWgs84(point(p.x(), p.y()), CrsRef.of(4525)),   // … declared zone 37
                "zone prefix 38, so the data are in EPSG:4526");
        // far outside its zone an inverse Transverse Mercator wraps around; such zones are not suggested
        assertThatThrownBy(() -> shanxi.toWgs84(point(p.x(), p.y()), CrsRef.of(4525)))
                .hasMessageEndingWith("Read as EPSG:4526 (CGCS2000 / 3-degree Gauss-Kruger zone 38) the data would "
                        + "lie in Shanxi; check the .prj");
        assertImplausible(() -> china.toWgs84(point(p.x(), p.y()), CrsRef.of(4547)),   // … declared without prefix
                "zone prefix 38", "but the file declares EPSG:4547");
        GdalPoint plain = find("太原", 4546);
        assertImplausible(() -> china.toWgs84(point(plain.x(), plain.y()), CrsRef.of(4525)),
                "no zone prefix, so the data are probably in EPSG:4546");
    }

    @Test
    void theNeighbouringZoneWithoutPrefixIsCaughtWithinShanxi() {
        GdalPoint p = find("太原", 4547);   // CM 114E data declared CM 111E: lands ≈ 300 km west, in Shaanxi
        assertThat(china.toWgs84(point(p.x(), p.y()), CrsRef.of(4546))).as("plausible for China as a whole").isNotNull();
        assertThatThrownBy(() -> shanxi.toWgs84(point(p.x(), p.y()), CrsRef.of(4546)))
                .isInstanceOfSatisfying(CrsException.class, e -> {
                    assertThat(e.code()).isEqualTo(CrsException.IMPLAUSIBLE);
                    assertThat(e.messageEn()).contains("read as EPSG:4546 the data lie at longitude 109.",
                            "outside Shanxi", "Read as EPSG:4547 (CGCS2000 / 3-degree Gauss-Kruger CM 114E)");
                    assertThat(e.messageZh()).contains("不在山西省范围内", "EPSG:4547（CGCS2000 3度带 第38带，中央经线114°E）");
                });
    }

    @Test
    void degreesDeclaredAsWebMercatorAndDataOutsideChinaAreRefused() {
        assertImplausible(() -> china.toWgs84(point(111.78, 37.14), CrsRef.WEB_MERCATOR), "look like degrees");
        assertImplausible(() -> china.toWgs84(point(2.35, 48.85), CrsRef.WGS84), "outside China");
        assertImplausible(() -> china.fromWgs84(point(2.35, 48.85), CrsRef.of(4546)), "outside China");
    }

    @Test
    void emptyGeometriesPassThrough() {
        assertThat(china.toWgs84(GF.createPolygon(), CrsRef.of(4546)).isEmpty()).isTrue();
    }

    private static void assertImplausible(Runnable r, String... fragments) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(CrsException.class, e -> {
            assertThat(e.code()).isEqualTo(CrsException.IMPLAUSIBLE);
            assertThat(e.messageEn()).contains(fragments);
            assertThat(e.messageZh()).isNotBlank();
        });
    }

    private static GdalPoint find(String name, int epsg) {
        return CrsFixtures.points().stream().filter(p -> p.name().equals(name) && p.epsg() == epsg).findFirst()
                .orElseThrow();
    }

    private static Point point(double x, double y) {
        return GF.createPoint(new Coordinate(x, y));
    }
}

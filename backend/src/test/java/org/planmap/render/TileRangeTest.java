package org.planmap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Envelope;

/**
 * {@link TileGrid#range}: the tiles a layer's box may show something in, which WMTS declares as its limits and the
 * overview draws ahead. Checked against every tile of zooms 0–8 of both grids, one by one, by the rule
 * {@link Tiles#tile} uses.
 */
class TileRangeTest {

    /** Shanxi, as the demonstration control lines cover it. */
    static final List<Double> SHANXI = List.of(110.23, 34.58, 114.56, 40.74);

    @ParameterizedTest
    @EnumSource(TileGrid.class)
    void theRangeIsExactlyTheTilesWhoseWidenedBoundsMeetTheBox(TileGrid grid) {
        for (List<Double> box : List.of(SHANXI, List.of(112.5, 37.8, 112.5001, 37.8001), List.of(-180.0, -85.0, 180.0, 85.0))) {
            Envelope e = new Envelope(box.get(0), box.get(2), box.get(1), box.get(3));
            for (int z = grid.minZoom(); z <= 8; z++) {
                Optional<TileGrid.TileRange> range = grid.range(box, z);
                assertThat(range).as("z%d %s", z, box).isPresent();
                TileGrid.TileRange r = range.get();
                for (int x = 0; x < grid.columns(z); x++) {
                    for (int y = 0; y < grid.rows(z); y++) {
                        boolean meets = MapRenderer.queryBounds(grid.tile(z, x, y)).intersects(e);
                        boolean inRange = x >= r.minX() && x <= r.maxX() && y >= r.minY() && y <= r.maxY();
                        assertThat(inRange).as("z%d x%d y%d %s", z, x, y, box).isEqualTo(meets);
                    }
                }
            }
        }
    }

    @Test
    void shanxiAtZoomTenIsAFewDozenTilesAcrossAndAnEmptyLayerHasNone() {
        TileGrid.TileRange r = TileGrid.WEB_MERCATOR.range(SHANXI, 10).orElseThrow();
        // 4.3° of longitude at 360/1024° a tile: 13 columns, one more where a stroke's margin reaches over
        assertThat(r.maxX() - r.minX() + 1).isBetween(13, 15);
        assertThat(r.maxY() - r.minY() + 1).isBetween(20, 24);
        assertThat(TileGrid.WEB_MERCATOR.range(List.of(), 10)).isEmpty();
    }

    @Test
    void geographicTilesAreSquaresOfDegreesFromNinetyNorthOneHundredEightyWest() {
        TileGrid c = TileGrid.CGCS2000;
        assertThat(c.columns(1)).isEqualTo(2);
        assertThat(c.rows(1)).isEqualTo(1);
        assertThat(c.rows(18)).isEqualTo(131072);
        assertThat(c.exists(0, 0, 0)).as("天地图's c starts at level 1").isFalse();
        assertThat(c.exists(1, 1, 0)).isTrue();
        assertThat(c.exists(1, 0, 1)).isFalse();
        assertThat(c.tile(1, 0, 0).resolution()).isEqualTo(0.703125);
        // Level 10: 360/1024 = 0.3515625° a tile; Shanxi's west edge 110.23° E lies in column (110.23 + 180) / 0.3515625
        Viewport t = c.tile(10, 825, 140);
        assertThat(t.extent()).isEqualTo(new Envelope(110.0390625, 110.390625, 40.4296875, 40.78125));
        assertThat(t.px(110.0390625)).isZero();
        assertThat(t.py(40.4296875)).isEqualTo(256);
        // The same box as Mercator zoom 10 but half the rows: 18° of latitude are 18 rows, not 22
        TileGrid.TileRange r = c.range(SHANXI, 10).orElseThrow();
        assertThat(r.maxX() - r.minX() + 1).isBetween(13, 15);
        assertThat(r.maxY() - r.minY() + 1).isBetween(18, 20);
        assertThat(c.range(SHANXI, 0)).isEmpty();
    }
}

package org.planmap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * {@link Tiles#range}: the tiles a layer's box may show something in, which WMTS declares as its limits and the
 * overview draws ahead. Checked against every tile of zooms 0–8, one by one, by the rule {@link Tiles#tile} uses.
 */
class TileRangeTest {

    /** Shanxi, as the demonstration control lines cover it. */
    static final List<Double> SHANXI = List.of(110.23, 34.58, 114.56, 40.74);

    @Test
    void theRangeIsExactlyTheTilesWhoseWidenedBoundsMeetTheBox() {
        for (List<Double> box : List.of(SHANXI, List.of(112.5, 37.8, 112.5001, 37.8001), List.of(-180.0, -85.0, 180.0, 85.0))) {
            Envelope e = new Envelope(box.get(0), box.get(2), box.get(1), box.get(3));
            for (int z = 0; z <= 8; z++) {
                Optional<Tiles.TileRange> range = Tiles.range(box, z);
                assertThat(range).as("z%d %s", z, box).isPresent();
                Tiles.TileRange r = range.get();
                for (int x = 0; x < 1 << z; x++) {
                    for (int y = 0; y < 1 << z; y++) {
                        boolean meets = MapRenderer.queryBounds(Viewport.tile(z, x, y)).intersects(e);
                        boolean inRange = x >= r.minX() && x <= r.maxX() && y >= r.minY() && y <= r.maxY();
                        assertThat(inRange).as("z%d x%d y%d %s", z, x, y, box).isEqualTo(meets);
                    }
                }
            }
        }
    }

    @Test
    void shanxiAtZoomTenIsAFewDozenTilesAcrossAndAnEmptyLayerHasNone() {
        Tiles.TileRange r = Tiles.range(SHANXI, 10).orElseThrow();
        // 4.3° of longitude at 360/1024° a tile: 13 columns, one more where a stroke's margin reaches over
        assertThat(r.maxX() - r.minX() + 1).isBetween(13, 15);
        assertThat(r.maxY() - r.minY() + 1).isBetween(20, 24);
        assertThat(Tiles.range(List.of(), 10)).isEmpty();
    }
}

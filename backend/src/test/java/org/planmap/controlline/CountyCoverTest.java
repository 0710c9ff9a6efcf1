package org.planmap.controlline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.planmap.TestStores;
import org.planmap.boundary.BoundaryFiles;
import org.planmap.boundary.BoundarySet;
import org.planmap.plan.CountyDirectory;
import org.planmap.plan.PlanTables;
import org.planmap.store.Feature;

class CountyCoverTest {

    static final BoundarySet BOUNDARIES = BoundaryFiles.fromClasspath();

    /**
     * Every answer the county's grid gives is the exact one, for the demonstration lines (farmland at benchmark density) against all 117 counties (the
     * ledger takes a feature whole, or leaves it out, on that answer alone), and the grid answers most of them: the
     * segment index and the exact tests are left to features near a county's boundary.
     */
    @Test
    void theGridAnswersMostFeaturesAndOnlyRightly() {
        // the demonstration lines, the farmland as dense as at 20 000 features in all (small fields, as imported)
        List<Geometry> features = new ArrayList<>();
        TestStores.demonstrationLayers().forEach((line, layer) -> {
            if (line != ControlLine.PERMANENT_BASIC_FARMLAND) {
                layer.features().forEach(f -> features.add(f.geometry()));
            }
        });
        DemoControlLines.generate(BOUNDARIES, new CountyDirectory(BOUNDARIES, PlanTables.fromClasspath()),
                DemoControlLines.DEFAULT_SEED, DemoScale.ofTotal(20_000), ControlLine.PERMANENT_BASIC_FARMLAND,
                f -> features.add(f.geometry()));
        int asked = 0;
        int answered = 0;
        int inside = 0;
        for (Feature county : BOUNDARIES.counties()) {
            CountyCover cover = new CountyCover(county.geometry());
            PreparedGeometry exact = PreparedGeometryFactory.prepare(county.geometry());
            for (Geometry g : features) {
                if (!g.getEnvelopeInternal().intersects(county.geometry().getEnvelopeInternal())) {
                    continue;
                }
                asked++;
                CountyCover.Side fromCells = cover.fromCells(g.getEnvelopeInternal());
                if (fromCells == null) {
                    continue;
                }
                answered++;
                if (fromCells == CountyCover.Side.INSIDE) {
                    inside++;
                    assertThat(exact.covers(g)).as("inside %s", county.id()).isTrue();
                    assertThat(cover.fromSegments(g)).isNotEqualTo(CountyCover.Side.OUTSIDE);
                } else {
                    assertThat(exact.intersects(g)).as("outside %s", county.id()).isFalse();
                    assertThat(cover.fromSegments(g)).isNotEqualTo(CountyCover.Side.INSIDE);
                }
            }
        }
        assertThat(asked).isGreaterThan(features.size());
        assertThat(answered).as("answered by the grid of %d asked", asked).isGreaterThan(asked * 8 / 10);
        assertThat(inside).as("inside, of %d answered", answered).isGreaterThan(answered / 3);
    }
}

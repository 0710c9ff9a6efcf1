package org.planmap.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planmap.boundary.OfficialCountiesTest.CURRENT;
import static org.planmap.boundary.OfficialCountiesTest.departmentFile;
import static org.planmap.boundary.OfficialCountiesTest.row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.planmap.store.Feature;

/**
 * A department's county file assembled into boundaries: coverage cleaning and validation of 117 real counties take
 * seconds, so these run in the full lane.
 */
@org.planmap.SlowTest
class OfficialCountiesAssemblyTest {

    @Test
    void aCompleteFileBecomesTheBoundariesWithPartsJoinedAndRenamesReported() {
        List<Feature> rows = departmentFile();
        // 孝义市 delivered as its polygons in two rows, and 古交市 under a new name.
        Feature xiaoyi = rows.stream().filter(r -> r.id().startsWith("141181")).findFirst().orElseThrow();
        rows.remove(xiaoyi);
        Geometry whole = xiaoyi.geometry();
        Geometry west = whole.intersection(whole.getEnvelope().getFactory().toGeometry(
                new org.locationtech.jts.geom.Envelope(whole.getEnvelopeInternal().getMinX(),
                        whole.getEnvelopeInternal().centre().x, whole.getEnvelopeInternal().getMinY(),
                        whole.getEnvelopeInternal().getMaxY())));
        rows.add(row(141181000000L, "孝义市", west));
        rows.add(row("141181", "孝义市", whole.difference(west)));
        rows.replaceAll(r -> r.id().startsWith("140181") ? row("140181", "古交市（测试）", r.geometry()) : r);

        OfficialCounties.Outcome outcome = OfficialCounties.assemble(rows, "XZQDM", Optional.of("XZQMC"),
                CURRENT);

        OfficialCountiesReport report = outcome.report();
        assertThat(report.problems()).isEmpty();
        assertThat(report.rows()).isEqualTo(118);
        assertThat(report.units()).isEqualTo(117);
        assertThat(report.dissolved()).containsExactly("141181");
        assertThat(report.renamed()).containsExactly(new OfficialCountiesReport.Rename("140181", "古交市", "古交市（测试）"));
        assertThat(report.missing()).isEmpty();
        assertThat(report.extra()).isEmpty();
        assertThat(report.areaChanges()).hasSize(117)
                .allSatisfy(c -> assertThat(Math.abs(c.changePercent())).as(c.name()).isLessThan(0.01));
        BoundarySet set = outcome.boundaries().orElseThrow();
        assertThat(set.counties()).hasSize(117);
        assertThat(set.cities()).hasSize(11);
        Feature joined = set.counties().stream().filter(c -> c.id().equals("141181")).findFirst().orElseThrow();
        assertThat(joined.geometry().getNumGeometries()).as("the two rows are one county again")
                .isEqualTo(xiaoyi.geometry().getNumGeometries());
        assertThat(joined.properties()).containsEntry("cityName", "吕梁市").containsEntry("kind", "县级市");
        assertThat(set.province().geometry().getArea()).isCloseTo(CURRENT.province().geometry().getArea(),
                org.assertj.core.data.Percentage.withPercentage(0.001));
    }


    @Test
    void overlapsBetweenNeighboursAreGivenToOneAndReported() {
        List<Feature> rows = departmentFile();
        // 孝义市 drawn 100 m too wide: it overlaps 介休市, 汾阳市, 交口县 … and grows the province outline.
        rows.replaceAll(r -> r.id().startsWith("141181") ? row(r.properties().get("XZQDM"), "孝义市",
                r.geometry().buffer(0.001)) : r);

        OfficialCountiesReport report = OfficialCounties.assemble(rows, "XZQDM", Optional.empty(),
                CURRENT).report();

        assertThat(report.overlapFaces()).isPositive();
        assertThat(report.overlapKm2()).isPositive();
        assertThat(report.areaChanges()).anySatisfy(c -> {
            assertThat(c.adcode()).isEqualTo("141181");
            assertThat(c.changePercent()).isPositive();
        });
    }
}

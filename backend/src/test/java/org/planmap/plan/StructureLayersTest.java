package org.planmap.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.planmap.boundary.BoundaryFiles;
import org.planmap.boundary.BoundarySet;
import org.planmap.crs.Ellipsoid;
import org.planmap.layer.LayerContent;
import org.planmap.store.Feature;

class StructureLayersTest {

    static final BoundarySet BOUNDARIES = BoundaryFiles.fromClasspath();
    static final List<LayerContent> LAYERS = new StructureLayers(BOUNDARIES).all(PlanTables.fromClasspath());
    static final Map<String, Feature> COUNTIES = BOUNDARIES.counties().stream()
            .collect(Collectors.toMap(Feature::id, Function.identity()));

    static Map<String, Feature> byId(LayerContent layer) {
        return layer.features().stream().collect(Collectors.toMap(Feature::id, Function.identity()));
    }

    @SuppressWarnings("unchecked")
    static List<String> list(Feature f, String property) {
        return (List<String>) f.properties().get(property);
    }

    @Test
    void eachTownGroupIsTheDissolveOfItsMembersWithoutSlivers() {
        Map<String, Feature> groups = byId(LAYERS.get(0));
        assertThat(groups).hasSize(6);
        for (Feature g : groups.values()) {
            List<String> members = new java.util.ArrayList<>(list(g, "core"));
            members.addAll(list(g, "radiated"));
            double sum = members.stream().mapToDouble(a -> Ellipsoid.area(COUNTIES.get(a).geometry())).sum();
            assertThat(Ellipsoid.area(g.geometry())).as(g.id()).isCloseTo(sum, org.assertj.core.data.Percentage.withPercentage(0.1));
            assertThat(g.geometry().isValid()).isTrue();
            for (int i = 0; i < g.geometry().getNumGeometries(); i++) {
                assertThat(((Polygon) g.geometry().getGeometryN(i)).getNumInteriorRing()).as(g.id() + " holes").isZero();
            }
        }
    }

    @Test
    void groupsHaveTheirCoreAndRadiatedCounties() {
        Map<String, Feature> groups = byId(LAYERS.get(0));
        Feature lzf = groups.get("li-liu-zhong-fang");
        assertThat(lzf.properties()).containsEntry("name", "离柳中方").containsEntry("pattern", "4+3");
        assertThat(list(lzf, "core")).containsExactly("141102", "141125", "141129", "141128");
        assertThat(list(lzf, "radiated")).containsExactlyInAnyOrder("141124", "141123", "141127");
        Feature jfwx = groups.get("jiao-fen-wen-xiao");
        assertThat(jfwx.properties()).containsEntry("pattern", "4+2");
        assertThat(list(jfwx, "core")).contains("141181").hasSize(4);
        assertThat(list(jfwx, "radiated")).containsExactlyInAnyOrder("141130", "141126");
        assertThat(list(groups.get("taiyuan-yuci-taigu-core"), "core")).hasSize(8).contains("140702", "140703");
        assertThat(groups.get("xin-ding-yuan").properties().get("source").toString()).contains("第四章第三节");
    }

    @Test
    void regionsAreUnionsOfWholeCitiesOrSchematic() {
        Map<String, Feature> regions = byId(LAYERS.get(1));
        assertThat(regions).hasSize(6);
        Feature central = regions.get("shanxi-zhongbu-chengshiqun");
        assertThat(list(central, "members")).containsExactlyInAnyOrder("140100", "140700", "140900", "141100", "140300");
        assertThat(central.properties()).containsEntry("geometryBasis", "members").containsEntry("kind", "城市群");
        Map<String, Feature> cities = BOUNDARIES.cities().stream().collect(Collectors.toMap(Feature::id, Function.identity()));
        double fiveCities = list(central, "members").stream().mapToDouble(c -> Ellipsoid.area(cities.get(c).geometry())).sum();
        assertThat(Ellipsoid.area(central.geometry())).isCloseTo(fiveCities, org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(regions.get("taixin-yitihua-jingjiqu").properties()).containsEntry("geometryBasis", "schematic");
        Feature zonggai = regions.get("shanxi-zonggai-shifanqu");
        assertThat(zonggai.geometry()).as("the seed names no member city").isNull();
        assertThat(zonggai.properties().get("extentNote").toString()).contains("潇河");
        // The cluster and the three circles cover the province once.
        Geometry circles = central.geometry();
        for (String id : List.of("jinbei-chengzhenquan", "jinnan-chengzhenquan", "jindongnan-chengzhenquan")) {
            assertThat(circles.intersection(regions.get(id).geometry()).getArea()).isLessThan(1e-9);
            circles = circles.union(regions.get(id).geometry());
        }
        assertThat(Ellipsoid.area(circles)).isCloseTo(Ellipsoid.area(BOUNDARIES.province().geometry()),
                org.assertj.core.data.Percentage.withPercentage(0.01));
    }
}

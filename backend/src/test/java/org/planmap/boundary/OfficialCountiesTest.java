package org.planmap.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.planmap.store.Feature;

/** A department's county file against the committed DataV-derived boundaries it would replace. */
class OfficialCountiesTest {

    static final BoundarySet CURRENT = BoundaryFiles.fromClasspath();

    /** The current counties as a department's file would carry them: 12-digit 统一代码 and a name field. */
    static List<Feature> departmentFile() {
        List<Feature> rows = new ArrayList<>();
        for (Feature c : CURRENT.counties()) {
            rows.add(row(c.id() + "000000", String.valueOf(c.properties().get("name")), c.geometry()));
        }
        return rows;
    }

    static Feature row(Object code, String name, Geometry g) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("XZQDM", code);
        p.put("XZQMC", name);
        return new Feature(String.valueOf(code), g, p);
    }

    @Test
    void aFileMissingACountyOrCarryingAForeignCodeIsRefusedWithThoseCodes() {
        List<Feature> rows = departmentFile();
        rows.removeIf(r -> r.id().startsWith("140322"));
        rows.add(row("130102", "长安区", CURRENT.counties().get(0).geometry()));
        rows.add(row("14010", "坏代码", CURRENT.counties().get(0).geometry()));
        rows.add(row("140105", "小店区", null));

        OfficialCounties.Outcome outcome = OfficialCounties.assemble(rows, "XZQDM", Optional.empty(), CURRENT);

        assertThat(outcome.boundaries()).isEmpty();
        assertThat(outcome.report().missing()).containsExactly("140322");
        assertThat(outcome.report().extra()).containsExactly("130102");
        assertThat(outcome.report().problems()).hasSize(4)
                .anySatisfy(p -> assertThat(p).contains("14010").contains("not a county code"))
                .anySatisfy(p -> assertThat(p).contains("140105").contains("no polygon"))
                .anySatisfy(p -> assertThat(p).contains("lacks 1").contains("140322"))
                .anySatisfy(p -> assertThat(p).contains("130102"));
    }

    @Test
    void countyCodesInTheSpellingsDepartmentsUse() {
        assertThat(OfficialCounties.countyCode("140105")).contains("140105");
        assertThat(OfficialCounties.countyCode(140105)).contains("140105");
        assertThat(OfficialCounties.countyCode(140105000000L)).contains("140105");
        assertThat(OfficialCounties.countyCode(140105.0)).contains("140105");
        assertThat(OfficialCounties.countyCode(" 140105000 ")).contains("140105");
        assertThat(OfficialCounties.countyCode("140105001000")).as("a town, not a county").isEmpty();
        assertThat(OfficialCounties.countyCode("14010")).isEmpty();
        assertThat(OfficialCounties.countyCode("14a105")).isEmpty();
        assertThat(OfficialCounties.countyCode(null)).isEmpty();
    }
}

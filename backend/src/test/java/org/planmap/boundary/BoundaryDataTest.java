package org.planmap.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.planmap.store.Feature;

/** The boundary files as the running app loads them: from the jar's classpath. */
class BoundaryDataTest {

    static final BoundarySet SET = BoundaryFiles.fromClasspath();

    @Test
    void elevenCitiesAnd117UnitsOfTheRightKinds() {
        assertThat(SET.cities()).hasSize(11);
        assertThat(SET.counties()).hasSize(117);
        Map<UnitKind, Long> kinds = SET.units().stream().collect(Collectors.groupingBy(AdminUnit::kind, Collectors.counting()));
        assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.of(UnitKind.DISTRICT, 26L, UnitKind.COUNTY_CITY, 11L, UnitKind.COUNTY, 80L));
        // The name suffix agrees with the GB/T 2260 code rule for every unit (城区, 矿区 and 郊区 included).
        assertThat(SET.units()).allSatisfy(u -> assertThat(u.name()).endsWith(switch (u.kind()) {
            case DISTRICT -> "区";
            case COUNTY -> "县";
            case COUNTY_CITY -> "市";
        }));
    }

    @Test
    void currentDivisionCodes() {
        Map<String, String> byCode = SET.units().stream().collect(Collectors.toMap(AdminUnit::adcode, AdminUnit::name));
        // Renamed or re-coded since 2016: 太谷县→太谷区 (2019), 怀仁县→怀仁市 (2018), 大同县→云州区 (2018), 长治 districts (2018).
        assertThat(byCode).containsEntry("140703", "太谷区").containsEntry("140681", "怀仁市")
                .containsEntry("140215", "云州区").containsEntry("140403", "潞州区").containsEntry("140322", "盂县");
        // Codes retired by those reforms: 太谷县, 怀仁县, 大同县, 长治's old 城区 and 潞城市.
        assertThat(byCode).doesNotContainKeys("140726", "140624", "140227", "140402", "140481");
    }

    @Test
    void everyGeometryIsAValidMultiPolygon() {
        assertThat(SET.counties()).allSatisfy(f -> {
            assertThat(f.geometry()).isInstanceOf(MultiPolygon.class);
            assertThat(f.geometry().isValid()).as(f.id()).isTrue();
        });
    }

    @Test
    void countiesFormACleanCoverage() {
        Geometry[] g = SET.counties().stream().map(Feature::geometry).toArray(Geometry[]::new);
        assertThat(CoverageValidator.validate(g, BoundaryValidation.GAP_WIDTH_DEG)).containsOnlyNulls();
    }

    @Test
    void citiesAndProvinceAreUnionsOfTheirCounties() {
        assertThat(BoundaryValidation.problems(SET)).isEmpty();
        Map<String, Feature> cities = SET.cities().stream().collect(Collectors.toMap(Feature::id, Function.identity()));
        assertThat(cities.get("141100").properties()).containsEntry("name", "吕梁市").containsEntry("countyCount", 13);
        double provinceKm2 = ((Number) SET.province().properties().get("areaKm2")).doubleValue();
        // Shanxi is officially about 156 700 km²; a generalised boundary lands within 1 %.
        assertThat(provinceKm2).isBetween(155_000.0, 158_300.0);
    }

    @Test
    void theValidationNoticesABrokenSet() {
        Feature first = SET.counties().get(0);
        Feature shifted = new Feature(first.id(), first.geometry().buffer(0.01), first.properties());
        var broken = new java.util.ArrayList<>(SET.counties());
        broken.set(0, shifted);
        BoundarySet set = new BoundarySet(broken, SET.cities(), SET.province(), SET.neighbours());
        assertThat(BoundaryValidation.problems(set)).isNotEmpty()
                .anySatisfy(p -> assertThat(p).contains("breaks the county coverage"))
                .anySatisfy(p -> assertThat(p).contains("differs from the union"));
    }
}

package org.planmap.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CityTargetsTest {

    private final List<CityTarget> targets = PlanFixtures.tables().urbanizationTargets();
    private final PlaceNames names = new PlaceNames(ShanxiUnits.cities(), ShanxiUnits.units());

    @Test
    void everyPrefectureCityHasOneTargetUnderItsOwnAdcode() {
        assertThat(targets).extracting(CityTarget::cityAdcode).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(ShanxiUnits.cities().stream().map(PrefectureCity::adcode).toList());
        assertThat(targets).allSatisfy(t -> assertThat(names.citiesNamed(t.city()))
                .as(t.city()).containsExactly(new PrefectureCity(t.cityAdcode(), t.city())));
    }
}

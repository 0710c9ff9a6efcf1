package org.planmap.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CitySizeStructureTest {

    private final List<TierEntry> tiers = PlanFixtures.tables().cityTiers();

    @Test
    void oneRowPerTierInTheSeedsOrder() {
        assertThat(tiers).extracting(TierEntry::tier).containsExactly(CityTier.values());
    }

    @Test
    void tallies() {
        assertThat(tiers).extracting(e -> e.members().size()).containsExactly(1, 3, 7, 20, 71);
        assertThat(tiers).allSatisfy(e -> assertThat(e.count()).as(e.tier().label()).isEqualTo(e.members().size()));
    }

    @Test
    void noPlaceIsNamedTwice() {
        List<String> names = tiers.stream().flatMap(e -> e.members().stream()).toList();

        assertThat(names).hasSize(102).doesNotHaveDuplicates();
    }
}

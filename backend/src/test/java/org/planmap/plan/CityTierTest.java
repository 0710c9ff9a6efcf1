package org.planmap.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CityTierTest {

    @Test
    void parsesTheSeedsSpacedLabels() {
        assertThat(CityTier.fromLabel("I 型大城市")).isEqualTo(CityTier.I_LARGE);
        assertThat(CityTier.fromLabel("II 型大城市")).isEqualTo(CityTier.II_LARGE);
        assertThat(CityTier.fromLabel("中等城市")).isEqualTo(CityTier.MEDIUM);
        assertThat(CityTier.fromLabel(" I 型小城市 ")).isEqualTo(CityTier.I_SMALL);
        assertThat(CityTier.fromLabel("II型小城市")).isEqualTo(CityTier.II_SMALL);
    }

    @Test
    void rejectsRomanNumeralCharactersAndUnknownTiers() {
        // The seed writes Latin I; a Roman numeral Ⅰ would mean the text came from somewhere else.
        assertThatThrownBy(() -> CityTier.fromLabel("Ⅰ型大城市")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CityTier.fromLabel("超大城市")).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.planmap.plan;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * The five city-size tiers of 专栏3 (城镇规模等级), by urban-area population. Labels use a Latin capital I,
 * as the seed does, not the Roman numeral characters Ⅰ/Ⅱ.
 */
public enum CityTier {
    I_LARGE("I型大城市", "300—500万人"),
    II_LARGE("II型大城市", "100—300万人"),
    MEDIUM("中等城市", "50—100万人"),
    I_SMALL("I型小城市", "20—50万人"),
    II_SMALL("II型小城市", "20万人以下");

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final String label;
    private final String populationBand;

    CityTier(String label, String populationBand) {
        this.label = label;
        this.populationBand = populationBand;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public String populationBand() {
        return populationBand;
    }

    /** Accepts the label with the stray spaces of the seed's PDF extraction ("I 型大城市"). */
    public static CityTier fromLabel(String text) {
        String compact = SPACES.matcher(text).replaceAll("");
        for (CityTier tier : values()) {
            if (tier.label.equals(compact)) {
                return tier;
            }
        }
        throw new IllegalArgumentException("not a city tier: " + text);
    }
}

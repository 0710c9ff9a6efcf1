package org.planmap.plan;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a county-level unit has its tier; the lower-case code is what the API and exports show. */
public enum TierBasis {
    /** The unit is named in 专栏3. */
    NAMED("专栏3 直接列名"),
    /** The unit is named in 专栏3 under a misspelling fixed by name-corrections.csv. */
    CORRECTED("专栏3 列名有误，已更正"),
    /** A 市辖区 not named in 专栏3: it is part of its prefecture city's urban area, so it takes the city's tier. */
    INHERITED("市辖区，继承所属地级市的等级");

    private final String label;

    TierBasis(String label) {
        this.label = label;
    }

    /** The basis in a planner's words, as the card and the tier table show it. */
    public String label() {
        return label;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

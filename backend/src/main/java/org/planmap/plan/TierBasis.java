package org.planmap.plan;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a county-level unit has its tier; the lower-case code is what the API and exports show. */
public enum TierBasis {
    /** The unit is named in 专栏3. */
    NAMED,
    /** The unit is named in 专栏3 under a misspelling fixed by name-corrections.csv. */
    CORRECTED,
    /** A 市辖区 not named in 专栏3: it is part of its prefecture city's urban area, so it takes the city's tier. */
    INHERITED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

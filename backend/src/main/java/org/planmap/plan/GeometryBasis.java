package org.planmap.plan;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a region can be drawn. The seed draws no boundaries, so a region is either the union of whole
 * member cities or, where even that would overstate what the seed says, only a schematic marker.
 */
public enum GeometryBasis {
    MEMBERS,
    SCHEMATIC;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GeometryBasis fromCode(String code) {
        for (GeometryBasis basis : values()) {
            if (basis.code().equals(code)) {
                return basis;
            }
        }
        throw new IllegalArgumentException("not a geometry basis: " + code);
    }
}

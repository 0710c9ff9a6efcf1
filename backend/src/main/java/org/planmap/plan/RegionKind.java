package org.planmap.plan;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of area in the plan's 一群两区三圈 layout, in the seed's own words. */
public enum RegionKind {
    CITY_CLUSTER("城市群"),
    ECONOMIC_ZONE("经济区"),
    DEMONSTRATION_ZONE("示范区"),
    TOWN_CIRCLE("城镇圈");

    private final String label;

    RegionKind(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public static RegionKind fromLabel(String label) {
        for (RegionKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("not a region kind: " + label);
    }
}

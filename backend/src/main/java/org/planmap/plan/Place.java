package org.planmap.plan;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * A place the plan's text can be searched for: a county-level unit or prefecture city (id = adcode), a town
 * group or a region of 一群两区三圈 (id = the plan table's id). {@code terms} are the exact strings that
 * name it in the seeds.
 */
public record Place(String id, String name, Kind kind, List<String> terms) {

    public enum Kind {
        COUNTY("county"), CITY("city"), TOWN_GROUP("town-group"), REGION("region");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }

        /** Administrative names: a longer one hides a shorter one inside it (新绛县 hides 绛县). */
        boolean administrative() {
            return this == COUNTY || this == CITY;
        }
    }

    public Place {
        terms = List.copyOf(terms);
    }
}

package org.planmap.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * One row of 专栏2: a regional centre city's 2025 urbanisation-rate target (percent of resident population)
 * and its development direction, verbatim.
 */
public record CityTarget(String city, String cityAdcode, BigDecimal urbanizationRate2025, String direction,
                         SourceRef source) {

    static final List<String> COLUMNS = List.of(
            "city", "city_adcode", "urbanization_rate_2025", "direction", "source_document", "source_section");

    static CityTarget fromRow(CsvRow row) {
        // BigDecimal keeps the seed's written precision: 60.0 stays "60.0".
        return new CityTarget(row.required("city"), row.required("city_adcode"),
                new BigDecimal(row.required("urbanization_rate_2025")), row.required("direction"), row.source());
    }
}

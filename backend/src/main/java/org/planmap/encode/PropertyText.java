package org.planmap.encode;

import java.math.BigDecimal;
import tools.jackson.databind.json.JsonMapper;

/** Property values written as text, the same way in every text-based format. */
final class PropertyText {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PropertyText() {
    }

    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : "";
        }
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return JSON.writeValueAsString(v);
    }
}

package org.planmap.ogc;

import org.planmap.ClientFault.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.planmap.http.ApiException;
import org.springframework.http.HttpStatus;

/**
 * One request's query parameters, checked against those its resource takes. An unknown one is refused
 * with 400, as OGC API – Features recommends, so that a misspelt {@code bbox} or an unsupported filter
 * never passes silently as "everything".
 */
final class OgcParams {

    /** What every resource but the items takes. */
    static final Set<String> FORMAT_ONLY = Set.of("f");
    /** What a collection's own description and queryables take: a kept version may be described too. */
    static final Set<String> ONE_COLLECTION = Set.of("f", "version");

    private final Map<String, List<String>> values;

    private OgcParams(Map<String, List<String>> values) {
        this.values = values;
    }

    static OgcParams check(Map<String, List<String>> values, Set<String> allowed) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            String names = String.join(", ", unknown);
            String known = String.join(", ", new TreeSet<>(allowed));
            throw new ApiException(Kind.INVALID, "unknown-parameter",
                    "不支持的查询参数 " + names + "；此处可用的参数：" + known,
                    "unknown query parameter " + names + "; this resource takes " + known);
        }
        values.forEach((name, v) -> {
            if (v.size() > 1) {
                throw ApiException.badParameter(name, "只能给出一次", "may be given only once");
            }
        });
        return new OgcParams(values);
    }

    /** The value, or null when absent. */
    String get(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    OgcFormat format(String accept) {
        return OgcFormat.choose(get("f"), accept);
    }
}

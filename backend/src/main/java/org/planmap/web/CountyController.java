package org.planmap.web;

import org.planmap.ClientFault.Kind;
import org.planmap.http.ApiException;
import java.util.List;
import org.planmap.plan.County;
import org.planmap.plan.CountyCard;
import org.planmap.plan.CurrentBoundaries;
import org.planmap.plan.PlacesInForce;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * County-level units with their 专栏3 tiers: the list, by code, by name or unique name prefix; and a unit's
 * card, everything the viewer shows about it in one document.
 */
@RestController
@RequestMapping("/api/counties")
class CountyController {

    private final CurrentBoundaries boundaries;
    private final PlacesInForce places;

    CountyController(CurrentBoundaries boundaries, PlacesInForce places) {
        this.boundaries = boundaries;
        this.places = places;
    }

    /** All 117 units, or with {@code name} the one unit of that name or unique prefix. */
    @GetMapping
    Object counties(@RequestParam(required = false) String name) {
        if (name == null) {
            return boundaries.directory().all();
        }
        String query = name.strip();
        if (query.isEmpty()) {
            throw ApiException.badParameter("name", "不能为空", "must not be empty");
        }
        List<County> found = boundaries.directory().named(query);
        if (found.isEmpty()) {
            throw new ApiException(Kind.NOT_FOUND, "county-not-found", "未找到名称为“" + query + "”的县级行政区",
                    "no county-level unit is named '" + query + "'");
        }
        if (found.size() > 1) {
            String names = String.join("、", found.stream().map(County::name).toList());
            throw new ApiException(Kind.INVALID, "ambiguous-name",
                    "“" + query + "”可指多个县级行政区：" + names + "，请写全名",
                    "'" + query + "' matches several units: " + names + "; give the full name");
        }
        return found.get(0);
    }

    @GetMapping("/{adcode}")
    County county(@PathVariable String adcode) {
        return boundaries.directory().byAdcode(adcode).orElseThrow(() -> notFound(adcode));
    }

    @GetMapping("/{adcode}/card")
    CountyCard card(@PathVariable String adcode) {
        if (!adcode.matches("\\d{6}")) {
            throw ApiException.badParameter("adcode", "县级行政区划代码应为 6 位数字，如 141181（孝义市）",
                    "a county-level adcode is 6 digits, such as 141181 (Xiaoyi)");
        }
        return places.cards().of(adcode).orElseThrow(() -> notFound(adcode));
    }

    private static ApiException notFound(String adcode) {
        return new ApiException(Kind.NOT_FOUND, "county-not-found", "未找到行政区划代码为 " + adcode
                + " 的县级行政区", "no county-level unit has the code " + adcode);
    }
}

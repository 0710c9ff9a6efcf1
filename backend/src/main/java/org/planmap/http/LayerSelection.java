package org.planmap.http;

import org.planmap.store.FeatureQuery;
import org.planmap.store.filter.Filter;
import org.springframework.web.bind.annotation.BindParam;

/**
 * What an {@code /api} reader selects of a layer, as the request's parameters name it: a kept {@code version}, a
 * {@code bbox}, an {@code adcode} prefix and a CQL2 {@code filter} in {@code filter-lang}. Spring binds it from the
 * parameters of every handler that takes one (features, export), and {@link #query} reads each value as every door
 * reads it ({@link QueryParams}), so a bad one is refused alike everywhere.
 */
public record LayerSelection(String version, String bbox, String adcode, String filter,
        @BindParam("filter-lang") String filterLang) {

    /** The selection as a query of layer {@code layerId}; a bad value is a 400 here, before anything is read. */
    public FeatureQuery query(String layerId) {
        return FeatureQuery.of(layerId).version(QueryParams.version(version)).bbox(QueryParams.bbox(bbox))
                .adcodePrefix(QueryParams.adcodePrefix(adcode)).filter(Filter.parse(filter, filterLang));
    }
}

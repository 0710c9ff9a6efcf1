package org.planmap.ogc;

import java.util.List;
import java.util.function.Predicate;
import org.planmap.http.ApiException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The two encodings every /ogc resource has: JSON (GeoJSON for features) and HTML for browsers. */
public enum OgcFormat {
    JSON, HTML;

    /**
     * {@code f=json|html} decides; without it, HTML only when the client prefers it to JSON, as a browser's
     * {@code Accept: text/html,…,*}{@code /*;q=0.8} does. GDAL, QGIS and curl get JSON. Any other {@code f}
     * is a 400 (not 406), like every other bad parameter value.
     */
    static OgcFormat choose(String f, String accept) {
        if (f != null && !f.isBlank()) {
            return switch (f.strip()) {
                case "json" -> JSON;
                case "html" -> HTML;
                default -> throw ApiException.badParameter("f", "应为 json 或 html", "must be json or html");
            };
        }
        List<MediaType> types;
        try {
            types = accept == null || accept.isBlank() ? List.of() : MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return JSON; // an unreadable Accept header is no reason to refuse: JSON is the default
        }
        double html = quality(types, t -> MediaType.TEXT_HTML.equalsTypeAndSubtype(t)
                || MediaType.APPLICATION_XHTML_XML.equalsTypeAndSubtype(t));
        double json = quality(types, t -> t.isWildcardType() || "application".equals(t.getType())
                && (t.isWildcardSubtype() || "json".equals(t.getSubtype()) || t.getSubtype().endsWith("+json")));
        return html > json ? HTML : JSON;
    }

    private static double quality(List<MediaType> types, Predicate<MediaType> matches) {
        return types.stream().filter(matches).mapToDouble(MediaType::getQualityValue).max().orElse(0);
    }
}

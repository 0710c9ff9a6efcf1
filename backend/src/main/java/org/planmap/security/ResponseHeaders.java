package org.planmap.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The security headers planmap's answers carry, defined once. Spring Security's filter chain writes them
 * through {@link #writer()}; the cached-layer handler, which answers before any servlet filter runs, and the
 * server's own error report, which answers requests that never reached a servlet, write the same values.
 * <p>
 * Spring Security's defaults (nosniff, {@code X-XSS-Protection: 0}, HSTS over HTTPS) plus a CSP without inline
 * script, frames denied and a same-origin referrer; no {@code Cache-Control}, which each endpoint sets for itself.
 */
public final class ResponseHeaders {

    /** One header line. */
    public record Header(String name, String value) {
    }

    /** Spring Security's default, sent only on HTTPS answers (a browser ignores it over HTTP). */
    public static final Header HSTS = new Header("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");

    /** A problem document is data, never a page: nothing may load from it. */
    private static final String PROBLEM_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private final List<Header> answers;
    private final List<Header> problems;

    /** @param contentSecurityPolicy the viewer's policy (which image hosts, which styles) */
    public ResponseHeaders(String contentSecurityPolicy) {
        answers = headers(contentSecurityPolicy);
        problems = headers(PROBLEM_POLICY);
    }

    /**
     * The viewer's policy. No inline script anywhere (the viewer is modules and Leaflet from its WebJar); inline
     * styles are allowed because Leaflet and the viewer's generated HTML use {@code style=}. Images may come from
     * the configured tile basemaps only.
     */
    public static String contentSecurityPolicy(boolean tianditu, boolean osm) {
        List<String> images = new ArrayList<>(List.of("'self'", "data:"));
        if (tianditu) {
            images.add("https://*.tianditu.gov.cn");
        }
        if (osm) {
            images.add("https://tile.openstreetmap.org");
        }
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src "
                + String.join(" ", images) + "; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    private static List<Header> headers(String contentSecurityPolicy) {
        return List.of(
                new Header("Content-Security-Policy", contentSecurityPolicy),
                new Header("X-Content-Type-Options", "nosniff"),
                new Header("X-Frame-Options", "DENY"),
                new Header("Referrer-Policy", "same-origin"),
                new Header("X-XSS-Protection", "0"));
    }

    /** What every answer carries (add {@link #HSTS} over HTTPS). */
    public List<Header> answers() {
        return answers;
    }

    /** What a problem document written outside the filter chain carries. */
    public List<Header> problems() {
        return problems;
    }

    /** {@link #answers()} and, on a secure request, {@link #HSTS}: for Spring Security's header filter. */
    public HeaderWriter writer() {
        return (request, response) -> {
            answers.forEach(h -> response.setHeader(h.name(), h.value()));
            if (request.isSecure()) {
                response.setHeader(HSTS.name(), HSTS.value());
            }
        };
    }
}

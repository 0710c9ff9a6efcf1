package org.planmap.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;

/**
 * The security headers every answer carries, defined once: Spring Security's filter chain writes them, and so
 * does the cached-layer fast path that answers before that chain (it would otherwise cost a fifth of the
 * throughput, README 性能). Spring Security's own defaults plus a CSP without inline script, frames denied and
 * a same-origin referrer; no Cache-Control, which each endpoint sets for itself.
 */
public final class ResponseHeaders {

    private final List<HeaderWriter> writers;

    public ResponseHeaders(String contentSecurityPolicy) {
        writers = List.of(
                new ContentSecurityPolicyHeaderWriter(contentSecurityPolicy),
                new XContentTypeOptionsHeaderWriter(),
                new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
                new ReferrerPolicyHeaderWriter(ReferrerPolicy.SAME_ORIGIN),
                new XXssProtectionHeaderWriter(),
                new HstsHeaderWriter());
    }

    public List<HeaderWriter> writers() {
        return writers;
    }

    public void write(HttpServletRequest request, HttpServletResponse response) {
        writers.forEach(w -> w.writeHeaders(request, response));
    }
}

package org.planmap.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.planmap.layer.CachedLayers;

/**
 * Sends a cached layer answer with HTTP caching: a strong ETag (a different one for the gzip bytes, which
 * are another representation), 304 when the client holds it already, gzip when the client takes it.
 * Used by both the fast-path filter and the controller, so the two answer alike.
 */
final class CachedLayerResponses {

    /**
     * Browsers and proxies may keep the layer but must ask again before using it: an import or a new
     * release changes the layer under the same URL, and the 304 that usually follows costs a round trip
     * and a few hundred bytes.
     */
    static final String CACHE_CONTROL = "public, max-age=0, must-revalidate";

    private CachedLayerResponses() {
    }

    static void send(CachedLayers.Answer answer, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean gzip = acceptsGzip(request.getHeader("Accept-Encoding"));
        String etag = gzip ? gzipEtag(answer.etag()) : answer.etag();
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", CACHE_CONTROL);
        response.setHeader("Vary", "Accept-Encoding");
        if (notModified(request.getHeader("If-None-Match"), answer.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = gzip ? answer.gzip() : answer.body();
        response.setContentType(answer.mediaType());
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    private static String gzipEtag(String etag) {
        return etag.substring(0, etag.length() - 1) + "-gzip\"";
    }

    /** If-None-Match compares weakly (RFC 9110 13.1.2): either representation's tag, W/ or not, or *. */
    static boolean notModified(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(etag) || t.equals(gzipEtag(etag))) {
                return true;
            }
        }
        return false;
    }

    /** gzip (or *) listed without {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip();
            if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
                boolean refused = false;
                for (int i = 1; i < parts.length; i++) {
                    String p = parts[i].strip().replace(" ", "");
                    refused |= p.matches("q=0(\\.0{0,3})?");
                }
                return !refused;
            }
        }
        return false;
    }
}

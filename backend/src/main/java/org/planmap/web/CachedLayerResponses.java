package org.planmap.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.planmap.encode.CachedLayers;

/**
 * How a cached layer answer is sent with HTTP caching: a strong ETag (a different one for the gzip bytes, which
 * are another representation), 304 when the client holds it already, gzip when the client takes it. Decided
 * once here for both writers: the servlet one below (the controller) and {@link CachedLayerHandler} (Jetty's
 * I/O threads), so the two answer alike.
 */
final class CachedLayerResponses {

    /**
     * Browsers and proxies may keep the layer but must ask again before using it: an import or a new
     * release changes the layer under the same URL, and the 304 that usually follows costs a round trip
     * and a few hundred bytes.
     */
    static final String CACHE_CONTROL = "public, max-age=0, must-revalidate";
    static final String VARY = "Accept-Encoding";

    /** What to send: {@code notModified} (304, no body) or the gzip or identity representation. */
    record Reply(boolean notModified, boolean gzip, String etag) {
    }

    private CachedLayerResponses() {
    }

    static Reply reply(CachedLayers.EncodedLayer answer, String acceptEncoding, String ifNoneMatch) {
        boolean gzip = acceptsGzip(acceptEncoding);
        return new Reply(notModified(ifNoneMatch, answer.etag()), gzip, etag(answer, gzip));
    }

    static String etag(CachedLayers.EncodedLayer answer, boolean gzip) {
        return gzip ? gzipEtag(answer.etag()) : answer.etag();
    }

    static void send(CachedLayers.EncodedLayer answer, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Reply reply = reply(answer, request.getHeader("Accept-Encoding"), request.getHeader("If-None-Match"));
        response.setHeader("ETag", reply.etag());
        response.setHeader("Cache-Control", CACHE_CONTROL);
        response.setHeader("Vary", VARY);
        if (reply.notModified()) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = reply.gzip() ? answer.gzip() : answer.body();
        response.setContentType(answer.mediaType());
        if (reply.gzip()) {
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

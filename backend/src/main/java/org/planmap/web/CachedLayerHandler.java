package org.planmap.web;

import org.planmap.http.QueryParams;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.planmap.encode.CachedLayers;
import org.planmap.layer.ZoomBand;
import org.planmap.security.ResponseHeaders;

/**
 * The server's first handler. It answers {@code GET /api/layers/{id}/features} and {@code …?zoom=N} for the
 * cached small layers on Jetty's I/O thread, from bytes already in direct buffers with headers already encoded;
 * every other request goes to the thread pool and on to the servlet application (Spring Security, MVC) as usual.
 * <p>
 * Why this shape: the viewer loads these layers on every visit, and the target is nginx's rate for the same
 * bytes. Handing each request to a pool thread cost a third of that rate, and Tomcat's filter chain and valves
 * half of it (measured with {@code bench/run}; README 性能). Nothing here may block: it takes only answers that
 * {@link CachedLayers#ready} has built and checked recently, and hands everything else on, including the
 * request that finds a version check due, which the controller then makes.
 * <p>
 * It writes the same headers as the servlet path: the security headers from {@link ResponseHeaders}, caching
 * decided by {@link CachedLayerResponses}. A full thread pool queue is answered here with 503.
 */
public final class CachedLayerHandler extends Handler.Wrapper {

    private static final String PREFIX = "/api/layers/";
    private static final String SUFFIX = "/features";
    private static final String ZOOM = "zoom=";
    /** Answers of old layer versions are dropped when more than this many have been prepared. */
    private static final int MAX_PREPARED = 64;

    private static final HttpField CACHE_CONTROL = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL,
            CachedLayerResponses.CACHE_CONTROL);
    private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, CachedLayerResponses.VARY);
    private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");
    private static final HttpField HSTS = new PreEncodedHttpField(ResponseHeaders.HSTS.name(),
            ResponseHeaders.HSTS.value());

    private final Executor workers;
    private final Supplier<CachedLayers> cacheSource;
    private volatile CachedLayers cache;
    private final List<HttpField> securityHeaders;
    private final ConcurrentMap<CachedLayers.EncodedLayer, Prepared> prepared = new ConcurrentHashMap<>();

    /**
     * @param cache   looked up at the first request: the server is built before the application's beans
     * @param headers the security headers every answer carries
     */
    public CachedLayerHandler(Handler next, Supplier<CachedLayers> cache, ResponseHeaders headers) {
        this(next, cache, headers, null);
    }

    /** @param workers where requests are handed on; null: the server's thread pool */
    CachedLayerHandler(Handler next, Supplier<CachedLayers> cache, ResponseHeaders headers, Executor workers) {
        super(next);
        this.workers = workers;
        this.cacheSource = cache;
        this.securityHeaders = headers.answers().stream()
                .map(h -> (HttpField) new PreEncodedHttpField(h.name(), h.value())).toList();
    }

    /** Non-blocking, so Jetty runs {@link #handle} on the I/O thread; blocking work is handed on below. */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Optional<CachedLayers.EncodedLayer> answer = HttpMethod.GET.is(request.getMethod()) ? ready(request.getHttpURI()) : Optional.empty();
        if (answer.isPresent()) {
            send(answer.get(), request, response, callback);
        } else {
            handOn(request, response, callback);
        }
        return true;
    }

    private void handOn(Request request, Response response, Callback callback) {
        try {
            (workers != null ? workers : getServer().getThreadPool()).execute(() -> {
                try {
                    if (!super.handle(request, response, callback)) {
                        Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                    }
                } catch (Throwable t) {
                    Response.writeError(request, response, callback, t);
                }
            });
        } catch (RejectedExecutionException e) {
            Response.writeError(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503);
        }
    }

    private Optional<CachedLayers.EncodedLayer> ready(HttpURI uri) {
        String path = uri.getPath();
        if (path == null || !path.startsWith(PREFIX) || !path.endsWith(SUFFIX)
                || path.length() <= PREFIX.length() + SUFFIX.length()) {
            return Optional.empty();
        }
        String id = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
        if (!isPlainId(id)) {
            return Optional.empty();
        }
        String query = uri.getQuery();
        if (query == null || query.isEmpty()) {
            return cache().ready(id, Optional.empty());
        }
        int zoom = zoom(query);
        return zoom < 0 ? Optional.empty() : cache().ready(id, ZoomBand.forZoom(zoom));
    }

    private CachedLayers cache() {
        CachedLayers c = cache;
        if (c == null) {
            c = cacheSource.get();
            cache = c;
        }
        return c;
    }

    /** Layer ids are lower-case words and hyphens; anything else (encodings, dots, semicolons) goes the long way. */
    private static boolean isPlainId(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The zoom of a query that is exactly {@code zoom=N} with N in 0..30, else -1 (the controller decides). */
    private static int zoom(String query) {
        if (!query.startsWith(ZOOM) || query.length() == ZOOM.length() || query.length() > ZOOM.length() + 2) {
            return -1;
        }
        int zoom = 0;
        for (int i = ZOOM.length(); i < query.length(); i++) {
            char c = query.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            zoom = zoom * 10 + (c - '0');
        }
        return zoom <= QueryParams.MAX_ZOOM ? zoom : -1;
    }

    private void send(CachedLayers.EncodedLayer answer, Request request, Response response, Callback callback) {
        HttpFields headers = request.getHeaders();
        CachedLayerResponses.Reply reply = CachedLayerResponses.reply(answer,
                headers.get(HttpHeader.ACCEPT_ENCODING), headers.get(HttpHeader.IF_NONE_MATCH));
        Representation representation = prepare(answer).of(reply.gzip());
        HttpFields.Mutable fields = response.getHeaders();
        securityHeaders.forEach(fields::add);
        if (request.isSecure()) {
            fields.add(HSTS);
        }
        fields.add(representation.etag());
        fields.add(CACHE_CONTROL);
        fields.add(VARY);
        if (reply.notModified()) {
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            response.write(true, null, callback);
            return;
        }
        fields.add(representation.contentType());
        if (reply.gzip()) {
            fields.add(GZIP);
        }
        fields.add(representation.contentLength());
        response.setStatus(HttpStatus.OK_200);
        // A slice per request: its own position over the shared, read-only bytes.
        response.write(true, representation.body().slice(), callback);
    }

    private Prepared prepare(CachedLayers.EncodedLayer answer) {
        Prepared p = prepared.get(answer);
        if (p == null) {
            if (prepared.size() >= MAX_PREPARED) {
                prepared.clear();
            }
            p = prepared.computeIfAbsent(answer, Prepared::of);
        }
        return p;
    }

    /** One representation's bytes, outside the heap so the socket write copies nothing, and its encoded headers. */
    private record Representation(ByteBuffer body, HttpField etag, HttpField contentType, HttpField contentLength) {

        static Representation of(byte[] bytes, String etag, String mediaType) {
            ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
            return new Representation(direct, new PreEncodedHttpField(HttpHeader.ETAG, etag),
                    new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, mediaType),
                    new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, bytes.length));
        }
    }

    private record Prepared(Representation identity, Representation gzip) {

        static Prepared of(CachedLayers.EncodedLayer answer) {
            return new Prepared(
                    Representation.of(answer.body(), CachedLayerResponses.etag(answer, false), answer.mediaType()),
                    Representation.of(answer.gzip(), CachedLayerResponses.etag(answer, true), answer.mediaType()));
        }

        Representation of(boolean gzip) {
            return gzip ? this.gzip : identity;
        }
    }
}

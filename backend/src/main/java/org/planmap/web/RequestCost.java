package org.planmap.web;

import java.util.Arrays;
import java.util.function.ToLongFunction;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;
import org.planmap.render.MapImage;

/**
 * The one list of expensive requests, decided at the HTTP edge from the path and query alone, before any of the
 * application runs: what may take seconds of CPU or tens of megabytes of memory. Everything else (the catalog,
 * cached layers, tiles, single features, small pages, plan tables) is cheap.
 * <ul>
 * <li>{@code /api/map.png}, unless it is small: at most {@code smallImage} pixels and only layers of at most
 * {@code smallLimit} features (drawn from the geometries kept in memory, as a tile is). Even 1024×768 costs ~50 ms
 * of CPU and a 3 MB raster, and a crowd of them is what filled the heap;</li>
 * <li>{@code /api/layers/{id}/export} of a layer holding more than {@code smallLimit} features: a whole layer
 * encoded;</li>
 * <li>{@code /api/layers/{id}/features} with a query ({@code bbox}, {@code adcode}, {@code offset}) and
 * {@code /ogc/collections/{id}/items}, when they may answer more than {@code smallLimit} features. The limit, not
 * the box, bounds the cost: a box a tenth of a degree wide over a dense control line holds thousands of polygons.
 * So does the layer's own size: a bbox query of the 117 counties (kept parsed in memory) is cheap whatever its
 * limit, and sending it to the pool made a crowd of them queue behind map images and get 503s.</li>
 * <li>{@code POST /api/site-review}: a site cut against every county and control line, and maybe a PDF report;</li>
 * <li>{@code /api/print.pdf} and {@code /api/atlas.pdf}: a map (or 117) drawn into a PDF.</li>
 * </ul>
 * Small answers stay off the pool even though they are not free, because the pool is a station of its own: its
 * two threads get two of the ~200 runnable threads' share of the cores, so under a crowd whose every client asks a
 * small map image or export now and then (bench/load) the clients piled up in its queue, and the full queue
 * answered 503 while the waiting made the tail (2.2 s p99, 5 % 503 on a quiet machine). Their memory stays bounded:
 * exports stream, and a small image's raster is at most {@code smallImage} × 4 bytes for each of the few cheap
 * requests worked on at once ({@link CheapRequests}).
 */
final class RequestCost {

    private static final String LAYERS = "/api/layers/";
    private static final String COLLECTIONS = "/ogc/collections/";

    private final int smallLimit;
    private final long smallImage;
    private final ToLongFunction<String> featureCount;

    /** @param featureCount the features a layer holds, from the catalog; {@code Long.MAX_VALUE} when unknown */
    RequestCost(int smallLimit, long smallImage, ToLongFunction<String> featureCount) {
        this.smallLimit = smallLimit;
        this.smallImage = smallImage;
        this.featureCount = featureCount;
    }

    boolean expensive(Request request) {
        String method = request.getMethod();
        // Decoded and normalised as the application will see it, so that an escape cannot dodge the list.
        String path = request.getHttpURI().getCanonicalPath();
        if (path == null) {
            return false;
        }
        if (HttpMethod.POST.is(method)) {
            return path.equals("/api/site-review");
        }
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
            return false;
        }
        if (path.equals("/api/print.pdf") || path.equals("/api/atlas.pdf")) {
            return true;
        }
        if (path.equals("/api/map.png")) {
            return !smallImage(query(request));
        }
        if (path.startsWith(LAYERS) && path.endsWith("/export")) {
            return large(path, LAYERS, "/export");
        }
        if (path.startsWith(LAYERS) && path.endsWith("/features")) {
            Fields query = query(request);
            boolean whole = query == null || query.get("bbox") == null && query.get("adcode") == null
                    && query.get("offset") == null && query.get("limit") == null;
            // The whole layer (or a zoom band of it) is answered from the layer cache; its default page is 10 000.
            return !whole && overSmall(query.getValue("limit"), Integer.MAX_VALUE) && large(path, LAYERS, "/features");
        }
        if (path.startsWith(COLLECTIONS) && path.endsWith("/items")) {
            Fields query = query(request);
            return query != null && overSmall(query.getValue("limit"), 0) && large(path, COLLECTIONS, "/items");
        }
        return false;
    }

    /** Whether a limit parameter allows more than smallLimit features; {@code absent} is the endpoint's default. */
    private boolean overSmall(String limit, long absent) {
        if (limit == null || limit.isBlank()) {
            return absent > smallLimit;
        }
        String digits = limit.strip();
        if (!digits.matches("\\d{1,18}")) {
            return false; // refused with 400 by the endpoint, at no cost
        }
        return Long.parseLong(digits) > smallLimit;
    }

    /**
     * Whether a map image asks at most smallImage pixels of layers that each hold at most smallLimit features (the
     * labels are drawn from those layers). Without a size or a layer list it is the server's default map, 1200×900
     * of the viewer's layers: not small.
     */
    private boolean smallImage(Fields query) {
        if (query == null) {
            return false;
        }
        long width = pixels(query.getValue("width"));
        long height = pixels(query.getValue("height"));
        String layers = query.getValue("layers");
        if (width < 0 || height < 0 || width * height > smallImage || layers == null) {
            return false;
        }
        return Arrays.stream(layers.split(",")).map(String::strip)
                .filter(id -> !id.isEmpty() && !id.equals(MapImage.LABELS)).noneMatch(this::largeLayer);
    }

    /** A width or height as asked, or -1 when absent or not a plain number (the endpoint judges those). */
    private static long pixels(String text) {
        if (text == null || !text.strip().matches("\\d{1,9}")) {
            return -1;
        }
        return Long.parseLong(text.strip());
    }

    /** Whether the layer named between {@code prefix} and {@code suffix} holds more than smallLimit features. */
    private boolean large(String path, String prefix, String suffix) {
        return largeLayer(path.substring(prefix.length(), path.length() - suffix.length()));
    }

    private boolean largeLayer(String layerId) {
        try {
            return featureCount.applyAsLong(layerId) > smallLimit;
        } catch (RuntimeException e) {
            return true; // the catalog cannot be read (the database is down): the request reports that on the pool
        }
    }

    /** The query parameters, or null when they cannot be parsed (the application answers that with 400). */
    private static Fields query(Request request) {
        try {
            return Request.extractQueryParameters(request);
        } catch (RuntimeException e) {
            return null;
        }
    }
}

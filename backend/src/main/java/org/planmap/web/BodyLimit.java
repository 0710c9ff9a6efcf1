package org.planmap.web;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Stops reading a request body at a limit as it streams in, for one endpoint whose bodies are small by nature
 * (a site review: 20 MB). A {@code Content-Length} over the limit is refused from the headers ({@code WriteGate});
 * a chunked body says no length, and multipart parsing would otherwise spool it whole, up to the import limit
 * (512 MB), before the controller could look at its size. Counted below the servlet layer, where multipart
 * parsing reads too (as {@link MinimumDataRate} measures).
 */
public final class BodyLimit extends Handler.Wrapper {

    /** The message Spring's multipart resolver recognises as a size limit (it then answers 413). */
    static final String EXCEEDED = "request body exceeds the size limit of %d bytes";

    private final String method;
    private final String path;
    private final long maxBytes;

    public BodyLimit(Handler next, String method, String path, long maxBytes) {
        super(next);
        this.method = method;
        this.path = path;
        this.maxBytes = maxBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        boolean limited = method.equals(request.getMethod()) && path.equals(request.getHttpURI().getPath());
        return super.handle(limited ? new Counted(request) : request, response, callback);
    }

    private final class Counted extends Request.Wrapper {
        private long bytes;
        private Content.Chunk exceeded;

        Counted(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            if (exceeded != null) {
                return exceeded;
            }
            Content.Chunk chunk = super.read();
            if (chunk != null) {
                bytes += chunk.remaining();
                if (bytes > maxBytes) {
                    chunk.release();
                    exceeded = Content.Chunk.from(new BadMessageException(HttpStatus.PAYLOAD_TOO_LARGE_413, EXCEEDED.formatted(maxBytes)));
                    return exceeded;
                }
            }
            return chunk;
        }
    }
}

package org.planmap.web;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;

/**
 * Cuts off a request body that arrives slower than a floor rate, measured per request from its first read once a
 * grace period has passed: a client sending a byte now and then would otherwise keep a worker thread (a multipart
 * upload being spooled, a JSON body being parsed) for as long as each byte beats the idle timeout. Jetty's own
 * {@code HttpConfiguration.minRequestDataRate} does not see multipart parsing and refuses small bodies read a few
 * milliseconds late; its {@code MinimumDataRateHandler} measures the bytes of all requests together.
 */
public final class MinimumDataRate extends Handler.Wrapper {

    private final long bytesPerSecond;
    private final long graceNanos;

    /** {@code bytesPerSecond} 0 turns the check off. */
    public MinimumDataRate(Handler next, long bytesPerSecond, Duration grace) {
        super(next);
        this.bytesPerSecond = bytesPerSecond;
        this.graceNanos = grace.toNanos();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(bytesPerSecond > 0 ? new Metered(request) : request, response, callback);
    }

    private final class Metered extends Request.Wrapper {
        private long firstRead;
        private long bytes;
        private Content.Chunk tooSlow;

        Metered(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            if (tooSlow != null) {
                return tooSlow;
            }
            if (firstRead == 0) {
                firstRead = NanoTime.now();
            }
            Content.Chunk chunk = super.read();
            if (chunk != null) {
                bytes += chunk.remaining();
                if (chunk.isLast()) {
                    return chunk;
                }
            }
            long elapsed = NanoTime.since(firstRead);
            if (elapsed > graceNanos && bytes * 1_000_000_000.0 / elapsed < bytesPerSecond) {
                if (chunk != null) {
                    chunk.release();
                }
                tooSlow = Content.Chunk.from(new TimeoutException("request body slower than " + bytesPerSecond + " B/s"));
                return tooSlow;
            }
            return chunk;
        }
    }
}

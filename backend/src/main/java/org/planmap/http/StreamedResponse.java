package org.planmap.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * A response body written as it is produced, from a feature cursor straight to the client, with the two rules a
 * streamed answer needs. Until its first byte nothing is sent, not even the headers ({@code headers} runs just
 * before it), so a failure before then is still an ordinary problem document. After it, a failure aborts the
 * response ({@link Aborted}: the connection is closed without the end of the body) instead of letting an error
 * document be appended to half a file, or a cut file end as if complete. Writing to a client that went away throws
 * at once, so the loop reading the cursor stops and its {@code finally} gives the store connection back.
 */
public final class StreamedResponse extends OutputStream {

    /** A failure after the first byte: deliberately not handled by {@link ApiErrors}, so Jetty aborts the response. */
    public static final class Aborted extends RuntimeException {
        Aborted(Throwable cause) {
            super("response aborted after its first byte: " + cause, cause);
        }
    }

    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private final HttpServletResponse response;
    private final Runnable headers;
    private final int keepAtMost;
    private ByteArrayOutputStream kept;
    private OutputStream out;

    private StreamedResponse(HttpServletResponse response, Runnable headers, int keepAtMost) {
        this.response = response;
        this.headers = headers;
        this.keepAtMost = keepAtMost;
        this.kept = keepAtMost > 0 ? new ByteArrayOutputStream() : null;
    }

    /** Writes {@code body} to {@code response}, headers set by {@code headers} before the first byte. */
    public static void send(HttpServletResponse response, Runnable headers, Body body) throws IOException {
        send(response, headers, 0, body);
    }

    /**
     * {@link #send}, and the whole body when it stays within {@code keepAtMost} bytes (for a cache of small
     * answers; a larger one is never held in memory: the copy is dropped as soon as it outgrows the limit).
     */
    public static Optional<byte[]> send(HttpServletResponse response, Runnable headers, int keepAtMost, Body body)
            throws IOException {
        StreamedResponse out = new StreamedResponse(response, headers, keepAtMost);
        try {
            body.writeTo(out);
            out.start();   // an empty body still gets its headers
            out.out.flush();
        } catch (IOException | RuntimeException e) {
            if (out.out != null) {
                throw new Aborted(e);
            }
            throw e;
        }
        return Optional.ofNullable(out.kept).map(ByteArrayOutputStream::toByteArray);
    }

    private void start() throws IOException {
        if (out == null) {
            headers.run();
            out = response.getOutputStream();
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        start();
        out.write(b, off, len);
        if (kept != null) {
            if (kept.size() + len > keepAtMost) {
                kept = null;
            } else {
                kept.write(b, off, len);
            }
        }
    }

    @Override
    public void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    /** Encoders close the stream they write to; the servlet container closes the response's own. */
    @Override
    public void close() throws IOException {
        flush();
    }
}

package org.planmap.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * A response body written as it is produced, from a feature cursor straight to the client, with the two rules a
 * streamed answer needs. Until its first byte is sent nothing is, not even the headers ({@code headers} runs just
 * before it), so a failure before then is still an ordinary problem document. After it, a failure aborts the
 * response ({@link Aborted}: the connection is closed without the end of the body) instead of letting an error
 * document be appended to half a file, or a cut file end as if complete. Once it streams, writing to a client that
 * went away throws at once, so the loop reading the cursor stops and its {@code finally} gives the store
 * connection back.
 * <p>
 * The first {@link #WHOLE_AT_MOST} bytes are held back: an answer that ends within them (one feature, a page of a
 * few dozen) is sent whole with a {@code Content-Length}, in one write, as a body built in memory was, and a failure
 * while it is held back is still a problem document. Sent as written, such an answer was committed chunked by the
 * encoder's closing flush, written to the socket inside the handler and ended by a second write. Only a larger
 * answer streams, in memory bounded by this head.
 */
public final class StreamedResponse extends OutputStream {

    /** The largest answer sent whole, with a Content-Length; anything longer streams chunked after this much. */
    public static final int WHOLE_AT_MOST = 64 * 1024;

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
    /** What was written and not sent yet: null once the answer streams. */
    private ByteArrayOutputStream head = new ByteArrayOutputStream(8 * 1024);
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
            out.finish();
        } catch (IOException | RuntimeException e) {
            if (out.out != null) {
                throw new Aborted(e);
            }
            throw e;
        }
        return Optional.ofNullable(out.kept).map(ByteArrayOutputStream::toByteArray);
    }

    /** The end: an answer still held back goes out whole (an empty one too, with its headers). */
    private void finish() throws IOException {
        if (head != null) {
            response.setContentLength(head.size());
            sendHead();
        } else {
            out.flush();
        }
    }

    private void sendHead() throws IOException {
        headers.run();
        out = response.getOutputStream();
        head.writeTo(out);
        head = null;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (head != null && head.size() + len <= WHOLE_AT_MOST) {
            head.write(b, off, len);
        } else {
            if (head != null) {
                sendHead();
            }
            out.write(b, off, len);
        }
        if (kept != null) {
            if (kept.size() + len > keepAtMost) {
                kept = null;
            } else {
                kept.write(b, off, len);
            }
        }
    }

    /** Encoders flush as they close: while the answer is held back, that must not commit it to a chunked one. */
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

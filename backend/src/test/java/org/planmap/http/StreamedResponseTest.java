package org.planmap.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.planmap.store.StoreException;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The two rules of a streamed answer: nothing before the first byte, no finished-looking cut file after it; and a
 * small answer sent whole.
 */
class StreamedResponseTest {

    private static final Runnable NO_HEADERS = () -> { };

    @Test
    void aFailureBeforeTheFirstByteLeavesTheResponseUntouchedForAProblemDocument() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThatThrownBy(() -> StreamedResponse.send(response, () -> response.setContentType("application/zip"), out -> {
            throw new StoreException("the database went away");
        })).isInstanceOf(StoreException.class);
        assertThat(response.isCommitted()).isFalse();
        assertThat(response.getContentType()).as("headers wait for the first byte").isNull();
        assertThat(response.getContentAsByteArray()).isEmpty();
    }

    @Test
    void aFailureAfterTheFirstByteAbortsTheResponse() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        byte[] head = new byte[StreamedResponse.WHOLE_AT_MOST + 1];
        assertThatThrownBy(() -> StreamedResponse.send(response, () -> response.setContentType("text/csv"), out -> {
            out.write(head);
            throw new StoreException("the database went away");
        })).isInstanceOf(StreamedResponse.Aborted.class).hasCauseInstanceOf(StoreException.class);
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getContentAsByteArray()).isEqualTo(head);
    }

    /** Held back, nothing was sent: the failure is still an ordinary problem document, even after the encoder flushed. */
    @Test
    void aFailureWhileTheAnswerIsHeldBackLeavesTheResponseUntouched() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThatThrownBy(() -> StreamedResponse.send(response, () -> response.setContentType("text/csv"), out -> {
            out.write("id,name\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw new StoreException("the database went away");
        })).isInstanceOf(StoreException.class);
        assertThat(response.isCommitted()).isFalse();
        assertThat(response.getContentType()).isNull();
        assertThat(response.getContentAsByteArray()).isEmpty();
    }

    /** A small answer goes whole, with its length, however the encoder wrote and flushed it; a larger one streams. */
    @Test
    void anAnswerWithinTheHeadIsSentWholeWithItsLength() throws Exception {
        MockHttpServletResponse small = new MockHttpServletResponse();
        byte[] body = new byte[StreamedResponse.WHOLE_AT_MOST];
        StreamedResponse.send(small, NO_HEADERS, out -> {
            out.write(body, 0, 10);
            out.flush();
            out.write(body, 10, body.length - 10);
            out.close();
        });
        assertThat(small.getHeader("Content-Length")).isEqualTo(String.valueOf(body.length));
        assertThat(small.getContentAsByteArray()).isEqualTo(body);

        MockHttpServletResponse large = new MockHttpServletResponse();
        StreamedResponse.send(large, NO_HEADERS, out -> {
            out.write(body);
            out.write(1);
        });
        assertThat(large.getHeader("Content-Length")).isNull();
        assertThat(large.getContentAsByteArray()).hasSize(body.length + 1);
    }

    @Test
    void aBodyIsKeptOnlyWhileItStaysUnderTheLimit() throws Exception {
        byte[] body = new byte[1000];
        Optional<byte[]> small = StreamedResponse.send(new MockHttpServletResponse(), NO_HEADERS, 1000, out -> out.write(body));
        assertThat(small).hasValueSatisfying(b -> assertThat(b).hasSize(1000));
        MockHttpServletResponse response = new MockHttpServletResponse();
        Optional<byte[]> large = StreamedResponse.send(response, NO_HEADERS, 999, out -> {
            out.write(body, 0, 500);
            out.write(body, 500, 500);
        });
        assertThat(large).isEmpty();
        assertThat(response.getContentAsByteArray()).hasSize(1000);
    }

    @Test
    void anEmptyBodyStillGetsItsHeaders() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        StreamedResponse.send(response, () -> response.setContentType("application/geo+json"), out -> { });
        assertThat(response.getContentType()).isEqualTo("application/geo+json");
        assertThat(response.getHeader("Content-Length")).isEqualTo("0");
    }
}

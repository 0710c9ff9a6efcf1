package org.planmap.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.planmap.security.ResponseHeaders;
import org.planmap.security.SecurityProblems;
import org.springframework.http.HttpStatus;

/**
 * Jetty's own error report, for requests refused before they reach Spring (a malformed request line, a URL or
 * header too long, a request the cached-layer handler could not hand on): the bilingual problem document every
 * other error is, with the same security headers, instead of Jetty's HTML page.
 */
public final class JettyErrorReport extends ErrorHandler {

    private final ResponseHeaders headers;

    public JettyErrorReport(ResponseHeaders headers) {
        this.headers = headers;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        HttpFields.Mutable fields = response.getHeaders();
        fields.put(HttpHeader.CONTENT_TYPE, SecurityProblems.MEDIA_TYPE + ";charset=utf-8");
        response.write(true, body(code, fields), callback);
    }

    /** Answers a request the parser refused; Jetty sends the status line and these fields. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, SecurityProblems.MEDIA_TYPE + ";charset=utf-8");
        return body(status, fields);
    }

    private ByteBuffer body(int code, HttpFields.Mutable fields) {
        headers.problems().forEach(h -> fields.put(new HttpField(h.name(), h.value())));
        if (code == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            // Jetty's own 503 means its workers are all busy (CachedLayerHandler's full queue): soon is fine.
            fields.put(HttpHeader.RETRY_AFTER, "1");
        }
        HttpStatus status = HttpStatus.resolve(code);
        String document = status == null
                ? SecurityProblems.document(HttpStatus.BAD_REQUEST, "http-" + code, "请求无效", "bad request")
                : SecurityProblems.document(status, "http-" + code, ApiErrors.chinese(status), status.getReasonPhrase());
        return ByteBuffer.wrap(document.getBytes(StandardCharsets.UTF_8));
    }
}

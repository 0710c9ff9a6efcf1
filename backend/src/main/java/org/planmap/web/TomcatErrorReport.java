package org.planmap.web;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.planmap.security.SecurityProblems;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error report, for requests refused before they reach Spring (a URL or header too long, a
 * malformed request line): the bilingual problem document every other error is, instead of Tomcat's HTML page.
 */
public final class TomcatErrorReport extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable t) {
        HttpStatus status = HttpStatus.resolve(response.getStatus());
        if (status == null || status.value() < 400 || response.getContentWritten() > 0 || response.isCommitted()) {
            return;
        }
        try {
            response.resetBuffer();
            SecurityProblems.writeWithSecurityHeaders(response, status, "http-" + status.value(),
                    ApiErrors.chinese(status), status.getReasonPhrase());
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the body already started: nothing better can be sent
        }
    }
}

package org.planmap.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container's error dispatch shows — errors raised outside Spring MVC (a filter's
 * {@code sendError}, a URL the firewall refused, an exception in a filter): the same bilingual problem document
 * as {@link ApiErrors}, instead of Spring Boot's own JSON or an HTML page. Replaces Boot's BasicErrorController.
 */
@RestController
class ErrorPages implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            return notFound(); // asked for by name: there is no such page
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.valueOf(c)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        return problem(status);
    }

    /** A folder of static files ({@code /js/}) is no page: 404, not the empty 200 the resource handler gives it. */
    @GetMapping("/{folder:[\\w.-]+}/")
    ResponseEntity<ProblemDetail> notFound() {
        return problem(HttpStatus.NOT_FOUND);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status) {
        ProblemDetail p = ApiErrors.problem(status, "http-" + status.value(), ApiErrors.chinese(status),
                status.getReasonPhrase());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}

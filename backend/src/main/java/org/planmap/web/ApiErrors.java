package org.planmap.web;

import org.planmap.http.ApiException;
import java.util.Map;
import org.planmap.ClientFault;
import org.planmap.importer.ImportService;
import org.planmap.importer.ImportStatus;
import org.planmap.layer.Abandoned;
import org.planmap.layer.UnknownLayerException;
import org.planmap.store.StoreException;
import org.planmap.store.StoreFullException;
import org.planmap.store.StoreUnavailableException;
import org.planmap.store.UnknownVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into an RFC 9457 problem document with the message in Chinese ({@code detail})
 * and in both languages ({@code message.zh}, {@code message.en}). Internal failures are logged and
 * answered without internals: no stack trace, no SQL. Spring's own errors (unknown path, wrong method,
 * unreadable parameter) get the same shape through {@link #handleExceptionInternal}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    /**
     * A file, a coordinate system or a parameter the client can fix, whichever part of planmap refused it; a
     * refusal's report goes whole into the member {@code report} (RFC 9457 extension), so a client reads why.
     */
    @ExceptionHandler(ClientFault.class)
    ProblemDetail clientFault(ClientFault e) {
        ProblemDetail p = problem(status(e.kind()), e.code(), e.messageZh(), e.messageEn());
        e.report().ifPresent(report -> p.setProperty("report", report));
        return p;
    }

    /** The one mapping of a kind of client fault to its status. */
    static HttpStatus status(ClientFault.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case REFUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    /**
     * A failed import is a problem document like every other error, carrying the job's {@code id}, {@code state} and
     * {@code error} as well, and its address, so that a client reads it as it reads a polled job.
     */
    @ExceptionHandler(ImportFailed.class)
    ResponseEntity<ProblemDetail> importFailed(ImportFailed e) {
        ImportStatus job = e.status();
        ImportStatus.Error error = job.error();
        HttpStatus http = error.clientError() ? status(error.fault())
                : error.code().equals(ImportService.DISK_FULL) ? HttpStatus.INSUFFICIENT_STORAGE
                : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail p = problem(http, error.code(), error.messageZh(), error.messageEn());
        p.setProperty("id", job.id());
        p.setProperty("state", job.state());
        p.setProperty("error", error);
        return ResponseEntity.status(http).location(ImportFailed.job(job)).body(p);
    }

    @ExceptionHandler(UnknownLayerException.class)
    ProblemDetail unknownLayer(UnknownLayerException e) {
        return problem(HttpStatus.NOT_FOUND, "layer-not-found", "没有图层 " + e.layerId(), "no layer " + e.layerId());
    }

    @ExceptionHandler(UnknownVersionException.class)
    ProblemDetail unknownVersion(UnknownVersionException e) {
        return problem(HttpStatus.NOT_FOUND, "version-not-found", "图层 " + e.layerId() + " 没有保留的版本 " + e.number()
                + "（可能从未有过，或已按保留策略清除）", "layer " + e.layerId() + " keeps no version " + e.number()
                + " (never made, or pruned by the retention setting)");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return clientFault(ApiException.badParameter(e.getName(), "格式不正确", "wrong format"));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail p
                && (p.getProperties() == null || !p.getProperties().containsKey("code"))) {
            String en = p.getDetail() == null ? String.valueOf(p.getTitle()) : p.getDetail();
            p.setProperty("code", "http-" + status.value());
            p.setProperty("message", Map.of("zh", chinese(status), "en", en));
        }
        return response;
    }

    static String chinese(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "请求无效";
            case 404 -> "未找到所请求的资源";
            case 405 -> "不支持该请求方法";
            case 406 -> "无法提供所请求的格式";
            case 401 -> "需要登录";
            case 403 -> "没有权限";
            case 413 -> "上传内容过大";
            case 415 -> "不支持该内容类型";
            default -> status.is5xxServerError() ? "服务器内部错误" : "请求未能完成";
        };
    }

    /** The database is down or restarting: say so with 503 and a retry hint, the way a proxy or client expects. */
    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(StoreUnavailableException e) {
        log.warn("store unavailable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "数据库暂时无法连接，请稍后再试",
                        "the database is unreachable right now; please try again shortly"));
    }

    /**
     * Work stopped because its client closed the connection ({@link ExpensiveRequests}): nobody reads this answer,
     * unless a client only half-closed; then it is told to ask again, like any refusal under load.
     */
    @ExceptionHandler(Abandoned.class)
    ResponseEntity<ProblemDetail> abandoned(Abandoned e) {
        return abandoned();
    }

    private static ResponseEntity<ProblemDetail> abandoned() {
        log.debug("work stopped: its client has gone");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "abandoned", "连接已断开，请求已停止；如仍需要，请重试",
                        "the connection was closed, so the work was stopped; ask again if you still need it"));
    }

    /** No room left to write (e.g. deleting a layer re-stores the demonstration data): 507, nothing changed. */
    @ExceptionHandler(StoreFullException.class)
    ProblemDetail storeFull(StoreFullException e) {
        log.error("store full: {}", e.getMessage());
        return problem(HttpStatus.INSUFFICIENT_STORAGE, "disk-full", "磁盘空间不足，数据未改变，请释放空间后重试",
                "the disk is full; nothing was changed; free some space and try again");
    }

    @ExceptionHandler(StoreException.class)
    ResponseEntity<ProblemDetail> store(StoreException e) {
        if (Thread.currentThread().isInterrupted()) {
            // Not the store failing: the read was interrupted because its client left (ExpensiveRequests).
            return abandoned();
        }
        log.error("store failure", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "store-failure",
                "数据存储出错，请稍后再试", "the data store failed; please try again later"));
    }

    static ProblemDetail problem(HttpStatus status, String code, String zh, String en) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, zh);
        p.setProperty("code", code);
        p.setProperty("message", Map.of("zh", zh, "en", en));
        return p;
    }
}

package org.planmap.web;

import java.util.Map;
import org.planmap.layer.UnknownLayerException;
import org.planmap.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns every error into an RFC 9457 problem document with the message in Chinese ({@code detail})
 * and in both languages ({@code message.zh}, {@code message.en}). Internal failures are logged and
 * answered without internals: no stack trace, no SQL.
 */
@RestControllerAdvice
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ApiException.class)
    ProblemDetail api(ApiException e) {
        return problem(e.status(), e.code(), e.messageZh(), e.messageEn());
    }

    @ExceptionHandler(UnknownLayerException.class)
    ProblemDetail unknownLayer(UnknownLayerException e) {
        return problem(HttpStatus.NOT_FOUND, "layer-not-found", "没有图层 " + e.layerId(), "no layer " + e.layerId());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return api(ApiException.badParameter(e.getName(), "格式不正确", "wrong format"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "missing-parameter", "缺少参数 " + e.getParameterName(),
                "missing parameter " + e.getParameterName());
    }

    @ExceptionHandler(StoreException.class)
    ProblemDetail store(StoreException e) {
        log.error("store failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "store-failure", "数据存储出错，请稍后再试",
                "the data store failed; please try again later");
    }

    static ProblemDetail problem(HttpStatus status, String code, String zh, String en) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, zh);
        p.setProperty("code", code);
        p.setProperty("message", Map.of("zh", zh, "en", en));
        return p;
    }
}

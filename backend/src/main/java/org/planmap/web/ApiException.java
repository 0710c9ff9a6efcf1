package org.planmap.web;

import org.springframework.http.HttpStatus;

/**
 * An error a client caused or can act on, said in Chinese (planners' language) and English.
 *
 * @param code stable, machine-readable (e.g. {@code county-not-found})
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String messageZh;

    public ApiException(HttpStatus status, String code, String messageZh, String messageEn) {
        super(messageEn);
        this.status = status;
        this.code = code;
        this.messageZh = messageZh;
    }

    public static ApiException badParameter(String name, String messageZh, String messageEn) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter",
                "参数 " + name + " 无效：" + messageZh, "invalid parameter " + name + ": " + messageEn);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return getMessage();
    }
}

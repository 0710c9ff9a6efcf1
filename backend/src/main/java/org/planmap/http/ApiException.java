package org.planmap.http;

import org.planmap.ClientFault;

/**
 * A refusal the HTTP edge itself decides — an unknown county, a parameter out of range, a missing login — shared
 * by {@code /api} and {@code /ogc}: a {@link ClientFault} like the domain's own, so one handler answers both.
 *
 * @param code stable, machine-readable (e.g. {@code county-not-found})
 */
public class ApiException extends ClientFault {

    public ApiException(Kind kind, String code, String messageZh, String messageEn) {
        super(kind, code, messageZh, messageEn, null);
    }

    private ApiException(Kind kind, String code, String messageZh, String messageEn, Object report) {
        super(kind, code, messageZh, messageEn, null, report);
    }

    /** The request was read through and refused as a whole; {@code report} (a record) says what was found. */
    public static ApiException refused(String code, String messageZh, String messageEn, Object report) {
        return new ApiException(Kind.REFUSED, code, messageZh, messageEn, java.util.Objects.requireNonNull(report));
    }

    public static ApiException badParameter(String name, String messageZh, String messageEn) {
        return new ApiException(Kind.INVALID, "invalid-parameter",
                "参数 " + name + " 无效：" + messageZh, "invalid parameter " + name + ": " + messageEn);
    }

    public static ApiException notFound(String code, String messageZh, String messageEn) {
        return new ApiException(Kind.NOT_FOUND, code, messageZh, messageEn);
    }
}

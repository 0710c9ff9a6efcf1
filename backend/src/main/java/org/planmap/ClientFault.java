package org.planmap;

import java.util.Optional;

/**
 * Something the client can fix — a file, a coordinate system, a parameter — said in Chinese (planners'
 * language) and English, with a stable code and the {@link Kind} of fault. The one root of every refusal: domain
 * and road code throw their own subclass, the HTTP edge its {@code ApiException}, and the edge answers each with
 * the 4xx status its kind names, never by reading the code's text. A {@link Kind#REFUSED} fault carries the
 * {@link #report()} that says why, which the answer shows whole beside the message.
 */
public abstract class ClientFault extends RuntimeException {

    /** What kind of refusal this is; the HTTP edge maps each to one status. */
    public enum Kind {
        /** Something wrong with a file or a parameter (400). */
        INVALID,
        /** An unknown layer, county, document or job (404). */
        NOT_FOUND,
        /** Over a size limit: upload, unzipped bytes, entries, features, vertices (413). */
        TOO_LARGE,
        /** A file type planmap does not read (415). */
        UNSUPPORTED_TYPE,
        /** No credentials, or wrong ones (401). */
        UNAUTHENTICATED,
        /** Logged in, but this account may not do it (403). */
        FORBIDDEN,
        /**
         * Read through and found wanting as a whole — a department's county file missing counties — so nothing was
         * changed, and the report of what was found goes with the refusal (422).
         */
        REFUSED
    }

    private final Kind kind;
    private final String code;
    private final String messageZh;
    private final Object report;

    protected ClientFault(Kind kind, String code, String messageZh, String messageEn, Throwable cause) {
        this(kind, code, messageZh, messageEn, cause, null);
    }

    /** A {@link Kind#REFUSED} fault with its report (a record the edge writes as JSON); other kinds carry none. */
    protected ClientFault(Kind kind, String code, String messageZh, String messageEn, Throwable cause, Object report) {
        super(messageEn, cause);
        if ((kind == Kind.REFUSED) != (report != null)) {
            throw new IllegalArgumentException("a refusal, and only a refusal, carries its report: " + kind);
        }
        this.kind = kind;
        this.code = code;
        this.messageZh = messageZh;
        this.report = report;
    }

    protected ClientFault(String code, String messageZh, String messageEn, Throwable cause) {
        this(Kind.INVALID, code, messageZh, messageEn, cause);
    }

    public Kind kind() {
        return kind;
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

    /** What a {@link Kind#REFUSED} fault found, for the client to act on; empty for every other kind. */
    public Optional<Object> report() {
        return Optional.ofNullable(report);
    }
}

package org.planmap.importer;

/**
 * An upload planmap refuses, said so that the planner can fix the file: what is wrong, in Chinese and English,
 * with a stable code. Always the client's to fix (HTTP 4xx), never a server fault.
 */
public class ImportException extends RuntimeException {

    private final String code;
    private final String messageZh;

    public ImportException(String code, String messageZh, String messageEn) {
        super(messageEn);
        this.code = code;
        this.messageZh = messageZh;
    }

    public ImportException(String code, String messageZh, String messageEn, Throwable cause) {
        super(messageEn, cause);
        this.code = code;
        this.messageZh = messageZh;
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

package org.planmap;

/**
 * Something the client can fix — a file, a coordinate system, a parameter — said in Chinese (planners'
 * language) and English, with a stable code. The web layer answers every one with a 4xx problem document,
 * without parsing text; domain code throws its own subclass.
 */
public abstract class ClientFault extends RuntimeException {

    private final String code;
    private final String messageZh;

    protected ClientFault(String code, String messageZh, String messageEn, Throwable cause) {
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

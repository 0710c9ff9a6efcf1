package org.planmap.importer;

import org.planmap.ClientFault;

/**
 * An upload planmap refuses, said so that the planner can fix the file: what is wrong, in Chinese and English,
 * with a stable code. Always the client's to fix (HTTP 4xx), never a server fault.
 */
public class ImportException extends ClientFault {

    public ImportException(String code, String messageZh, String messageEn) {
        super(code, messageZh, messageEn, null);
    }

    /** A refusal of another {@link Kind} than a wrong file: over a limit, or a type planmap does not read. */
    public ImportException(Kind kind, String code, String messageZh, String messageEn) {
        super(kind, code, messageZh, messageEn, null);
    }

    public ImportException(String code, String messageZh, String messageEn, Throwable cause) {
        super(code, messageZh, messageEn, cause);
    }

}

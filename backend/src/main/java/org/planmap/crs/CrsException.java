package org.planmap.crs;

import org.planmap.ClientFault;

/**
 * A coordinate system or coordinates planmap refuses, said in Chinese (planners' language) and English,
 * with a stable code so the import and the web layer can map it to a problem document without parsing text.
 */
public class CrsException extends ClientFault {

    /** The unsupported code, the WKT that is not WKT, the WKT that is no supported CRS, implausible data. */
    public static final String UNSUPPORTED = "crs-unsupported";
    public static final String UNREADABLE = "crs-unreadable";
    public static final String UNRECOGNISED = "crs-unrecognised";
    public static final String IMPLAUSIBLE = "crs-implausible-coordinates";

    public CrsException(String code, String messageZh, String messageEn) {
        super(code, messageZh, messageEn, null);
    }
}

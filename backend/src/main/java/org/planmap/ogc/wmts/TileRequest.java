package org.planmap.ogc.wmts;

import java.util.Map;

/**
 * A GetTile request as the client wrote it, before any of it is judged: the same for the KVP form
 * ({@code ?REQUEST=GetTile&LAYER=…}) and the RESTful path ({@code /1.0.0/{layer}/{style}/…/{col}.png}).
 */
record TileRequest(String layer, String style, String format, String matrixSet, String matrix, String row, String col) {

    /** From KVP parameters, their names in upper case ({@link KvpRequest}). */
    static TileRequest ofKvp(Map<String, String> params) {
        return new TileRequest(required(params, "LAYER"), required(params, "STYLE"), required(params, "FORMAT"),
                required(params, "TILEMATRIXSET"), required(params, "TILEMATRIX"), required(params, "TILEROW"),
                required(params, "TILECOL"));
    }

    static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            throw OwsException.missing(name);
        }
        return value.strip();
    }
}

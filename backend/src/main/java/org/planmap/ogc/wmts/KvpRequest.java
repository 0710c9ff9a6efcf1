package org.planmap.ogc.wmts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request in WMTS's KVP encoding ({@code /wmts?SERVICE=WMTS&REQUEST=…}): GetCapabilities, or GetTile with the
 * tile it asks for. Parameter names are case-insensitive (OGC 06-121r3 11.5.2); a repeated one counts once, by
 * its first value; parameters WMTS does not define are ignored, as OGC services do (clients add their own keys).
 *
 * @param tile null for GetCapabilities
 */
record KvpRequest(TileRequest tile) {

    static KvpRequest parse(Map<String, List<String>> query) {
        Map<String, String> params = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            if (!values.isEmpty()) {
                params.putIfAbsent(name.toUpperCase(Locale.ROOT), values.get(0));
            }
        });
        if (!TileRequest.required(params, "SERVICE").equalsIgnoreCase("WMTS")) {
            throw OwsException.invalid("SERVICE", "应为 WMTS", "must be WMTS");
        }
        String operation = TileRequest.required(params, "REQUEST");
        String version = params.get("VERSION");
        if (version != null && !version.equals("1.0.0")) {
            throw OwsException.invalid("VERSION", "只支持 1.0.0", "only 1.0.0 is served");
        }
        if (operation.equalsIgnoreCase("GetCapabilities")) {
            return new KvpRequest(null);
        }
        if (operation.equalsIgnoreCase("GetTile")) {
            return new KvpRequest(TileRequest.ofKvp(params));
        }
        throw OwsException.notSupported(operation);
    }
}

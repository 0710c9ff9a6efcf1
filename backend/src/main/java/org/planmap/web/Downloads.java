package org.planmap.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Response headers for files the browser should save rather than show. */
final class Downloads {

    private Downloads() {
    }

    /** RFC 6266/5987: the UTF-8 Chinese name modern browsers use, and an ASCII one for the rest. */
    static String attachment(String fileName, String asciiFallback) {
        return "attachment; filename=\"" + asciiFallback + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

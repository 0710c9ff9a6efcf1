package org.planmap;

import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * A JSON syntax fault — an uploaded GeoJSON, a site, a CQL2 JSON filter — said where it is. Jackson 3 writes the
 * place of an unclosed bracket into its sentence as {@code (start marker at [Source: REDACTED
 * (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); byte offset: #UNKNOWN])}, which tells the person
 * who must fix the file nothing; this keeps Jackson's sentence without it and names the line and column instead.
 */
public record JsonSyntax(String zh, String en) {

    private static final Pattern JACKSON_LOCATION = Pattern.compile(
            "\\s*\\((?:start marker at|for \\w+ starting at) \\[Source:.*?\\]\\)");

    public static JsonSyntax of(JacksonException e) {
        String what = JACKSON_LOCATION.matcher(String.valueOf(e.getOriginalMessage())).replaceAll("");
        TokenStreamLocation at = e.getLocation();
        if (at == null || at.getLineNr() < 1) {
            return new JsonSyntax(what, what);
        }
        return new JsonSyntax("第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列：" + what,
                "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + what);
    }
}

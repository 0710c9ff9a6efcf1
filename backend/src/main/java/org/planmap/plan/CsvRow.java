package org.planmap.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One data record of a plan CSV, addressed by column name. Errors name the file and record number so that a
 * broken edit to data/plan/ points at itself.
 */
record CsvRow(String file, int recordNo, Map<String, String> cells) {

    /** The separator the seed uses inside a cell to list places (顿号). */
    static final String LIST_SEPARATOR = "、";

    String get(String column) {
        String value = cells.get(column);
        if (value == null) {
            throw error("no column " + column);
        }
        return value;
    }

    String required(String column) {
        String value = get(column);
        if (value.isBlank()) {
            throw error("empty " + column);
        }
        return value;
    }

    int integer(String column) {
        try {
            return Integer.parseInt(required(column));
        } catch (NumberFormatException e) {
            throw error(column + " is not an integer: " + get(column));
        }
    }

    /** A 、-separated list; an empty cell is an empty list. */
    List<String> list(String column) {
        String value = get(column);
        return value.isEmpty() ? List.of() : Arrays.asList(value.split(LIST_SEPARATOR, -1));
    }

    SourceRef source() {
        return new SourceRef(required("source_document"), required("source_section"));
    }

    IllegalArgumentException error(String message) {
        return new IllegalArgumentException(file + " record " + recordNo + ": " + message);
    }
}

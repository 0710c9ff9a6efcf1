package org.planmap.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * A minimal RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. The plan
 * tables quote long Chinese sentences with ASCII punctuation, so splitting on commas would not do;
 * a full CSV library would be one more dependency for six small files.
 */
final class Csv {

    private Csv() {
    }

    /** Records of fields; a leading byte order mark and a final line break are tolerated. */
    static List<List<String>> parse(String text) {
        String in = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < in.length()) {
            char c = in.charAt(i);
            if (c == '"' && field.isEmpty()) {
                i = readQuoted(in, i + 1, field);
                if (i < in.length() && ",\r\n".indexOf(in.charAt(i)) < 0) {
                    throw new IllegalArgumentException("text after a closing quote at offset " + i);
                }
                continue;
            }
            if (c == '"') {
                throw new IllegalArgumentException("quote inside an unquoted field at offset " + i);
            }
            if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(List.copyOf(record));
                record.clear();
                if (c == '\r' && i + 1 < in.length() && in.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                field.append(c);
            }
            i++;
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(List.copyOf(record));
        }
        return records;
    }

    /** Reads a quoted field's content starting after its opening quote; returns the index after the closing quote. */
    private static int readQuoted(String in, int start, StringBuilder field) {
        int i = start;
        while (i < in.length()) {
            char c = in.charAt(i);
            if (c == '"') {
                if (i + 1 < in.length() && in.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            field.append(c);
            i++;
        }
        throw new IllegalArgumentException("unterminated quoted field starting at offset " + (start - 1));
    }
}

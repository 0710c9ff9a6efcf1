package org.planmap.ogc;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.planmap.http.ApiException;

/**
 * The {@code datetime} parameter of OGC API – Features Part 1 (/req/core/fc-time-definition): an instant
 * ({@code 2021-01-01T00:00:00Z} or a date) or an interval of two such, either end open ({@code ..} or empty).
 * Only checked: planmap's layers have no temporal geometry, and features without one match every datetime.
 */
final class OgcDatetime {

    private OgcDatetime() {
    }

    /** The value as written when it is valid, null when absent; anything else is a 400 naming {@code datetime}. */
    static String check(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        String[] ends = v.split("/", -1);
        boolean valid = switch (ends.length) {
            case 1 -> instant(ends[0]);
            case 2 -> (open(ends[0]) || instant(ends[0])) && (open(ends[1]) || instant(ends[1]))
                    && !(open(ends[0]) && open(ends[1])) && ordered(ends[0], ends[1]);
            default -> false;
        };
        if (!valid) {
            throw ApiException.badParameter("datetime",
                    "应为 RFC 3339 时刻（如 2021-01-01T00:00:00Z 或 2021-01-01）或以 / 分隔的时段，开放端写 ..",
                    "expected an RFC 3339 instant (such as 2021-01-01T00:00:00Z or 2021-01-01) or an interval "
                            + "of two separated by /, an open end written ..");
        }
        return v;
    }

    private static boolean open(String end) {
        return end.isEmpty() || end.equals("..");
    }

    private static boolean instant(String text) {
        return start(text) != null;
    }

    /** The earliest moment the instant covers (a date: its first moment in UTC), or null when it is not one. */
    private static OffsetDateTime start(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static boolean ordered(String from, String to) {
        return open(from) || open(to) || !start(from).isAfter(start(to));
    }
}

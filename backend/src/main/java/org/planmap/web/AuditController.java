package org.planmap.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.planmap.ClientFault.Kind;
import org.planmap.account.AuditEntry;
import org.planmap.account.AuditQuery;
import org.planmap.account.AuditTrail;
import org.planmap.http.ApiException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit?from=&to=&user=&layer=&limit=&format=json|csv}: the audit log, oldest first. Admins read all
 * of it; editors read their own entries only; anyone else is refused. {@code from}/{@code to} take a date
 * ({@code 2026-12-01}, Beijing time) or an instant ({@code 2026-12-01T08:00:00Z}); {@code to} is exclusive. Read only:
 * there is no way to change or remove an entry.
 */
@RestController
class AuditController {

    private static final int DEFAULT_LIMIT = 1000;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/audit")
    ResponseEntity<?> audit(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String user, @RequestParam(required = false) String layer,
            @RequestParam(required = false) Integer limit, @RequestParam(defaultValue = "json") String format,
            Authentication who, HttpServletResponse response) throws IOException {
        AuditQuery query = new AuditQuery(time("from", from), time("to", to), visibleUser(who, user), layer,
                limit(limit));
        if (format.equals("csv")) {
            response.setContentType("text/csv; charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"planmap-audit.csv\"");
            response.setHeader("Cache-Control", "no-store");
            AuditCsv.write(trail, query, response.getOutputStream());
            return null;
        }
        if (!format.equals("json")) {
            throw ApiException.badParameter("format", "应为 json 或 csv", "must be json or csv");
        }
        List<AuditEntry> entries = new ArrayList<>();
        trail.read(query, entries::add);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("entries", entries, "limit", query.limit()));
    }

    /** Admins may ask for anyone's entries; an editor gets its own whatever it asks for another's. */
    private static String visibleUser(Authentication who, String asked) {
        List<String> roles = who.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        if (roles.contains("ROLE_ADMIN")) {
            return asked == null || asked.isBlank() ? null : asked;
        }
        if (roles.contains("ROLE_EDITOR")) {
            if (asked != null && !asked.isBlank() && !asked.equals(who.getName())) {
                throw new ApiException(Kind.FORBIDDEN, "audit-not-yours", "编辑只能查看自己的审计记录",
                        "an editor reads only its own audit entries");
            }
            return who.getName();
        }
        throw new ApiException(Kind.FORBIDDEN, "audit-admins-only", "只有管理员和编辑可以查看审计日志",
                "only admins and editors may read the audit log");
    }

    private static Instant time(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(BEIJING).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(name, "应为日期（2026-12-01）或时刻（2026-12-01T08:00:00Z）",
                    "must be a date (2026-12-01) or an instant (2026-12-01T08:00:00Z)");
        }
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > AuditQuery.MAX_LIMIT) {
            throw ApiException.badParameter("limit", "应在 1~" + AuditQuery.MAX_LIMIT + " 之间",
                    "must be 1.." + AuditQuery.MAX_LIMIT);
        }
        return limit;
    }
}

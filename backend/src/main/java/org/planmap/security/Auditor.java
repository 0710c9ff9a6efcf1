package org.planmap.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.planmap.account.AuditEntry;
import org.planmap.account.AuditTrail;
import org.planmap.account.RecordsException;
import org.planmap.store.LayerVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the audit log's entries for what happens over HTTP: logins (see {@link ThrottledAuthentication} and the
 * session controller) and every request that would change something ({@link AuditFilter}). A handler that knows
 * more than the URL — the uploaded file's name and hash, the version written — leaves it in request attributes.
 *
 * <p>An entry that cannot be written (the database is gone) is logged as an error and does not turn the answer
 * into a failure: the change it describes has already happened by then.
 */
public final class Auditor {

    public static final String ANONYMOUS = "anonymous";
    /** Request attributes a handler may set for the entry of its request. */
    public static final String FILE_NAME = Auditor.class.getName() + ".fileName";
    public static final String SHA256 = Auditor.class.getName() + ".sha256";
    public static final String VERSION = Auditor.class.getName() + ".version";
    public static final String LAYER_VERSION = Auditor.class.getName() + ".layerVersion";
    static final String USER = Auditor.class.getName() + ".user";

    private static final Logger log = LoggerFactory.getLogger(Auditor.class);
    private static final Pattern LAYER_PATH = Pattern.compile("/api/layers/([^/]+)(/.*)?");

    private final AuditTrail trail;
    private final Clock clock;

    public Auditor(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    public void loggedIn(String user, String address) {
        append(AuditEntry.of(clock.instant(), user, address, "login", null, null, null, null, null, 204,
                AuditEntry.OK, null));
    }

    /** A refused password (401) or a login refused for too many failures (429). */
    public void loginRefused(String claimedUser, String address, int status) {
        append(AuditEntry.of(clock.instant(), claimedUser == null || claimedUser.isBlank() ? ANONYMOUS : claimedUser,
                address, "login", null, null, null, null, null, status, AuditEntry.REFUSED, null));
    }

    /** The entry of a request that would change something, after it was answered with {@code status}. */
    void request(HttpServletRequest request, String user, int status) {
        String method = request.getMethod();
        String path = request.getRequestURI();
        String action;
        String layer = null;
        Matcher m = LAYER_PATH.matcher(path);
        if (m.matches()) {
            layer = m.group(1);
            String rest = m.group(2) == null ? "" : m.group(2);
            action = "DELETE".equals(method) && rest.isEmpty() ? "delete"
                    : rest.equals("/import") ? "import"
                    : rest.matches("/versions/[^/]+/restore") ? "restore"
                    : method.toLowerCase() + " " + rest;
        } else if ("/api/session".equals(path) && "DELETE".equals(method)) {
            action = "logout";
        } else {
            action = method.toLowerCase() + " " + path;
        }
        append(AuditEntry.of(clock.instant(), user, request.getRemoteAddr(), action, layer,
                (Integer) request.getAttribute(VERSION), text(request, LAYER_VERSION), text(request, FILE_NAME),
                text(request, SHA256), status,
                AuditEntry.outcome(status), status >= 400 ? method + " " + path : null));
    }

    /**
     * Notes for the entry of {@code request} the layer version its write made current: its number, as the versions
     * list shows it, and its content hash.
     */
    public static void wrote(HttpServletRequest request, LayerVersion version) {
        request.setAttribute(VERSION, version.version());
        request.setAttribute(LAYER_VERSION, version.layer().version());
    }

    private static String text(HttpServletRequest request, String attribute) {
        Object value = request.getAttribute(attribute);
        return value == null ? null : value.toString();
    }

    private void append(AuditEntry entry) {
        try {
            trail.append(entry);
        } catch (RecordsException e) {
            log.error("审计日志写入失败 / could not append to the audit log: {} ({})", entry, e.getMessage());
        }
    }
}

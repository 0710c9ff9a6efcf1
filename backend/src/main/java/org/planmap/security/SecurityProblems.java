package org.planmap.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the security filters' refusals (401, 403, 429) as the same bilingual RFC 9457 problem documents
 * the controllers answer with ({@code detail} in Chinese, {@code code}, {@code message.zh/en}): the
 * filters run before Spring MVC, so {@code ApiErrors} never sees these.
 */
public final class SecurityProblems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SecurityProblems() {
    }

    public static void write(HttpServletResponse response, HttpStatus status, String code, String zh, String en)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(document(status, code, zh, en));
        response.getWriter().flush();
    }

    /** The document alone, for a writer that has no servlet response (the server's own error report). */
    public static String document(HttpStatus status, String code, String zh, String en) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", zh);
        body.put("code", code);
        body.put("message", Map.of("zh", zh, "en", en));
        return JSON.writeValueAsString(body);
    }

    /**
     * A refusal written outside Spring Security's header filter (a URL the firewall rejects) still carries the
     * headers every other answer has; a problem document needs no source at all.
     */
    public static void writeWithSecurityHeaders(HttpServletResponse response, ResponseHeaders headers, HttpStatus status,
            String code, String zh, String en) throws IOException {
        headers.problems().forEach(h -> response.setHeader(h.name(), h.value()));
        write(response, status, code, zh, en);
    }

    public static void unauthenticated(HttpServletResponse response) throws IOException {
        write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "需要编辑权限：请先登录（或使用 HTTP Basic 认证）",
                "editor rights needed: log in (or send HTTP Basic credentials)");
    }

    public static void badCredentials(HttpServletResponse response) throws IOException {
        write(response, HttpStatus.UNAUTHORIZED, "bad-credentials", "用户名或密码错误", "wrong user name or password");
    }

    public static void tooManyAttempts(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader("Retry-After", Long.toString(seconds));
        write(response, HttpStatus.TOO_MANY_REQUESTS, "too-many-login-attempts",
                "登录失败次数过多，请 " + seconds + " 秒后再试",
                "too many failed logins; try again in " + seconds + " s");
    }

    /**
     * No credential (401 {@code unauthenticated}), a wrong one (401 {@code bad-credentials}) or too many wrong ones
     * (429). Never a {@code WWW-Authenticate: Basic} challenge: browsers then never show their password pop-up nor
     * remember Basic credentials, which is what makes exempting Basic requests from CSRF safe.
     */
    public static AuthenticationEntryPoint entryPoint() {
        return (request, response, e) -> {
            if (e instanceof ThrottledAuthentication.TooManyAttempts tooMany) {
                tooManyAttempts(response, tooMany.waitFor());
            } else if (e instanceof InsufficientAuthenticationException) {
                unauthenticated(response);
            } else {
                badCredentials(response);
            }
        };
    }

    /** 403 for a missing CSRF token or a missing role; 401 when nobody is signed in at all. */
    public static AccessDeniedHandler accessDenied() {
        return (request, response, e) -> {
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            if (user == null || user instanceof AnonymousAuthenticationToken || !user.isAuthenticated()) {
                // CsrfFilter runs before authorization: an anonymous write is a missing login, not a missing token.
                unauthenticated(response);
            } else if (e instanceof CsrfException) {
                write(response, HttpStatus.FORBIDDEN, "csrf-token-invalid",
                        "缺少或无效的 CSRF 令牌（X-XSRF-TOKEN），请刷新页面后重试",
                        "missing or invalid CSRF token: send the XSRF-TOKEN cookie's value as X-XSRF-TOKEN");
            } else {
                write(response, HttpStatus.FORBIDDEN, "forbidden", "没有编辑权限", "the editor role is needed");
            }
        };
    }
}

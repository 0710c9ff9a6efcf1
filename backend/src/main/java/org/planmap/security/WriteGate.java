package org.planmap.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decides from the headers alone, before any body byte is read, the writes that cannot succeed: one with no
 * credential at all (no {@code Authorization} header, no live session) is refused 401 at once, so an anonymous
 * 300 MB upload costs its headers, not 300 MB of disk and a worker thread for as long as the client cares to
 * trickle. Logging in and out are the writes anyone may send; a login is refused 413 past a few kilobytes. Everything else
 * (checking the credential, the role, the CSRF token) follows in Spring Security's chain, from headers as well.
 */
public final class WriteGate extends OncePerRequestFilter {

    /** A JSON or form login is a few dozen bytes. */
    static final long MAX_LOGIN_BYTES = 4096;
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private static final String SESSION = "/api/session";
    /** 合规性审查 is a POST that changes nothing: anyone may send one, up to a site's size. */
    public static final String SITE_REVIEW = "/api/site-review";
    /** A site file's limit (SiteReview's 20 MB) and room for the multipart framing around it. */
    public static final long MAX_SITE_REVIEW_BYTES = (20L << 20) + (64 << 10);

    /** A site review: read-only, so neither a credential nor a CSRF token is asked for. */
    public static boolean isSiteReview(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && SITE_REVIEW.equals(request.getRequestURI());
    }

    static boolean isLogin(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && SESSION.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod())) {
            chain.doFilter(request, response);
        } else if (SESSION.equals(request.getRequestURI())) { // log in or out: anyone may
            long length = request.getContentLengthLong();
            boolean tooLarge = length > MAX_LOGIN_BYTES || length < 0 && request.getHeader("Transfer-Encoding") != null;
            if (isLogin(request) && tooLarge) {
                SecurityProblems.write(response, HttpStatus.CONTENT_TOO_LARGE, "login-too-large",
                        "登录请求过大（最多 " + MAX_LOGIN_BYTES + " 字节）", "a login is at most " + MAX_LOGIN_BYTES + " bytes");
                return;
            }
            chain.doFilter(request, response);
        } else if (isSiteReview(request)) {
            if (request.getContentLengthLong() > MAX_SITE_REVIEW_BYTES) {
                SecurityProblems.write(response, HttpStatus.CONTENT_TOO_LARGE, "site-too-large",
                        "地块文件过大（最多 20 MB）", "a site is at most 20 MB");
                return;
            }
            chain.doFilter(request, response);
        } else if (request.getHeader("Authorization") == null && request.getSession(false) == null) {
            SecurityProblems.unauthenticated(response);
        } else {
            chain.doFilter(request, response);
        }
    }
}

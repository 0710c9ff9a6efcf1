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
        } else if (request.getHeader("Authorization") == null && request.getSession(false) == null) {
            SecurityProblems.unauthenticated(response);
        } else {
            chain.doFilter(request, response);
        }
    }
}

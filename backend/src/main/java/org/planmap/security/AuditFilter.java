package org.planmap.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every request that would change something — allowed or refused — in the audit log, once it has been
 * answered. It wraps Spring Security's filter chain (it runs before it), so that refusals made inside the chain
 * (no credentials, a wrong password, no CSRF token, not an editor) are recorded too. Logins themselves are
 * recorded where the password is checked; a site review changes nothing and is not recorded.
 */
public final class AuditFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> NOT_WRITES = Set.of("/api/site-review");

    private final Auditor auditor;

    public AuditFilter(Auditor auditor) {
        this.auditor = auditor;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SAFE_METHODS.contains(request.getMethod()) || WriteGate.isLogin(request)
                || NOT_WRITES.contains(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession before = request.getSession(false);
        String sessionUser = before == null ? null : sessionUser(before);
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            Object user = request.getAttribute(Auditor.USER);
            auditor.request(request, user != null ? user.toString() : sessionUser != null ? sessionUser
                    : Auditor.ANONYMOUS, status);
        }
    }

    /** The user of a viewer session, read before the request (a logout ends the session). */
    private static String sessionUser(HttpSession session) {
        Object context;
        try {
            context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        } catch (IllegalStateException invalidated) {
            return null;
        }
        return context instanceof SecurityContext c ? name(c.getAuthentication()) : null;
    }

    private static String name(Authentication a) {
        return a == null || !a.isAuthenticated() || a instanceof AnonymousAuthenticationToken ? null : a.getName();
    }

    /**
     * Placed in the security chain after authentication: remembers who the request authenticated as, for the
     * entry written once the chain has returned (and cleared its context).
     */
    public static OncePerRequestFilter rememberUser() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                String user = name(SecurityContextHolder.getContext().getAuthentication());
                if (user != null) {
                    request.setAttribute(Auditor.USER, user);
                }
                chain.doFilter(request, response);
            }
        };
    }
}

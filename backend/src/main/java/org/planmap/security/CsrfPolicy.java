package org.planmap.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Cross-site request forgery needs a credential the browser adds by itself: the session cookie. So a write needs
 * the CSRF token exactly when it comes with a live session; without one it can only be authenticated by HTTP
 * Basic (which browsers never send on their own: planmap never challenges for it) or it is refused as anonymous.
 * The token is the {@code XSRF-TOKEN} cookie's value echoed in the {@code X-XSRF-TOKEN} header (Spring Security's
 * SPA set-up), read from that header only: never from a {@code _csrf} parameter, whose lookup would parse the body
 * (a whole multipart upload) before anyone is authenticated.
 */
public final class CsrfPolicy {

    /** Where a browser session starts (the viewer's page) or changes (log in, log out). */
    private static final Set<String> COOKIE_PATHS = Set.of("/", "/index.html", "/api/session");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private CsrfPolicy() {
    }

    /** Unsafe methods with a live session, except the login itself (it carries the password) and a site review (it changes nothing). */
    public static RequestMatcher needsToken() {
        return request -> !SAFE_METHODS.contains(request.getMethod()) && request.getSession(false) != null
                && !WriteGate.isLogin(request) && !WriteGate.isSiteReview(request);
    }

    /**
     * {@code XSRF-TOKEN}, readable by the viewer's script, SameSite=Lax like the session cookie, and set only by
     * the viewer's page and {@code /api/session}: the SPA set-up would otherwise add a fresh cookie to every
     * answer a cookie-less client gets, layers and tiles included, and a shared cache must never keep a
     * {@code public} answer together with someone's {@code Set-Cookie}.
     */
    public static CsrfTokenRepository tokens() {
        CookieCsrfTokenRepository cookies = CookieCsrfTokenRepository.withHttpOnlyFalse();
        cookies.setCookieCustomizer(c -> c.sameSite("Lax").path("/"));
        return new CsrfTokenRepository() {
            @Override
            public CsrfToken generateToken(HttpServletRequest request) {
                return cookies.generateToken(request);
            }

            @Override
            public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
                if (token == null || COOKIE_PATHS.contains(request.getRequestURI())) {
                    cookies.saveToken(token, request, response);
                }
            }

            @Override
            public CsrfToken loadToken(HttpServletRequest request) {
                return cookies.loadToken(request);
            }
        };
    }

    /** The SPA set-up's token handling (the token made ready on every request), but the header alone is read. */
    public static CsrfTokenRequestHandler headerOnly() {
        XorCsrfTokenRequestAttributeHandler eager = new XorCsrfTokenRequestAttributeHandler();
        eager.setCsrfRequestAttributeName(null);
        return new CsrfTokenRequestHandler() {
            @Override
            public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
                eager.handle(request, response, token);
            }

            @Override
            public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
                return request.getHeader(token.getHeaderName());
            }
        };
    }
}

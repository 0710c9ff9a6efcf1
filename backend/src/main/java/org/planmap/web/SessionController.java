package org.planmap.web;

import org.planmap.ClientFault.Kind;
import org.planmap.http.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.io.IOException;
import org.planmap.security.SecurityProblems;
import org.planmap.security.Auditor;
import org.planmap.security.ThrottledAuthentication;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The viewer's login: {@code POST /api/session} (JSON or form fields {@code username}, {@code password}) → 204
 * and a session cookie; {@code DELETE /api/session} logs out; {@code GET /api/session} says who is logged in
 * and hands out the CSRF cookie ({@code XSRF-TOKEN}) the viewer echoes on its writes. Rules in
 * {@code SecurityConfiguration}.
 */
@RestController
@RequestMapping("/api/session")
class SessionController {

    record Credentials(String username, String password) {
    }

    private final AuthenticationManager authenticationManager;
    private final SecurityContextRepository contexts;
    private final CsrfTokenRepository csrfTokens;
    private final Auditor auditor;

    /** {@code authenticationManager} is the rate-limited one ({@link ThrottledAuthentication}). */
    SessionController(AuthenticationManager authenticationManager, SecurityContextRepository contexts,
            CsrfTokenRepository csrfTokens, Auditor auditor) {
        this.authenticationManager = authenticationManager;
        this.contexts = contexts;
        this.csrfTokens = csrfTokens;
        this.auditor = auditor;
    }

    @GetMapping
    ResponseEntity<Map<String, Object>> current(HttpServletRequest request) {
        // Reading the deferred token makes Spring Security write the XSRF-TOKEN cookie on this response.
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        boolean authenticated = user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("authenticated", authenticated);
        body.put("username", authenticated ? user.getName() : null);
        // What the viewer may offer: writes for editors, the audit log for editors (their own) and admins.
        body.put("role", !authenticated ? null : has(user, "ROLE_ADMIN") ? "admin" : has(user, "ROLE_EDITOR")
                ? "editor" : "viewer");
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    private static boolean has(Authentication user, String authority) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> loginJson(@RequestBody Credentials credentials, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        return login(credentials, request, response);
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> loginForm(@RequestParam(required = false) String username,
            @RequestParam(required = false) String password, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return login(new Credentials(username, password), request, response);
    }

    private ResponseEntity<Void> login(Credentials credentials, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (credentials == null || credentials.username() == null || credentials.password() == null) {
            throw new ApiException(Kind.INVALID, "credentials-missing", "请填写用户名和密码",
                    "username and password are required");
        }
        Authentication user;
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated(credentials.username(), credentials.password());
        attempt.setDetails(new WebAuthenticationDetails(request)); // the client address, for the rate limit
        try {
            user = authenticationManager.authenticate(attempt);
        } catch (ThrottledAuthentication.TooManyAttempts e) {
            SecurityProblems.tooManyAttempts(response, e.waitFor());
            return null; // answered
        } catch (AuthenticationException e) {
            throw new ApiException(Kind.UNAUTHENTICATED, "bad-credentials", "用户名或密码错误",
                    "wrong user name or password");
        }
        // A new session id on login (no session fixation) and a new CSRF token for it.
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            request.changeSessionId();
        } else {
            request.getSession(true);
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(user);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
        auditor.loggedIn(user.getName(), request.getRemoteAddr());
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
    }

    @DeleteMapping
    ResponseEntity<Void> logout(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        csrfTokens.saveToken(null, request, response);
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
    }
}

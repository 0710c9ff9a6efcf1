package org.planmap.config;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.time.Duration;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.http.UriCompliance.Violation;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.planmap.security.LoginRateLimiter;
import org.planmap.security.ResponseHeaders;
import org.planmap.security.SecurityProblems;
import org.planmap.web.JettyErrorReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may do what. Everyone reads (GET/HEAD of the viewer, its static files, WebJars and the whole API);
 * anything else, in practice {@code POST/PUT/PATCH/DELETE /api/**}, needs the role EDITOR.
 * <ul>
 * <li>One user, {@code editor}. Its password is {@code --planmap.security.editor-password}; without it a
 * random one is generated at start and logged once. Only its bcrypt hash is kept.</li>
 * <li>API clients send HTTP Basic preemptively ({@code curl -u editor:…}). No {@code WWW-Authenticate: Basic}
 * challenge is ever sent: browsers then never show their password pop-up nor remember Basic credentials,
 * which is what makes exempting Basic requests from CSRF safe (a browser cannot be made to send them).</li>
 * <li>The viewer logs in with {@code POST /api/session} and then holds a session cookie; its mutating
 * requests need the CSRF token: the {@code XSRF-TOKEN} cookie's value echoed in {@code X-XSRF-TOKEN}
 * (Spring Security's SPA set-up). {@code POST /api/session} itself is exempt (it carries the password).</li>
 * <li>Failed logins (session or Basic) are rate-limited per client address ({@link LoginRateLimiter}).</li>
 * <li>Refusals are bilingual problem documents: 401 anonymous or wrong password, 403 a missing CSRF token
 * or a signed-in user without the role, 429 too many failures (with {@code Retry-After}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    static final String EDITOR = "editor";
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_PASSWORD_LENGTH = 20;
    /** Where a browser session starts (the viewer's page) or changes (log in, log out). */
    private static final Set<String> CSRF_COOKIE_PATHS = Set.of("/", "/index.html", "/api/session");

    @Bean
    PasswordEncoder passwordEncoder() {
        // {bcrypt} by default; the prefix lets a later encoder take over without invalidating stored hashes.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService editorUsers(PlanmapProperties properties, PasswordEncoder encoder) {
        String configured = properties.security().editorPassword();
        String password;
        if (configured != null && !configured.isBlank()) {
            password = configured; // never logged, not even masked
        } else {
            password = generatePassword();
            // The only place planmap ever logs a secret: a generated password must reach the operator
            // somehow, and this runs once per start. A configured password is never logged.
            log.warn("未设置编辑密码，已生成本次运行的临时密码 / no editor password configured "
                    + "(--planmap.security.editor-password), generated one for this run: 用户 user {}, 密码 password {}",
                    EDITOR, password);
        }
        return new InMemoryUserDetailsManager(User.withUsername(EDITOR).password(encoder.encode(password))
                .roles("EDITOR").build());
    }

    static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder s = new StringBuilder(GENERATED_PASSWORD_LENGTH);
        for (int i = 0; i < GENERATED_PASSWORD_LENGTH; i++) {
            s.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return s.toString();
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        return new ProviderManager(provider);
    }

    @Bean
    LoginRateLimiter loginRateLimiter() {
        return LoginRateLimiter.standard();
    }

    /** Shared with the session controller, which saves the login here. */
    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new HttpSessionSecurityContextRepository());
    }

    /**
     * {@code XSRF-TOKEN}, readable by the viewer's script, SameSite=Lax like the session cookie, and set only by
     * the viewer's page and {@code /api/session}: the SPA set-up would otherwise add a fresh cookie to every
     * answer a cookie-less client gets, layers and tiles included, and a shared cache must never keep a
     * {@code public} answer together with someone's {@code Set-Cookie}.
     */
    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        CookieCsrfTokenRepository cookies = CookieCsrfTokenRepository.withHttpOnlyFalse();
        cookies.setCookieCustomizer(c -> c.sameSite("Lax").path("/"));
        return new CsrfTokenRepository() {
            @Override
            public CsrfToken generateToken(HttpServletRequest request) {
                return cookies.generateToken(request);
            }

            @Override
            public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
                if (token == null || CSRF_COOKIE_PATHS.contains(request.getRequestURI())) {
                    cookies.saveToken(token, request, response);
                }
            }

            @Override
            public CsrfToken loadToken(HttpServletRequest request) {
                return cookies.loadToken(request);
            }
        };
    }

    /**
     * URLs Spring Security's firewall refuses (encoded dots, slashes, semicolons, backslashes, non-printable
     * characters: the stuff of path traversal) get a problem document saying so rather than a bare 400.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ResponseHeaders headers) {
        return (request, response, e) -> SecurityProblems.writeWithSecurityHeaders(response, headers, HttpStatus.BAD_REQUEST,
                "url-rejected",
                "网址中含有不允许的字符（如编码的 /、.、; 或 \\），已拒绝",
                "the URL holds characters planmap refuses (such as encoded '/', '.', ';' or '\\')");
    }

    /** Shared by the filter chain, the cached-layer handler and the server's error report. */
    @Bean
    ResponseHeaders responseHeaders(PlanmapProperties properties) {
        return new ResponseHeaders(contentSecurityPolicy(properties));
    }

    /**
     * Jetty's own refusals (a malformed request line, a header or URL too long) are problem documents like every
     * other error; and URLs with encoded separators ({@code %2F}, {@code %5C}), encoded dot segments or empty
     * segments get through Jetty's URI checks to the firewall above, which names the fault in its own problem
     * document (only these: Jetty's LEGACY set also lets {@code %u002e} through, which Spring cannot decode).
     */
    @Bean
    WebServerFactoryCustomizer<JettyServletWebServerFactory> problemDocumentsFromJetty(ResponseHeaders headers) {
        return factory -> factory.addServerCustomizers(server -> {
            server.setErrorHandler(new JettyErrorReport(headers));
            for (Connector connector : server.getConnectors()) {
                HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
                if (http != null) {
                    http.getHttpConfiguration().setUriCompliance(UriCompliance.DEFAULT.with("planmap",
                            Violation.AMBIGUOUS_PATH_SEPARATOR, Violation.AMBIGUOUS_PATH_SEGMENT,
                            Violation.AMBIGUOUS_PATH_ENCODING, Violation.AMBIGUOUS_EMPTY_SEGMENT));
                }
            }
        });
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ResponseHeaders headers,
            AuthenticationManager authenticationManager, LoginRateLimiter limiter,
            SecurityContextRepository contextRepository, CsrfTokenRepository csrfTokens) throws Exception {
        RequestMatcher session = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/session");
        RequestMatcher basic = request -> {
            String authorization = request.getHeader("Authorization");
            return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        };
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            if (e instanceof InsufficientAuthenticationException) {
                SecurityProblems.unauthenticated(response); // no credentials at all
            } else {
                limiter.recordFailure(request.getRemoteAddr()); // a wrong Basic user or password
                SecurityProblems.badCredentials(response);
            }
        };
        AccessDeniedHandler denied = (request, response, e) -> {
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            if (user == null || user instanceof AnonymousAuthenticationToken || !user.isAuthenticated()) {
                // CsrfFilter runs before authorization: an anonymous write is a missing login, not a missing token.
                SecurityProblems.unauthenticated(response);
            } else if (e instanceof CsrfException) {
                SecurityProblems.write(response, HttpStatus.FORBIDDEN, "csrf-token-invalid",
                        "缺少或无效的 CSRF 令牌（X-XSRF-TOKEN），请刷新页面后重试",
                        "missing or invalid CSRF token: send the XSRF-TOKEN cookie's value as X-XSRF-TOKEN");
            } else {
                SecurityProblems.write(response, HttpStatus.FORBIDDEN, "forbidden", "没有编辑权限",
                        "the editor role is needed");
            }
        };
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers("/api/session").permitAll()
                        .anyRequest().hasRole("EDITOR"))
                .httpBasic(b -> b.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .securityContext(c -> c.securityContextRepository(contextRepository))
                .csrf(c -> c.spa().csrfTokenRepository(csrfTokens).ignoringRequestMatchers(basic, session))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable()) // DELETE /api/session
                .addFilterBefore(new RateLimitFilter(limiter, basic, session), BasicAuthenticationFilter.class)
                // Everything readable is public, so caches may keep it (no Cache-Control from here); /api/session
                // says no-store itself.
                .headers(h -> h.defaultsDisabled().addHeaderWriter(headers.writer()));
        return http.build();
    }

    /**
     * No inline script anywhere (the viewer is modules and Leaflet from its WebJar); inline styles are
     * allowed because Leaflet and the viewer's generated HTML use {@code style=}. Images may come from the
     * configured tile basemaps only.
     */
    static String contentSecurityPolicy(PlanmapProperties properties) {
        List<String> images = new ArrayList<>(List.of("'self'", "data:"));
        String key = properties.basemap().tiandituKey();
        if (key != null && !key.isBlank()) {
            images.add("https://*.tianditu.gov.cn");
        }
        if (properties.basemap().osm()) {
            images.add("https://tile.openstreetmap.org");
        }
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src "
                + String.join(" ", images) + "; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    /** Refuses a login attempt (session or Basic) from an address that failed too often, before checking it. */
    static final class RateLimitFilter extends OncePerRequestFilter {

        private final LoginRateLimiter limiter;
        private final RequestMatcher basic;
        private final RequestMatcher session;

        RateLimitFilter(LoginRateLimiter limiter, RequestMatcher basic, RequestMatcher session) {
            this.limiter = limiter;
            this.basic = basic;
            this.session = session;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (basic.matches(request) || session.matches(request)) {
                Optional<Duration> wait = limiter.blockedFor(request.getRemoteAddr());
                if (wait.isPresent()) {
                    SecurityProblems.tooManyAttempts(response, wait.get());
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }
}

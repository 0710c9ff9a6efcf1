package org.planmap.config;

import org.planmap.settings.SecurityProperties;
import org.planmap.settings.PlanmapProperties;
import org.planmap.settings.VersionProperties;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.planmap.account.Role;
import org.planmap.account.SqlRecords;
import org.planmap.security.AuditFilter;
import org.planmap.security.Auditor;
import org.planmap.security.CsrfPolicy;
import org.planmap.security.NamedAccounts;
import org.planmap.security.EditorAccount;
import org.planmap.security.LoginRateLimiter;
import org.planmap.security.PublicBaseUrl;
import org.planmap.security.ResponseHeaders;
import org.planmap.security.SecurityProblems;
import org.planmap.security.ThrottledAuthentication;
import org.planmap.security.WriteGate;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Who may do what, wired from the {@code security} package. Everyone reads (GET/HEAD) but the audit log; anything
 * else needs an editor or admin ({@link NamedAccounts}, {@link EditorAccount}), by HTTP Basic ({@code curl -u editor:…}) or by the viewer's session
 * ({@code POST /api/session}) plus the CSRF token ({@link CsrfPolicy}). Writes without any credential are refused
 * from their headers ({@link WriteGate}); every password check is rate-limited ({@link ThrottledAuthentication});
 * refusals are bilingual problem documents ({@link SecurityProblems}) with the same headers as every answer
 * ({@link ResponseHeaders}). Every login and every request that would change something, allowed or refused, is
 * recorded in the audit log ({@link AuditFilter}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /** A layer's history: public unless {@code planmap.versions.public=false}. */
    private static final String[] VERSIONS = {"/api/layers/*/versions", "/api/layers/*/versions/**"};
    /**
     * The county boundaries are the frame of every figure: replacing or restoring them is for admins, and so is the
     * look at a file's fields that comes before a replace.
     */
    private static final String[] BOUNDARY_WRITES = {"/api/layers/counties/import", "/api/layers/counties/import/fields",
            "/api/layers/counties/versions/*/restore"};
    private static final AuthorizationManager<RequestAuthorizationContext> PERMIT =
            (authentication, context) -> new AuthorizationDecision(true);
    private static final AuthorizationManager<RequestAuthorizationContext> SIGNED_IN =
            AuthenticatedAuthorizationManager.authenticated();

    /**
     * A read of a kept version through any door that serves layers: {@code ?version=N} on a layer's own endpoints
     * ({@code /api/layers/{id}/export?version=2}), its tiles and its OGC items, or {@code id@N} among the layers of a
     * drawn map (map.png, print.pdf, atlas.pdf). Any {@code version} parameter, and any {@code layers} naming an
     * {@code @}, under /api or /ogc counts, so a door added later cannot leak history.
     */
    private static boolean asksForAVersion(jakarta.servlet.http.HttpServletRequest request) {
        // the method first: a parameter of a POST may be in its body, which this must not read
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI();
        String layers = request.getParameter("layers");
        return (path.startsWith("/api/") || path.startsWith("/ogc/"))
                && (request.getParameter("version") != null || layers != null && layers.contains("@"));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return EditorAccount.passwordEncoder();
    }

    /** The named accounts and the audit log, kept beside the layers (the GeoPackage's directory, or PostGIS). */
    @Bean(destroyMethod = "close")
    SqlRecords records(PlanmapProperties p) {
        return SqlRecords.open(p.dataDir(), p.dbUrl(), p.dbUser(), p.dbPassword(), p.dbSchema());
    }

    @Bean
    Auditor auditor(SqlRecords records) {
        return new Auditor(records, Clock.systemUTC());
    }

    @Bean
    UserDetailsService users(SecurityProperties properties, PasswordEncoder encoder, SqlRecords records) {
        boolean namedEditors = records.all().stream().anyMatch(a -> a.enabled() && a.role().mayEdit());
        return new NamedAccounts(records, EditorAccount.shortcut(properties.editorPassword(), namedEditors, encoder));
    }

    /** Wraps Spring Security's chain, so that what the chain refuses is recorded as well as what it lets through. */
    @Bean
    FilterRegistrationBean<AuditFilter> auditFilter(Auditor auditor) {
        FilterRegistrationBean<AuditFilter> registration = new FilterRegistrationBean<>(new AuditFilter(auditor));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    @Bean
    LoginRateLimiter loginRateLimiter() {
        return LoginRateLimiter.standard();
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder,
            LoginRateLimiter limiter, Auditor auditor) {
        return new ThrottledAuthentication(EditorAccount.passwordCheck(users, encoder), limiter, auditor);
    }

    /** Shared with the session controller, which saves the login here. */
    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new HttpSessionSecurityContextRepository());
    }

    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        return CsrfPolicy.tokens();
    }

    /** Shared by the filter chain, the cached-layer handler and the server's error report. */
    @Bean
    ResponseHeaders responseHeaders(PlanmapProperties properties) {
        String tianditu = properties.basemap().tiandituKey();
        return new ResponseHeaders(ResponseHeaders.contentSecurityPolicy(tianditu != null && !tianditu.isBlank(),
                properties.basemap().osm()));
    }

    @Bean
    PublicBaseUrl publicBaseUrl(SecurityProperties properties) {
        return new PublicBaseUrl(properties.publicUrl(), properties.allowedHosts());
    }

    /**
     * URLs Spring Security's firewall refuses (encoded dots, slashes, semicolons, backslashes, non-printable
     * characters: the stuff of path traversal) get a problem document saying so rather than a bare 400.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ResponseHeaders headers) {
        return (request, response, e) -> SecurityProblems.writeWithSecurityHeaders(response, headers,
                HttpStatus.BAD_REQUEST, "url-rejected",
                "网址中含有不允许的字符（如编码的 /、.、; 或 \\），已拒绝",
                "the URL holds characters planmap refuses (such as encoded '/', '.', ';' or '\\')");
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ResponseHeaders headers,
            AuthenticationManager authenticationManager, SecurityContextRepository contextRepository,
            CsrfTokenRepository csrfTokens, VersionProperties versions) throws Exception {
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/audit").authenticated()
                        .requestMatchers(HttpMethod.GET, VERSIONS).access(versions.visible() ? PERMIT : SIGNED_IN)
                        .requestMatchers(HttpMethod.HEAD, VERSIONS).access(versions.visible() ? PERMIT : SIGNED_IN)
                        .requestMatchers(SecurityConfiguration::asksForAVersion).access(versions.visible() ? PERMIT : SIGNED_IN)
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers("/api/session").permitAll()
                        .requestMatchers(HttpMethod.POST, WriteGate.SITE_REVIEW).permitAll()
                        .requestMatchers(HttpMethod.POST, BOUNDARY_WRITES).hasRole(Role.ADMIN.name())
                        .anyRequest().hasRole(EditorAccount.ROLE))
                .httpBasic(b -> b.authenticationEntryPoint(SecurityProblems.entryPoint()))
                .exceptionHandling(e -> e.authenticationEntryPoint(SecurityProblems.entryPoint())
                        .accessDeniedHandler(SecurityProblems.accessDenied()))
                .securityContext(c -> c.securityContextRepository(contextRepository))
                .csrf(c -> c.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(CsrfPolicy.headerOnly())
                        .requireCsrfProtectionMatcher(CsrfPolicy.needsToken()))
                .addFilterBefore(new WriteGate(), CsrfFilter.class)
                .addFilterAfter(AuditFilter.rememberUser(), BasicAuthenticationFilter.class)
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable()) // DELETE /api/session
                // Everything readable is public, so caches may keep it (no Cache-Control from here); /api/session
                // says no-store itself.
                .headers(h -> h.defaultsDisabled().addHeaderWriter(headers.writer()));
        return http.build();
    }
}

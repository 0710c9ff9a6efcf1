package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.time.Instant;
import java.util.ArrayList;
import org.planmap.account.Account;
import org.planmap.account.Role;
import org.planmap.account.SqlRecords;
import org.planmap.security.LoginRateLimiter;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The security rules over real HTTP. Writes are tried on a test-only endpoint ({@code /api/test-only/mutate}),
 * so the rules are checked for any {@code /api/**} write without depending on the real import endpoints.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecurityTest extends ServerTest {

    static final String PASSWORD = "Zq7-configured-secret-41";
    static final String MUTATE = "/api/test-only/mutate";

    @DynamicPropertySource
    static void editorPassword(DynamicPropertyRegistry registry) {
        registry.add("planmap.security.editor-password", () -> PASSWORD);
    }

    @TestConfiguration
    static class TestOnlyEndpoint {
        @Bean
        Mutate testOnlyMutate() {
            return new Mutate();
        }
    }

    @RestController
    static class Mutate {
        @PostMapping(MUTATE)
        Map<String, String> post() {
            return Map.of("done", "post");
        }

        @DeleteMapping(MUTATE)
        Map<String, String> delete() {
            return Map.of("done", "delete");
        }
    }

    @Autowired
    UserDetailsService users;

    @Autowired
    LoginRateLimiter limiter;

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static void assertBilingual(Reply reply, int status, String code) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().get("code").asString()).isEqualTo(code);
        assertThat(reply.json().get("detail").asString()).isEqualTo(reply.json().get("message").get("zh").asString());
        assertThat(reply.json().get("message").get("en").asString()).isNotBlank();
    }

    /** Each test from its own made-up address would need a proxy; instead forget earlier failures. */
    void freshLimiter() {
        for (String account : List.of("editor", "someone")) {
            limiter.succeeded("127.0.0.1", account);
            limiter.succeeded("0:0:0:0:0:0:0:1", account);
        }
    }

    @Test
    void anonymousReadsEverything() throws Exception {
        for (String path : new String[] {"/", "/index.html", "/js/main.js", "/app.css",
                "/webjars/leaflet/1.9.4/dist/leaflet.js", "/api/layers", "/api/counties/141181", "/api/session"}) {
            Reply reply = send(HTTP, "GET", path, null);
            assertThat(reply.status()).as(path).isEqualTo(200);
        }
        assertThat(send(HTTP, "HEAD", "/api/layers", null).status()).isEqualTo(200);
        Reply session = send(HTTP, "GET", "/api/session", null);
        assertThat(session.json().get("authenticated").asBoolean()).isFalse();
        assertThat(session.json().get("username").isNull()).isTrue();
        assertThat(session.json().get("role").isNull()).isTrue();
        assertThat(session.header("Cache-Control")).contains("no-store");
    }

    @Test
    void anonymousWritesAreRefusedWith401AndNoBasicChallenge() throws Exception {
        Reply post = post(MUTATE, "{}", "Content-Type", "application/json");
        assertBilingual(post, 401, "unauthenticated");
        assertThat(post.header("WWW-Authenticate")).isNull();
        assertBilingual(delete(MUTATE), 401, "unauthenticated");
        assertBilingual(send(HTTP, "PUT", "/api/layers/counties", "{}", "Content-Type", "application/json"), 401,
                "unauthenticated");
    }

    @Test
    void basicWithTheRightPasswordPassesAndAWrongOneIs401() throws Exception {
        freshLimiter();
        Reply ok = post(MUTATE, null, "Authorization", basic("editor", PASSWORD));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("done").asString()).isEqualTo("post");
        assertThat(delete(MUTATE, "Authorization", basic("editor", PASSWORD)).status()).isEqualTo(200);
        // Basic requests are stateless: no session, and (sent without any token) no CSRF check.
        assertThat(ok.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));

        Reply wrong = post(MUTATE, null, "Authorization", basic("editor", PASSWORD + "x"));
        assertBilingual(wrong, 401, "bad-credentials");
        assertThat(wrong.header("WWW-Authenticate")).isNull();
        assertBilingual(post(MUTATE, null, "Authorization", basic("someone", PASSWORD)), 401, "bad-credentials");
        freshLimiter();
    }

    @Test
    void sixQuickFailuresAre429WithRetryAfter() throws Exception {
        freshLimiter();
        for (int i = 0; i < 3; i++) {
            assertThat(post(MUTATE, null, "Authorization", basic("editor", "guess" + i)).status()).isEqualTo(401);
        }
        for (int i = 3; i < 5; i++) {
            assertThat(post("/api/session", "{\"username\":\"editor\",\"password\":\"guess" + i + "\"}",
                    "Content-Type", "application/json").status()).isEqualTo(401);
        }
        Reply blocked = post(MUTATE, null, "Authorization", basic("editor", "guess5"));
        assertBilingual(blocked, 429, "too-many-login-attempts");
        assertThat(Integer.parseInt(blocked.header("Retry-After"))).isBetween(1, 60);
        // Blocked even with the right password, by either road, until the window passes.
        assertThat(post(MUTATE, null, "Authorization", basic("editor", PASSWORD)).status()).isEqualTo(429);
        assertThat(post("/api/session", "username=editor&password=" + PASSWORD,
                "Content-Type", "application/x-www-form-urlencoded").status()).isEqualTo(429);
        // Reading is never limited.
        assertThat(get("/api/layers").status()).isEqualTo(200);
        freshLimiter();
    }

    @Test
    void onlyTheViewerPageAndTheSessionEndpointSetTheCsrfCookie() throws Exception {
        for (String publicAnswer : List.of("/api/layers", "/api/layers/counties/features?zoom=7", "/api/counties/141181",
                "/ogc/collections", "/api/tiles/urban-development-boundary/9/417/193.png")) {
            Reply reply = send(HTTP, "GET", publicAnswer, null);
            assertThat(reply.status()).as(publicAnswer).isIn(200, 304);
            assertThat(reply.headers().allValues("Set-Cookie")).as(publicAnswer).isEmpty();
        }
        for (String start : List.of("/", "/api/session")) {
            assertThat(send(HTTP, "GET", start, null).headers().allValues("Set-Cookie")).as(start)
                    .anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN="));
        }
    }

    @Test
    void sessionLoginThenWritesNeedTheCsrfHeaderAndLogoutEndsIt() throws Exception {
        freshLimiter();
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

        Reply before = send(browser, "GET", "/api/session", null);
        assertThat(before.json().get("authenticated").asBoolean()).isFalse();
        assertThat(cookie(cookies, "XSRF-TOKEN")).isNotNull();

        Reply wrong = send(browser, "POST", "/api/session", "{\"username\":\"editor\",\"password\":\"nope\"}",
                "Content-Type", "application/json");
        assertBilingual(wrong, 401, "bad-credentials");

        Reply login = send(browser, "POST", "/api/session",
                "{\"username\":\"editor\",\"password\":\"" + PASSWORD + "\"}", "Content-Type", "application/json");
        assertThat(login.status()).isEqualTo(204);
        String sessionCookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(sessionCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN=")
                .doesNotContainIgnoringCase("HttpOnly"));

        Reply me = send(browser, "GET", "/api/session", null);
        assertThat(me.json().get("authenticated").asBoolean()).isTrue();
        assertThat(me.json().get("username").asString()).isEqualTo("editor");
        assertThat(me.json().get("role").asString()).isEqualTo("editor");

        assertBilingual(send(browser, "POST", MUTATE, null), 403, "csrf-token-invalid");
        assertBilingual(send(browser, "POST", MUTATE, null, "X-XSRF-TOKEN", "forged"), 403, "csrf-token-invalid");
        String token = cookie(cookies, "XSRF-TOKEN");
        assertThat(send(browser, "POST", MUTATE, null, "X-XSRF-TOKEN", token).status()).isEqualTo(200);
        assertThat(send(browser, "DELETE", MUTATE, null, "X-XSRF-TOKEN", token).status()).isEqualTo(200);

        assertThat(send(browser, "DELETE", "/api/session", null, "X-XSRF-TOKEN", token).status()).isEqualTo(204);
        assertThat(send(browser, "GET", "/api/session", null).json().get("authenticated").asBoolean()).isFalse();
        assertBilingual(send(browser, "POST", MUTATE, null, "X-XSRF-TOKEN", cookie(cookies, "XSRF-TOKEN")), 401,
                "unauthenticated");
    }

    @Test
    void formLoginWorksToo() throws Exception {
        freshLimiter();
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        Reply login = send(browser, "POST", "/api/session", "username=editor&password=" + PASSWORD,
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(login.status()).isEqualTo(204);
        assertThat(send(browser, "GET", "/api/session", null).json().get("username").asString()).isEqualTo("editor");
        assertBilingual(send(browser, "POST", "/api/session", "username=editor",
                "Content-Type", "application/x-www-form-urlencoded"), 400, "credentials-missing");
    }

    static String cookie(CookieManager cookies, String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    @Test
    void securityHeadersOnPagesAndApi() throws Exception {
        for (String path : new String[] {"/", "/api/layers", "/api/no-such-thing"}) {
            Reply reply = send(HTTP, "GET", path, null);
            String csp = reply.header("Content-Security-Policy");
            assertThat(csp).as(path).contains("default-src 'self'", "script-src 'self'",
                    "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "frame-ancestors 'none'");
            assertThat(csp).doesNotContain("unsafe-eval").doesNotContain("tianditu").doesNotContain("openstreetmap");
            assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(reply.header("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
        }
        assertThat(post(MUTATE, null).header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    @Test
    void thePasswordIsStoredHashedAndAConfiguredOneIsNeverLogged(CapturedOutput output) {
        assertThat(users.loadUserByUsername("editor").getPassword()).startsWith("{bcrypt}").doesNotContain(PASSWORD);
        assertThat(users.loadUserByUsername("editor").getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_EDITOR");
        // The capture covers the server's start (the store's start-up line proves it).
        assertThat(output.getAll()).contains("store");
        assertThat(output.getAll()).doesNotContain(PASSWORD).doesNotContain("generated one for this run");
    }

    @Autowired
    SqlRecords records;

    @Autowired
    PasswordEncoder encoder;

    /** A named account, as {@code users add} makes it (the server reads accounts at each login). */
    void account(String name, Role role, String password) {
        if (records.find(name).isEmpty()) {
            records.add(new Account(name, role, encoder.encode(password), true, Instant.now()));
        }
    }

    List<JsonNode> audit(String user, String password, String query) throws Exception {
        Reply reply = send(HTTP, "GET", "/api/audit" + query, null, "Authorization", basic(user, password));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        reply.json().get("entries").forEach(entries::add);
        return entries;
    }

    @Test
    void everyWriteAllowedOrRefusedAndEveryFailedLoginIsAudited() throws Exception {
        freshLimiter();
        account("auditor", Role.ADMIN, "admin-password-123");
        account("reader", Role.VIEWER, "viewer-password-123");
        Instant start = Instant.now();
        assertThat(post(MUTATE, null).status()).isEqualTo(401);
        assertThat(post(MUTATE, null, "Authorization", basic("editor", PASSWORD + "wrong")).status()).isEqualTo(401);
        assertThat(post(MUTATE, null, "Authorization", basic("reader", "viewer-password-123")).status())
                .isEqualTo(403);
        assertThat(delete(MUTATE, "Authorization", basic("auditor", "admin-password-123")).status()).isEqualTo(200);
        assertThat(post(MUTATE, null, "Authorization", basic("editor", PASSWORD)).status()).isEqualTo(200);

        List<JsonNode> all = audit("auditor", "admin-password-123", "?from=" + start);
        assertThat(all).extracting(e -> e.get("user").asString() + " " + e.get("action").asString() + " "
                + e.get("status").asInt() + " " + e.get("outcome").asString())
                .containsExactly(
                        "anonymous post /api/test-only/mutate 401 refused",
                        "editor login 401 refused",
                        "anonymous post /api/test-only/mutate 401 refused",
                        "reader post /api/test-only/mutate 403 refused",
                        "auditor delete /api/test-only/mutate 200 ok",
                        "editor post /api/test-only/mutate 200 ok");
        assertThat(all).allSatisfy(e -> assertThat(e.get("address").asString()).isNotBlank());
    }

    @Test
    void onlyAdminsReadTheWholeAuditLogEditorsTheirOwnAndNobodyElse() throws Exception {
        freshLimiter();
        account("auditor", Role.ADMIN, "admin-password-123");
        account("reader", Role.VIEWER, "viewer-password-123");
        assertThat(post(MUTATE, null, "Authorization", basic("auditor", "admin-password-123")).status())
                .isEqualTo(200);
        assertThat(post(MUTATE, null, "Authorization", basic("editor", PASSWORD)).status()).isEqualTo(200);

        assertThat(send(HTTP, "GET", "/api/audit", null).status()).isEqualTo(401);
        assertBilingual(send(HTTP, "GET", "/api/audit", null, "Authorization",
                basic("reader", "viewer-password-123")), 403, "audit-admins-only");
        assertThat(audit("editor", PASSWORD, "")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("user").asString()).isEqualTo("editor"));
        assertBilingual(send(HTTP, "GET", "/api/audit?user=auditor", null, "Authorization", basic("editor", PASSWORD)),
                403, "audit-not-yours");
        assertThat(audit("auditor", "admin-password-123", "?user=editor")).isNotEmpty();
        assertThat(audit("auditor", "admin-password-123", "")).extracting(e -> e.get("user").asString())
                .contains("auditor", "editor");
        assertBilingual(send(HTTP, "GET", "/api/audit?from=yesterday", null, "Authorization",
                basic("auditor", "admin-password-123")), 400, "invalid-parameter");
        // Nothing over HTTP changes the log: an editor's write there is not a route, an anonymous one is refused.
        assertThat(delete("/api/audit", "Authorization", basic("auditor", "admin-password-123")).status())
                .isIn(404, 405);

        Reply csv = send(HTTP, "GET", "/api/audit?format=csv&user=editor", null, "Authorization",
                basic("auditor", "admin-password-123"));
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.text())
                .startsWith("\uFEFFid,time,user,address,action,layer,version,layerVersion,fileName,sha256,status")
                .contains(",editor,");
    }
}

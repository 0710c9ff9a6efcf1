package org.planmap.config;

import org.planmap.settings.CheapProperties;
import org.planmap.settings.SecurityProperties;
import java.time.Duration;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.http.UriCompliance.Violation;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.planmap.encode.CachedLayers;
import org.planmap.security.ResponseHeaders;
import org.planmap.web.CachedLayerHandler;
import org.planmap.web.CheapRequests;
import org.planmap.web.ExpensiveRequests;
import org.planmap.web.JettyErrorReport;
import org.planmap.web.BodyLimit;
import org.planmap.web.MinimumDataRate;
import org.planmap.security.WriteGate;
import org.eclipse.jetty.server.Handler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Everything planmap changes in Jetty, in one place. Runs after Spring Boot's own customizer (it has no order), so
 * an operator's {@code server.jetty.*} settings are already applied and, where said below, still win.
 * <ul>
 * <li><b>Selectors:</b> one I/O thread per core. The cached-layer handler answers on those threads, and with Jetty's
 * default (half the cores) one core's worth of them served all connections (measured on 2 cores: 0.83–0.85 of
 * nginx's rate with one selector, 1.08–1.31 with two). {@code server.jetty.threads.selectors} wins.</li>
 * <li><b>Cached layers first:</b> {@link CachedLayerHandler} in front of the servlet application.</li>
 * <li><b>Expensive requests apart:</b> map images, exports and large queries run on their own bounded pool
 * ({@link ExpensiveRequests}, {@code planmap.expensive.*}), last before the servlet application, so Jetty's workers
 * stay free for everything else.</li>
 * <li><b>Cheap requests in turn:</b> the other reads are worked on a few at a time and wait first come, first served
 * ({@link CheapRequests}, {@code planmap.cheap.*}), so that a crowd does not share the cores two hundred ways.</li>
 * <li><b>Error report:</b> Jetty's own refusals (a malformed request line, a header or URL too long) are problem
 * documents like every other error ({@link JettyErrorReport}).</li>
 * <li><b>URI compliance:</b> URLs with encoded separators ({@code %2F}, {@code %5C}), encoded dot segments or empty
 * segments get through Jetty's checks to Spring Security's firewall, which names the fault in its own problem
 * document (only these: Jetty's LEGACY set also lets {@code %u002e} through, which Spring cannot decode).</li>
 * <li><b>Minimum request data rate</b> ({@code planmap.security.min-request-data-rate}): a body that trickles
 * slower, judged from 5 s after its first read, is cut off ({@link MinimumDataRate}), so slow uploads cannot hold
 * worker threads for as long as the idle timeout allows per byte.</li>
 * <li><b>Site-review bodies</b> stop at 20 MB as they stream ({@link BodyLimit}), chunked ones included.</li>
 * </ul>
 */
@Component
class JettyCustomization implements WebServerFactoryCustomizer<JettyServletWebServerFactory> {

    static final String SELECTORS = "server.jetty.threads.selectors";
    /** A small body read late is no slow body: the rate is judged only after this long. */
    static final Duration DATA_RATE_GRACE = Duration.ofSeconds(5);

    private final ObjectProvider<CachedLayers> cache;
    private final ExpensiveRequests expensive;
    private final CheapProperties cheap;
    private final ResponseHeaders headers;
    private final SecurityProperties security;
    private final Environment environment;

    JettyCustomization(ObjectProvider<CachedLayers> cache, ExpensiveRequests expensive, CheapProperties cheap,
            ResponseHeaders headers, SecurityProperties security, Environment environment) {
        this.cache = cache;
        this.expensive = expensive;
        this.cheap = cheap;
        this.headers = headers;
        this.security = security;
        this.environment = environment;
    }

    @Override
    public void customize(JettyServletWebServerFactory factory) {
        if (!environment.containsProperty(SELECTORS)) {
            factory.setSelectors(Runtime.getRuntime().availableProcessors());
        }
        factory.addServerCustomizers(this::customize);
    }

    void customize(Server server) {
        server.setErrorHandler(new JettyErrorReport(headers));
        expensive.setHandler(server.getHandler());
        Handler rated = new MinimumDataRate(new CheapRequests(cheap, expensive), security.minRequestDataRate().toBytes(),
                DATA_RATE_GRACE);
        server.setHandler(new CachedLayerHandler(new BodyLimit(rated, "POST", WriteGate.SITE_REVIEW, WriteGate.MAX_SITE_REVIEW_BYTES),
                cache::getObject, headers));
        for (Connector connector : server.getConnectors()) {
            HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) {
                http.getHttpConfiguration().setUriCompliance(UriCompliance.DEFAULT.with("planmap",
                        Violation.AMBIGUOUS_PATH_SEPARATOR, Violation.AMBIGUOUS_PATH_SEGMENT,
                        Violation.AMBIGUOUS_PATH_ENCODING, Violation.AMBIGUOUS_EMPTY_SEGMENT));
            }
        }
    }
}

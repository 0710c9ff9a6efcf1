package org.planmap.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.planmap.boundary.BoundaryLayers;
import org.planmap.layer.CachedLayers;
import org.planmap.layer.LayerService;
import org.planmap.plan.PlanLayers;
import org.planmap.plan.StructureLayers;
import org.planmap.security.ResponseHeaders;
import org.planmap.web.CachedLayerHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * How the small layers reach browsers fast: one cache of their encoded answers, and a handler that sends them
 * from Jetty's I/O threads before the servlet application (README 性能, bench/run).
 */
@Configuration(proxyBeanMethods = false)
class ServingConfiguration {

    /** The layers the viewer loads whole; the others (control lines) are large and queried by bbox. */
    static final List<String> SMALL_LAYERS = List.of(PlanLayers.COUNTIES, PlanLayers.CITIES, BoundaryLayers.PROVINCE,
            BoundaryLayers.NEIGHBOURS, StructureLayers.TOWN_GROUPS, StructureLayers.REGIONS);

    static final String SELECTORS = "server.jetty.threads.selectors";

    /** A layer replaced by another instance on the same PostGIS shows within a second. */
    private static final Duration VERSION_CHECK = Duration.ofSeconds(1);

    @Bean
    CachedLayers cachedLayers(LayerService layers) {
        return new CachedLayers(layers, PlanLayers.COUNTIES, SMALL_LAYERS,
                Map.of(PlanLayers.COUNTIES, PlanLayers.COUNTY_MAP_PROPERTIES), VERSION_CHECK);
    }

    /**
     * The cached-layer handler in front of everything, and one selector (I/O) thread per core: the handler
     * answers on those threads, and with Jetty's default (half the cores) one core's worth of them served all
     * connections (measured on 2 cores: 0.83–0.85 of nginx's rate with one selector, 1.08–1.31 with two). An
     * operator's {@code server.jetty.threads.selectors} still wins: this customizer runs after Spring Boot's.
     */
    @Bean
    WebServerFactoryCustomizer<JettyServletWebServerFactory> cachedLayersFirst(ObjectProvider<CachedLayers> cache,
            ResponseHeaders headers, Environment environment) {
        return factory -> {
            if (!environment.containsProperty(SELECTORS)) {
                factory.setSelectors(Runtime.getRuntime().availableProcessors());
            }
            factory.addServerCustomizers(
                    server -> server.setHandler(new CachedLayerHandler(server.getHandler(), cache::getObject, headers)));
        };
    }
}

package org.planmap.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.planmap.boundary.BoundaryLayers;
import org.planmap.layer.CachedLayers;
import org.planmap.layer.LayerService;
import org.planmap.plan.PlanLayers;
import org.planmap.plan.StructureLayers;
import org.planmap.web.CachedLayerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * How the small layers reach browsers fast: one cache of their encoded answers, a filter that sends them
 * before Spring MVC, and the Tomcat settings that mattered when measured (README 性能, bench/run).
 */
@Configuration(proxyBeanMethods = false)
class ServingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ServingConfiguration.class);

    /** The layers the viewer loads whole; the others (control lines) are large and queried by bbox. */
    static final List<String> SMALL_LAYERS = List.of(PlanLayers.COUNTIES, PlanLayers.CITIES, BoundaryLayers.PROVINCE,
            BoundaryLayers.NEIGHBOURS, StructureLayers.TOWN_GROUPS, StructureLayers.REGIONS);

    /** A layer replaced by another instance on the same PostGIS shows within a second. */
    private static final Duration VERSION_CHECK = Duration.ofSeconds(1);

    @Bean
    CachedLayers cachedLayers(LayerService layers) {
        return new CachedLayers(layers, PlanLayers.COUNTIES, SMALL_LAYERS,
                Map.of(PlanLayers.COUNTIES, PlanLayers.COUNTY_MAP_PROPERTIES), VERSION_CHECK);
    }

    /**
     * Built once the server is up, off the start-up path: ≈ 1–2 s of simplifying and compressing on two
     * cores that would otherwise delay either the start or the first viewer. A request that comes first
     * waits for the same build rather than starting another.
     */
    @EventListener(ApplicationReadyEvent.class)
    void warmLayerCache(ApplicationReadyEvent event) {
        CachedLayers cache = event.getApplicationContext().getBean(CachedLayers.class);
        Thread warm = new Thread(() -> {
            long start = System.nanoTime();
            try {
                cache.warm();
                log.info("cached the small layers in {} ms", (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException e) {
                // Not fatal: each request builds what it needs and reports its own error.
                log.warn("could not build the layer cache ahead of requests: {}", e.toString());
            }
        }, "layer-cache-warm");
        warm.setDaemon(true);
        warm.start();
    }

    /** After Spring Security's filters (order -100), so its headers and rules apply to cached answers too. */
    @Bean
    FilterRegistrationBean<CachedLayerFilter> cachedLayerFilter(CachedLayers cache) {
        FilterRegistrationBean<CachedLayerFilter> registration = new FilterRegistrationBean<>(new CachedLayerFilter(cache));
        registration.addUrlPatterns("/api/layers/*");
        registration.setOrder(0);
        return registration;
    }

    /**
     * NIO2, and a 64 KB socket write buffer instead of the connector's small default: the buffer roughly
     * halved kernel time per response of a 60 KB layer, NIO2 added a little more (measured; README 性能).
     * Keep-alive without a request limit is in application.properties.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatForCachedBytes() {
        return factory -> {
            factory.setProtocol("org.apache.coyote.http11.Http11Nio2Protocol");
            factory.addConnectorCustomizers(connector -> connector.setProperty("socket.appWriteBufSize", "65536"));
        };
    }
}

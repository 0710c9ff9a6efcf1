package org.planmap.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.planmap.boundary.BoundaryLayers;
import org.planmap.layer.CachedLayers;
import org.planmap.layer.LayerService;
import org.planmap.plan.PlanLayers;
import org.planmap.plan.StructureLayers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * How the small layers reach browsers fast: one cache of their encoded answers, and a handler that sends them
 * from Jetty's I/O threads before the servlet application ({@link JettyCustomization}; README 性能, bench/run).
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
}

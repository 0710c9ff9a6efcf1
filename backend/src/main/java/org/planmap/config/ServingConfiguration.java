package org.planmap.config;

import org.planmap.settings.ExpensiveProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.planmap.boundary.BoundaryLayers;
import org.planmap.encode.CachedLayers;
import org.planmap.layer.LayerService;
import org.planmap.store.LayerInfo;
import org.planmap.plan.PlanLayers;
import org.planmap.plan.StructureLayers;
import org.planmap.security.ResponseHeaders;
import org.planmap.web.ExpensiveRequests;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the small layers reach browsers fast: one cache of their encoded answers, and a handler that sends them
 * from Jetty's I/O threads before the servlet application ({@link JettyCustomization}; README 性能, bench/run);
 * and the pool that keeps expensive requests from delaying them ({@link ExpensiveRequests}).
 */
@Configuration(proxyBeanMethods = false)
class ServingConfiguration {

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

    /** Jetty stops it with the server (its threads end there), so Spring need not. */
    @Bean(destroyMethod = "")
    ExpensiveRequests expensiveRequests(ExpensiveProperties properties, ResponseHeaders headers, LayerService layers) {
        return new ExpensiveRequests(properties, headers, id -> layers.layers().stream().filter(l -> l.id().equals(id))
                .mapToLong(LayerInfo::featureCount).findFirst().orElse(Long.MAX_VALUE));
    }
}

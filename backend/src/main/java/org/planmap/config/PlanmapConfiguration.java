package org.planmap.config;

import java.util.ArrayList;
import java.util.List;
import org.planmap.boundary.BoundaryFiles;
import org.planmap.boundary.BoundaryLayers;
import org.planmap.boundary.BoundarySet;
import org.planmap.layer.LayerContent;
import org.planmap.layer.LayerPublisher;
import org.planmap.layer.LayerService;
import org.planmap.plan.CountyDirectory;
import org.planmap.plan.PlanLayers;
import org.planmap.plan.PlanTables;
import org.planmap.plan.StructureLayers;
import org.planmap.store.DataDirectory;
import org.planmap.store.FeatureStore;
import org.planmap.store.gpkg.GeoPackageStore;
import org.planmap.store.postgis.PostgisStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.util.unit.DataSize;
import org.springframework.context.annotation.Configuration;

/** Wires the plain domain and store classes; none of them knows Spring. */
@Configuration(proxyBeanMethods = false)
class PlanmapConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlanmapConfiguration.class);

    @Bean
    BoundarySet boundaries() {
        return BoundaryFiles.fromClasspath();
    }

    @Bean
    PlanTables planTables() {
        return PlanTables.fromClasspath();
    }

    @Bean
    CountyDirectory countyDirectory(BoundarySet boundaries, PlanTables tables) {
        return new CountyDirectory(boundaries, tables);
    }

    /**
     * The data directory holds the embedded store and, with either store, the uploads being imported: it is
     * checked before anything opens it, so a read-only or full disk stops the start with a clear message.
     */
    @Bean(destroyMethod = "close")
    FeatureStore featureStore(PlanmapProperties properties,
            @Value("${planmap.data-dir-min-free-mb:200}") long minFreeMb,
            @Value("${planmap.store-max-size:}") DataSize storeMaxSize) {
        DataDirectory.check(properties.dataDir(), minFreeMb << 20);
        if (properties.usesDatabase()) {
            PostgisStore store = PostgisStore.open(properties.dbUrl(), properties.dbUser(), properties.dbPassword(),
                    properties.dbSchema());
            // The URL only up to its query, which may carry a password.
            log.info("PostGIS store: {} schema {} as user {}", properties.dbUrl().replaceFirst("\\?.*", ""),
                    store.schema(), properties.dbUser() == null ? "(driver default)" : properties.dbUser());
            return store;
        }
        GeoPackageStore store = GeoPackageStore.open(properties.dataDir());
        if (storeMaxSize != null) {
            store.limitSize(storeMaxSize.toBytes());
        }
        log.info("embedded GeoPackage store: {}{}", store.file().toAbsolutePath(),
                storeMaxSize == null ? "" : ", at most " + storeMaxSize);
        return store;
    }

    @Bean
    LayerService layerService(FeatureStore store, BoundarySet boundaries, PlanTables tables, CountyDirectory directory) {
        LayerPublisher publisher = new LayerPublisher(store);
        List<LayerContent> layers = new ArrayList<>(BoundaryLayers.all(boundaries));
        layers.addAll(PlanLayers.all(boundaries, tables, directory));
        layers.addAll(new StructureLayers(boundaries).all(tables));
        for (LayerContent layer : layers) {
            if (publisher.publish(layer)) {
                log.info("stored layer {} ({} features)", layer.info().id(), layer.features().size());
            }
        }
        return new LayerService(store);
    }
}

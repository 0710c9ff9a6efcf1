package org.planmap.config;

import org.planmap.settings.PlanmapProperties;
import org.planmap.settings.SmallLayersProperties;
import org.planmap.settings.VersionProperties;
import org.planmap.boundary.BoundaryFiles;
import org.planmap.boundary.BoundarySet;
import org.planmap.controlline.DemoControlLinePublisher;
import org.planmap.controlline.LedgerService;
import org.planmap.encode.CachedLayers;
import org.planmap.layer.LayerService;
import org.planmap.layer.LayerWriter;
import org.planmap.plan.CountyDirectory;
import org.planmap.plan.CurrentBoundaries;
import org.planmap.plan.PlacesInForce;
import org.planmap.plan.PlanTables;
import org.planmap.render.OverviewWarmer;
import org.planmap.store.DataDirectory;
import org.planmap.store.FeatureStore;
import org.planmap.store.gpkg.GeoPackageStore;
import org.planmap.store.postgis.PostgisStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/** Wires the plain domain and store classes; none of them knows Spring. */
@Configuration(proxyBeanMethods = false)
class PlanmapConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlanmapConfiguration.class);

    /** The DataV boundaries planmap carries: the demonstration lines' layout, and the set in force until replaced. */
    @Bean
    BoundarySet boundaries() {
        return BoundaryFiles.fromClasspath();
    }

    @Bean
    PlanTables planTables() {
        return PlanTables.fromClasspath();
    }

    /** The DataV set's directory; who needs the counties in force asks {@link CurrentBoundaries}. */
    @Bean
    CountyDirectory dataVCountyDirectory(BoundarySet boundaries, PlanTables tables) {
        return new CountyDirectory(boundaries, tables);
    }

    /**
     * The data directory holds the embedded store and, with either store, the uploads being imported: it is
     * checked before anything opens it, so a read-only or full disk stops the start with a clear message.
     */
    @Bean(destroyMethod = "close")
    FeatureStore featureStore(PlanmapProperties properties) {
        DataDirectory.check(properties.dataDir(), properties.dataDirMinFreeMb() << 20);
        if (properties.usesDatabase()) {
            PostgisStore store = PostgisStore.open(properties.dbUrl(), properties.dbUser(), properties.dbPassword(),
                    properties.dbSchema());
            // The URL only up to its query, which may carry a password.
            log.info("PostGIS store: {} schema {} as user {}", properties.dbUrl().replaceFirst("\\?.*", ""),
                    store.schema(), properties.dbUser() == null ? "(driver default)" : properties.dbUser());
            return store;
        }
        GeoPackageStore store = GeoPackageStore.open(properties.dataDir());
        DataSize maxSize = properties.storeMaxSize();
        if (maxSize != null) {
            store.limitSize(maxSize.toBytes());
        }
        log.info("embedded GeoPackage store: {}{}", store.file().toAbsolutePath(),
                maxSize == null ? "" : ", at most " + maxSize);
        return store;
    }

    /** Every change of a layer goes through it; who follows the changes subscribes in {@link Startup}. */
    @Bean
    LayerWriter layerWriter(FeatureStore store, VersionProperties versions) {
        return new LayerWriter(store, versions.keep());
    }

    @Bean
    LayerService layerService(FeatureStore store) {
        return new LayerService(store);
    }

    @Bean
    CurrentBoundaries currentBoundaries(BoundarySet boundaries, CountyDirectory dataVDirectory, PlanTables tables,
            LayerWriter writer, LayerService layers) {
        return new CurrentBoundaries(boundaries, dataVDirectory, tables, writer, layers);
    }

    /** Prepared as it is made: the port opens only after every singleton, this one included, exists. */
    @Bean
    Startup startup(LayerWriter writer, BoundarySet boundaries, CountyDirectory directory,
            CurrentBoundaries current, PlacesInForce places, DemoControlLinePublisher demonstration,
            LedgerService ledger, CachedLayers cachedLayers, SmallLayersProperties smallLayers, OverviewWarmer overviews,
            Environment environment, PlanmapProperties properties) {
        Startup startup = new Startup(writer, boundaries, directory, current, places, demonstration, ledger, cachedLayers,
                smallLayers.warm(), overviews, environment.getProperty("server.address", "localhost"), properties.uploads());
        startup.prepare();
        return startup;
    }
}

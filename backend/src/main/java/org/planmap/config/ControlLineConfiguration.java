package org.planmap.config;

import org.planmap.boundary.BoundarySet;
import org.planmap.controlline.ControlLineReset;
import org.planmap.controlline.DemoControlLinePublisher;
import org.planmap.controlline.DemoControlLines;
import org.planmap.controlline.LedgerService;
import org.planmap.layer.LayerPublisher;
import org.planmap.layer.LayerService;
import org.planmap.plan.CountyDirectory;
import org.planmap.render.OverviewWarmer;
import org.planmap.store.FeatureStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes the three control lines' demonstration layers at start-up, after the base layers (the bean
 * takes {@link LayerService}, which publishes them) and before the server answers. Kept apart from
 * {@code PlanmapConfiguration} so the control-line wiring can change on its own.
 */
@Configuration(proxyBeanMethods = false)
class ControlLineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ControlLineConfiguration.class);

    @Bean
    DemoControlLinePublisher.Outcome demoControlLines(LayerService baseLayersPublished, FeatureStore store,
            BoundarySet boundaries, CountyDirectory directory) {
        long start = System.nanoTime();
        DemoControlLinePublisher.Outcome outcome = new DemoControlLinePublisher(store)
                .publish(boundaries, directory, DemoControlLines.DEFAULT_SEED);
        if (!outcome.stored().isEmpty()) {
            log.info("stored demonstration control lines {} (示意数据，非官方; seed {}) in {} ms", outcome.stored(),
                    DemoControlLines.DEFAULT_SEED, (System.nanoTime() - start) / 1_000_000);
        }
        if (!outcome.keptOfficial().isEmpty()) {
            log.info("kept imported control lines {}: demonstration data never replaces them", outcome.keptOfficial());
        }
        return outcome;
    }

    @Bean
    ControlLineReset controlLineReset(FeatureStore store, BoundarySet boundaries, CountyDirectory directory,
            LedgerService ledger, OverviewWarmer overviews) {
        return new ControlLineReset(store, boundaries, directory, ledger, overviews::layersChanged);
    }

    /** Computed once the demonstration lines (or the imported ones kept instead) are in the store. */
    @Bean
    LedgerService controlLineLedger(DemoControlLinePublisher.Outcome linesPublished, LayerService layers,
            FeatureStore store, BoundarySet boundaries) {
        LedgerService ledger = new LedgerService(layers, new LayerPublisher(store), boundaries);
        ledger.refresh();
        return ledger;
    }
}

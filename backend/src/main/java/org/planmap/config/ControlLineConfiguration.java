package org.planmap.config;

import org.planmap.boundary.BoundarySet;
import org.planmap.controlline.ControlLineReset;
import org.planmap.controlline.DemoControlLinePublisher;
import org.planmap.controlline.LedgerService;
import org.planmap.controlline.VersionDiff;
import org.planmap.layer.LayerService;
import org.planmap.layer.LayerWriter;
import org.planmap.plan.CountyDirectory;
import org.planmap.plan.CurrentBoundaries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The control lines: their demonstration set, the reset to it, and the ledger. When each of them runs at start
 * is {@link Startup}'s to say, not this wiring's.
 */
@Configuration(proxyBeanMethods = false)
class ControlLineConfiguration {

    @Bean
    DemoControlLinePublisher demoControlLinePublisher(LayerWriter writer) {
        return new DemoControlLinePublisher(writer);
    }

    @Bean
    ControlLineReset controlLineReset(DemoControlLinePublisher demonstration, BoundarySet boundaries,
            CountyDirectory directory) {
        return new ControlLineReset(demonstration, boundaries, directory);
    }

    @Bean
    VersionDiff versionDiff(LayerService layers, CurrentBoundaries boundaries) {
        return new VersionDiff(layers, boundaries::set);
    }

    /** Cut by the boundaries in force; the demonstration lines (above) stay on the DataV layout. */
    @Bean
    LedgerService controlLineLedger(LayerService layers, LayerWriter writer, CurrentBoundaries boundaries) {
        return new LedgerService(layers, writer, boundaries::current);
    }
}

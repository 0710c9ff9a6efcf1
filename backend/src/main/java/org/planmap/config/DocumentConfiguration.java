package org.planmap.config;

import org.planmap.boundary.BoundarySet;
import org.planmap.plan.CountyCards;
import org.planmap.plan.CountyDirectory;
import org.planmap.plan.PlanDocuments;
import org.planmap.plan.PlanTables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the seed documents' reader, passage index and 吕梁 tasks, and the county cards drawn from them. */
@Configuration(proxyBeanMethods = false)
class DocumentConfiguration {

    @Bean
    PlanDocuments planDocuments(BoundarySet boundaries, PlanTables tables) {
        return PlanDocuments.fromClasspath(boundaries.units(), tables);
    }

    @Bean
    CountyCards countyCards(CountyDirectory directory, PlanTables tables, PlanDocuments documents) {
        return new CountyCards(directory, tables, documents);
    }
}

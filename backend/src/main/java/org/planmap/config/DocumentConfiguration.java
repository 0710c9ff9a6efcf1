package org.planmap.config;

import org.planmap.boundary.BoundarySet;
import org.planmap.plan.CurrentBoundaries;
import org.planmap.plan.PlacesInForce;
import org.planmap.plan.PlanDocuments;
import org.planmap.plan.PlanTables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the seed documents' reader, passage index and 吕梁 tasks, and the county cards drawn from them as the
 * boundaries in force name and measure the counties.
 */
@Configuration(proxyBeanMethods = false)
class DocumentConfiguration {

    /** The seeds with the DataV units' places: the names the plan was written with. */
    @Bean
    PlanDocuments planDocuments(BoundarySet boundaries, PlanTables tables) {
        return PlanDocuments.fromClasspath(boundaries.units(), tables);
    }

    @Bean
    PlacesInForce placesInForce(CurrentBoundaries boundaries, PlanDocuments documents, PlanTables tables) {
        return new PlacesInForce(boundaries, documents, tables);
    }
}

package org.planmap.config;

import org.planmap.atlas.CountyAtlas;
import org.planmap.controlline.LedgerService;
import org.planmap.importer.ImportService;
import org.planmap.layer.LayerService;
import org.planmap.plan.PlacesInForce;
import org.planmap.render.MapImage;
import org.planmap.render.MapPdf;
import org.planmap.review.SiteReader;
import org.planmap.review.SiteReportPdf;
import org.planmap.review.SiteReview;
import org.planmap.settings.PlanmapProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 合规性审查 and the PDFs: site review, its report, print sheets and the county atlas. */
@Configuration(proxyBeanMethods = false)
class ReviewConfiguration {

    @Bean
    SiteReader siteReader(ImportService imports, PlanmapProperties properties) {
        return new SiteReader(imports, properties.uploads());
    }

    @Bean
    SiteReview siteReview(LayerService layers, PlacesInForce places) {
        return new SiteReview(layers, places::cards);
    }

    @Bean
    MapPdf mapPdf(MapImage maps) {
        return new MapPdf(maps);
    }

    @Bean
    SiteReportPdf siteReportPdf(MapPdf maps) {
        return new SiteReportPdf(maps);
    }

    @Bean
    CountyAtlas countyAtlas(LayerService layers, PlacesInForce places, LedgerService ledger, MapPdf maps) {
        return new CountyAtlas(layers, places::cards, ledger, maps);
    }
}

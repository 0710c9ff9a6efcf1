package org.planmap.config;

import org.planmap.settings.RenderProperties;
import org.planmap.layer.ByteCache;
import org.planmap.layer.LayerService;
import org.planmap.render.Identify;
import org.planmap.render.MapImage;
import org.planmap.render.MapRenderer;
import org.planmap.style.MapStyles;
import org.planmap.render.OverviewWarmer;
import org.planmap.render.Tiles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server-side renderer: map images, tiles and identify, all on the viewer's style file. */
@Configuration(proxyBeanMethods = false)
class RenderConfiguration {

    /** The viewer's style file, read once for the renderer and for the styles exports and style.sld/.qml carry. */
    @Bean
    MapStyles mapStyles() {
        return MapStyles.fromClasspath();
    }

    @Bean
    MapRenderer mapRenderer(LayerService layers, MapStyles styles) {
        return new MapRenderer(layers, styles);
    }

    @Bean
    MapImage mapImage(MapRenderer renderer, LayerService layers) {
        return new MapImage(renderer, layers);
    }

    @Bean
    Tiles tiles(MapRenderer renderer, LayerService layers, RenderProperties properties) {
        return new Tiles(renderer, layers, new ByteCache<>(properties.overviewTileCache().toBytes()),
                new ByteCache<>(properties.tileCache().toBytes()), properties.overviewZoom());
    }

    @Bean(destroyMethod = "close")
    OverviewWarmer overviewWarmer(Tiles tiles, LayerService layers, MapRenderer renderer) {
        return new OverviewWarmer(tiles, layers, renderer.styles().denseLayers());
    }

    @Bean
    Identify identify(LayerService layers) {
        return new Identify(layers);
    }
}

package org.planmap.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the server-drawn maps ({@code --planmap.render.*}).
 *
 * @param minSize   smallest width or height of a map image, in pixels
 * @param maxSize   largest width or height of a map image, in pixels
 * @param maxPixels most pixels in one map image (width × height): an RGB image costs 4 bytes a pixel while drawn
 * @param tileCache memory for encoded tiles (least recently used out first); sized for a 1 GB heap
 * @param overviewZoom      the zooms the viewer opens at (0 to this): their tiles of the dense layers are drawn
 *                          ahead after every change of a layer, in both grids (Web Mercator and CGCS2000), and kept
 *                          in a cache of their own
 * @param overviewTileCache memory for those tiles: at 500 000 features the four dense layers' 170 overview tiles
 *                          of each grid take about 1 MB, so this holds many versions
 */
@ConfigurationProperties("planmap.render")
public record RenderProperties(@DefaultValue("64") int minSize, @DefaultValue("4096") int maxSize,
        @DefaultValue("8000000") long maxPixels, @DefaultValue("128MB") DataSize tileCache,
        @DefaultValue("8") int overviewZoom, @DefaultValue("16MB") DataSize overviewTileCache) {
}

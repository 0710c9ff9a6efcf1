package org.planmap.config;

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
 */
@ConfigurationProperties("planmap.render")
public record RenderProperties(@DefaultValue("64") int minSize, @DefaultValue("4096") int maxSize,
        @DefaultValue("8000000") long maxPixels, @DefaultValue("128MB") DataSize tileCache) {
}

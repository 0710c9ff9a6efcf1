package org.planmap.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The small layers the viewer loads whole (counties, cities, province, neighbours, town groups, regions), whose
 * encoded answers are cached ({@code --planmap.small-layers.*}).
 *
 * @param warm build every answer in the background once the server is ready (≈ 1–2 CPU-seconds), so the viewer's
 *             first requests find them built; {@code false} builds each at the first request for it, which is
 *             cheaper for a server asked for few of them (the tests' servers)
 */
@ConfigurationProperties("planmap.small-layers")
public record SmallLayersProperties(@DefaultValue("true") boolean warm) {
}

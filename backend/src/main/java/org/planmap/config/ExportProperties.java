package org.planmap.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of file exports ({@code --planmap.export.*}).
 *
 * @param maxFeatures most features in one export: a file is built whole in memory before it is sent (so a
 *                    failure is an error, not a cut file), and a 500 000-polygon control line would not fit a
 *                    1 GB heap; a larger request is asked to narrow itself by bbox or adcode
 */
@ConfigurationProperties("planmap.export")
public record ExportProperties(@DefaultValue("100000") long maxFeatures) {
}

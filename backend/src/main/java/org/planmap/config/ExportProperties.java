package org.planmap.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of file exports ({@code --planmap.export.*}).
 *
 * @param maxFeatures most features in one export: a file is built whole in memory before it is sent (so a
 *                    failure is an error, not a cut file), and a 500 000-polygon control line would not fit a
 *                    1 GB heap; a larger request is asked to narrow itself by bbox or adcode
 * @param cache       memory for export files already encoded (least recently used out first; an import
 *                    changes the layer's version, so a file of an older version is never served again)
 */
@ConfigurationProperties("planmap.export")
public record ExportProperties(@DefaultValue("100000") long maxFeatures, @DefaultValue("64MB") DataSize cache) {
}

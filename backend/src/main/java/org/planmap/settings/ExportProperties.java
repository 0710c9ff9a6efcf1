package org.planmap.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * File exports ({@code --planmap.export.*}). An export streams from the store to the client whatever its size
 * (Shapefile and GeoPackage by way of scratch files in the data directory's {@code exports}), so there is no cap
 * on the number of features.
 *
 * @param cache memory for export files already encoded (least recently used out first; an import changes the
 *              layer's version, so a file of an older version is never served again); only files up to a
 *              sixteenth of it are kept, so a large export is never held in memory
 */
@ConfigurationProperties("planmap.export")
public record ExportProperties(@DefaultValue("64MB") DataSize cache) {
}

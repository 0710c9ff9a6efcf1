package org.planmap.settings;

import org.planmap.importer.ImportLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of data import ({@code --planmap.import.*}): a hostile or mistaken file is refused before it exhausts
 * memory or disk; the defaults suit province-wide control lines.
 *
 * @param maxUploadSize         largest upload (bigger: 413 before anything is read); also Spring's multipart limit
 * @param maxUncompressedSize   most a zip may expand to (zip bombs are refused while extracting)
 * @param maxFeatures           most features in one imported file
 * @param maxVertices           most vertices in one imported file
 */
@ConfigurationProperties("planmap.import")
public record ImportProperties(@DefaultValue("512MB") DataSize maxUploadSize,
        @DefaultValue("2GB") DataSize maxUncompressedSize, @DefaultValue("1000000") long maxFeatures,
        @DefaultValue("100000000") long maxVertices) {

    public ImportLimits limits() {
        return new ImportLimits(maxUploadSize.toBytes(), maxUncompressedSize.toBytes(), maxFeatures, maxVertices);
    }
}

package org.planmap.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * planmap's settings ({@code --planmap.*} options, {@code PLANMAP_*} environment variables).
 *
 * @param dataDir  where the embedded GeoPackage store lives; created if missing
 * @param security who may change data
 */
@ConfigurationProperties("planmap")
public record PlanmapProperties(@DefaultValue("planmap-data") Path dataDir, @DefaultValue Security security) {

    /** @param editorPassword the editors' password (import and delete arrive with the control lines) */
    public record Security(String editorPassword) {
    }
}

package org.planmap.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * planmap's settings ({@code --planmap.*} options, {@code PLANMAP_*} environment variables).
 *
 * @param dataDir    where the embedded GeoPackage store lives; created if missing (unused with PostGIS)
 * @param dbUrl      a PostgreSQL/PostGIS JDBC URL ({@code jdbc:postgresql://host:5432/db}); when set, layers
 *                   are stored there instead of in the GeoPackage
 * @param dbUser     the database user
 * @param dbPassword the database user's password; never logged
 * @param dbSchema   the schema planmap keeps its tables in; created if missing
 */
@ConfigurationProperties("planmap")
public record PlanmapProperties(@DefaultValue("planmap-data") Path dataDir, String dbUrl, String dbUser,
        String dbPassword, @DefaultValue("planmap") String dbSchema, @DefaultValue Basemap basemap) {

    public boolean usesDatabase() {
        return dbUrl != null && !dbUrl.isBlank();
    }

    /** Like the record's own, without the passwords. */
    @Override
    public String toString() {
        return "PlanmapProperties[dataDir=" + dataDir + ", dbUrl=" + dbUrl + ", dbUser=" + dbUser
                + ", dbPassword=" + (dbPassword == null ? "none" : "***") + ", dbSchema=" + dbSchema
                + ", basemap=" + basemap + "]";
    }

    /**
     * Optional online tile basemaps; none by default, because planners' networks (政务外网) often reach
     * no internet. Only WGS84/CGCS2000-aligned services are offered: never GCJ-02 tiles (AMap, Google
     * China), which would sit ≈ 500 m off the boundaries.
     *
     * @param tiandituKey a 天地图 browser key (https://console.tianditu.gov.cn); enables 天地图 vector and imagery
     * @param osm         offer OpenStreetMap's standard tiles
     */
    public record Basemap(String tiandituKey, @DefaultValue("false") boolean osm) {
    }
}

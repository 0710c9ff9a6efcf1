package org.planmap.settings;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * planmap's settings ({@code --planmap.*} options, {@code PLANMAP_*} environment variables); those of one concern
 * have a record of their own ({@link ImportProperties}, {@link RenderProperties}, {@link ExportProperties}).
 * docs/configuration.md lists them all, checked against the metadata built from these records.
 *
 * @param dataDir          where the embedded GeoPackage store ({@code planmap.gpkg}) lives, and with either store
 *                         the uploads being imported; created if missing
 * @param dbUrl            a PostgreSQL/PostGIS JDBC URL ({@code jdbc:postgresql://host:5432/db}); when set, layers
 *                         are stored there instead of in the GeoPackage
 * @param dbUser           the database user
 * @param dbPassword       the database user's password; never logged
 * @param dbSchema         the schema planmap keeps its tables in; created if missing
 * @param dataDirMinFreeMb free space (MB) the data directory's disk must have at start, or planmap does not start
 * @param storeMaxSize     caps the embedded GeoPackage (e.g. {@code 4GB}); an import beyond it fails as on a full
 *                         disk; none by default
 */
@ConfigurationProperties("planmap")
public record PlanmapProperties(@DefaultValue("planmap-data") Path dataDir, String dbUrl, String dbUser,
        String dbPassword, @DefaultValue("planmap") String dbSchema, @DefaultValue("200") long dataDirMinFreeMb,
        DataSize storeMaxSize, @DefaultValue Basemap basemap) {

    public boolean usesDatabase() {
        return dbUrl != null && !dbUrl.isBlank();
    }

    /** Where uploads wait for their import: in the data directory, on the store's disk, not in /tmp (often small). */
    public Path uploads() {
        return dataDir.resolve("uploads");
    }

    /** Like the record's own, without the passwords. */
    @Override
    public String toString() {
        return "PlanmapProperties[dataDir=" + dataDir + ", dbUrl=" + dbUrl + ", dbUser=" + dbUser
                + ", dbPassword=" + (dbPassword == null ? "none" : "***") + ", dbSchema=" + dbSchema
                + ", dataDirMinFreeMb=" + dataDirMinFreeMb + ", storeMaxSize=" + storeMaxSize
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

package org.planmap.config;

import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.GeometryFactory;
import org.planmap.controlline.ControlLine;
import org.planmap.controlline.LedgerService;
import org.planmap.importer.FormatReader;
import org.planmap.importer.GeoJsonFormatReader;
import org.planmap.importer.gpkg.GeoPackageReader;
import org.planmap.importer.shapefile.ShapefileZipReader;
import org.planmap.importer.ImportLimits;
import org.planmap.importer.ImportService;
import org.planmap.render.OverviewWarmer;
import org.planmap.store.FeatureStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.util.unit.DataSize;

/**
 * The import road: the format readers, the limits ({@code --planmap.import.*}), and which layers editors may
 * replace (the three control lines). After an import the control-line ledger is recomputed and the overview
 * tiles of the changed layers drawn ahead, before the job is reported done.
 */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    @Bean
    ImportLimits importLimits(
            @Value("${planmap.import.max-upload-size:512MB}") DataSize maxUpload,
            @Value("${planmap.import.max-uncompressed-size:2GB}") DataSize maxUncompressed,
            @Value("${planmap.import.max-features:1000000}") long maxFeatures,
            @Value("${planmap.import.max-vertices:100000000}") long maxVertices) {
        return new ImportLimits(maxUpload.toBytes(), maxUncompressed.toBytes(), maxFeatures, maxVertices);
    }

    /**
     * Uploads spool to {@code <data-dir>/uploads} while they arrive (Spring Boot's {@code spring.servlet.multipart.*}
     * sizes, this location): inside the directory the operator named and checked, never the JVM's temp directory.
     * After the data directory's check ({@code featureStore}), so a read-only disk is reported as such.
     */
    @Bean
    @DependsOn("featureStore")
    MultipartConfigElement multipartConfigElement(MultipartProperties multipart, PlanmapProperties properties)
            throws IOException {
        Path uploads = Files.createDirectories(properties.dataDir().resolve("uploads")).toAbsolutePath();
        return new MultipartConfigElement(uploads.toString(), multipart.getMaxFileSize().toBytes(),
                multipart.getMaxRequestSize().toBytes(), (int) multipart.getFileSizeThreshold().toBytes());
    }

    /** Zips are extracted beside the uploads in the data directory, not in /tmp (often a small tmpfs in memory). */
    @Bean
    List<FormatReader> formatReaders(PlanmapProperties properties) {
        ShapefileZipReader shapefiles = new ShapefileZipReader(new GeometryFactory(),
                properties.dataDir().resolve("uploads"), ShapefileZipReader.DEFAULT_MAX_ENTRIES);
        return List.of(new GeoJsonFormatReader(), shapefiles, new GeoPackageReader());
    }

    /**
     * After an import the ledger (and so the conflicts layer) follows, then the changed layers' overview tiles: the
     * job ends once they are drawn (seconds, at 500 000 features), so a viewer opened when it is reported done
     * finds its first screen ready, not drawing.
     */
    @Bean(destroyMethod = "close")
    ImportService importService(List<FormatReader> readers, FeatureStore store, ImportLimits limits, LedgerService ledger,
            OverviewWarmer overviews) {
        return new ImportService(readers, store, limits,
                Arrays.stream(ControlLine.values()).map(ControlLine::importTarget).toList(), layerId -> {
                    ledger.refresh();
                    overviews.drawChanged();
                });
    }
}

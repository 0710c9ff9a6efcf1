package org.planmap.config;

import org.planmap.settings.ImportProperties;
import org.planmap.settings.PlanmapProperties;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.GeometryFactory;
import org.planmap.controlline.ControlLine;
import org.planmap.importer.FormatReader;
import org.planmap.importer.GeoJsonFormatReader;
import org.planmap.importer.KmlFormatReader;
import org.planmap.importer.ImportLimits;
import org.planmap.importer.ImportService;
import org.planmap.importer.gpkg.GeoPackageReader;
import org.planmap.importer.shapefile.ShapefileZipReader;
import org.planmap.layer.LayerWriter;
import org.planmap.plan.CurrentBoundaries;
import org.planmap.plan.OfficialBoundaryImport;
import org.planmap.plan.PlanTables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;

/**
 * The import road: the format readers, the limits ({@link ImportProperties}), and which layers editors may
 * replace (the three control lines). An import is stored through the {@link LayerWriter}, whose listeners (the
 * ledger, the overview tiles) have followed it before the job is reported done.
 */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    @Bean
    ImportLimits importLimits(ImportProperties properties) {
        return properties.limits();
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
        Path uploads = Files.createDirectories(properties.uploads()).toAbsolutePath();
        return new MultipartConfigElement(uploads.toString(), multipart.getMaxFileSize().toBytes(),
                multipart.getMaxRequestSize().toBytes(), (int) multipart.getFileSizeThreshold().toBytes());
    }

    /** Zips are extracted beside the uploads in the data directory, not in /tmp (often a small tmpfs in memory). */
    @Bean
    List<FormatReader> formatReaders(PlanmapProperties properties) {
        ShapefileZipReader shapefiles = new ShapefileZipReader(new GeometryFactory(), properties.uploads(),
                ShapefileZipReader.DEFAULT_MAX_ENTRIES);
        return List.of(new GeoJsonFormatReader(), shapefiles, new GeoPackageReader(), new KmlFormatReader());
    }

    @Bean(destroyMethod = "close")
    ImportService importService(List<FormatReader> readers, LayerWriter writer, ImportLimits limits) {
        return new ImportService(readers, writer, limits,
                Arrays.stream(ControlLine.values()).map(ControlLine::importTarget).toList());
    }

    /** The county boundaries an admin replaces: along the same road, assembled before anything is stored. */
    @Bean
    OfficialBoundaryImport officialBoundaryImport(ImportService imports, CurrentBoundaries boundaries,
            PlanTables tables, LayerWriter writer) {
        return new OfficialBoundaryImport(imports, boundaries, tables, writer);
    }
}

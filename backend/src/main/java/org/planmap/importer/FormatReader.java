package org.planmap.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads one file format (GeoJSON, a zipped Shapefile, GeoPackage, KML). Implementations check the limits as they
 * read and throw {@link ImportException} with a message a planner can act on; they never write anything. What
 * all of them share — reading the features as a {@link FeaturePass} surveyed first and streamed to the store
 * after, the limit counting, the faults for an unreadable file or a broken geometry — lives in
 * {@link FeaturePass}, {@link LimitCounter} and {@link ImportException}; a reader holds only its format.
 */
public interface FormatReader {

    /** The name used in import requests and reports: {@code geojson}, {@code shapefile}, {@code gpkg}, {@code kml}. */
    String format();

    /** The file name endings this reader takes, lower case with their dot: {@code .kml}. */
    List<String> extensions();

    /** Whether a file of this name (as uploaded, e.g. "红线.ZIP") is for this reader: by its ending, in any case. */
    default boolean accepts(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return extensions().stream().anyMatch(name::endsWith);
    }

    FileContents read(Path file, ImportLimits limits);
}

package org.planmap.importer;

import java.nio.file.Path;

/**
 * Reads one file format (GeoJSON, a zipped Shapefile, GeoPackage). Implementations check the limits as they
 * read and throw {@link ImportException} with a message a planner can act on; they never write anything.
 */
public interface FormatReader {

    /** The name used in import requests and reports: {@code geojson}, {@code shapefile}, {@code gpkg}. */
    String format();

    /** Whether a file of this name (as uploaded, e.g. "红线.zip") is for this reader. */
    boolean accepts(String fileName);

    FileContents read(Path file, ImportLimits limits);
}

package org.planmap.importer;

/**
 * A layer that editors may replace by importing a file, as its domain package defines it.
 *
 * @param geometryType the stored type: files with other geometries are refused
 */
public record ImportTarget(String layerId, String title, String geometryType) {
}

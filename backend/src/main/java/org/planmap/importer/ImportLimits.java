package org.planmap.importer;

/**
 * How much an upload may hold, so that a hostile or mistaken file is refused before it exhausts memory or
 * disk. Configurable ({@code --planmap.import.*}); the defaults suit province-wide control lines.
 *
 * @param maxUploadBytes       the uploaded file itself
 * @param maxUncompressedBytes everything a zip expands to (zip bombs)
 * @param maxFeatures          features in one file
 * @param maxVertices          vertices in one file, all features together
 */
public record ImportLimits(long maxUploadBytes, long maxUncompressedBytes, long maxFeatures, long maxVertices) {

    public static final ImportLimits DEFAULT = new ImportLimits(512L << 20, 2L << 30, 1_000_000, 100_000_000);
}

package org.planmap.importer;

import org.planmap.ClientFault.Kind;
import org.locationtech.jts.geom.Geometry;

/**
 * Counts features and vertices while a reader reads, so that a file over {@link ImportLimits} is refused at the
 * first feature past the limit instead of after everything has been held in memory.
 */
public final class LimitCounter {

    public static final String TOO_MANY_FEATURES = "too-many-features";
    public static final String TOO_MANY_VERTICES = "too-many-vertices";

    private final ImportLimits limits;
    private long features;
    private long vertices;

    public LimitCounter(ImportLimits limits) {
        this.limits = limits;
    }

    /** Call before reading the next feature: refuses it when the file already holds the maximum. */
    public void nextFeature() {
        if (features >= limits.maxFeatures()) {
            throw new ImportException(Kind.TOO_LARGE, TOO_MANY_FEATURES,
                    "文件中的要素超过上限 " + limits.maxFeatures() + " 个，请拆分后分批导入",
                    "the file holds more than " + limits.maxFeatures() + " features; split it and import the parts");
        }
        features++;
    }

    /** Adds a geometry's vertices (a null geometry has none). */
    public void add(Geometry g) {
        addVertices(g == null ? 0 : g.getNumPoints());
    }

    /** Adds vertices before they are read (a shapefile record says how many it holds), so nothing is allocated. */
    public void addVertices(long n) {
        vertices += n;
        if (vertices > limits.maxVertices()) {
            throw new ImportException(Kind.TOO_LARGE, TOO_MANY_VERTICES,
                    "文件中的顶点超过上限 " + limits.maxVertices() + " 个（第 " + features + " 个要素处），请简化或拆分后导入",
                    "the file holds more than " + limits.maxVertices() + " vertices (reached at feature " + features
                            + "); simplify or split it");
        }
    }

    public long features() {
        return features;
    }

    public long vertices() {
        return vertices;
    }
}

package org.planmap.controlline;

/**
 * How many demonstration features to make. The development boundaries (one per county) and the
 * ecological zones (2–5 per county, by area) are fixed; the farmland patches make up the rest.
 *
 * @param farmlandPerCounty mean farmland patches per county, when no total is asked for
 * @param total             the total number of features of all three lines, or 0 for "use farmlandPerCounty"
 */
public record DemoScale(int farmlandPerCounty, long total) {

    /** About 4 000 features in all: fast enough to generate and publish at every start. */
    public static final DemoScale DEFAULT = new DemoScale(30, 0);

    public DemoScale {
        if (farmlandPerCounty < 0 || total < 0) {
            throw new IllegalArgumentException("a scale counts features: " + farmlandPerCounty + ", " + total);
        }
    }

    /** Exactly {@code total} features over the three lines (for benchmarks: e.g. 500 000). */
    public static DemoScale ofTotal(long total) {
        return new DemoScale(0, total);
    }

    /** The farmland patches to make, given the counties and the features the other two lines take. */
    long farmlandTotal(int counties, long fixedFeatures) {
        if (total == 0) {
            return (long) farmlandPerCounty * counties;
        }
        if (total < fixedFeatures) {
            throw new IllegalArgumentException("at least " + fixedFeatures + " features are needed: one development"
                    + " boundary per county and its ecological zones; asked for " + total);
        }
        return total - fixedFeatures;
    }
}

package org.planmap.controlline;

/**
 * A synthetic stand-in for terrain: planmap has no DEM, so "lowland" and "mountain" for the demonstration
 * data come from this field, not from the ground. It is NOT terrain and says nothing about real relief.
 *
 * <p>The field mixes seeded value noise (two octaves, 0.3° and 0.1° cells: hills a few km to tens of km
 * across) with the distance from the county seat, because Shanxi's county seats mostly lie in basins and
 * valleys, so farmland clusters round them and the protected zones lie towards the county's edges.
 * Only {@link StrictMath} and integer hashing are used, so every JVM computes the same values.
 */
final class ReliefProxy {

    private static final double COARSE_CELL_DEG = 0.3;
    private static final double FINE_CELL_DEG = 0.1;

    private final long seed;

    ReliefProxy(long seed) {
        this.seed = seed;
    }

    /**
     * Relief in [0, 1] at a point of a county: 0 = valley floor, 1 = ridge.
     *
     * @param radiusKm the county's equivalent radius (√(area/π)): distance counts relative to the county's size
     */
    double relief(double lon, double lat, double seatLon, double seatLat, double radiusKm) {
        double d = DemoShapes.distanceKm(lon, lat, seatLon, seatLat);
        return 0.55 * noise(lon, lat) + 0.45 * Math.min(1.0, d / (1.2 * radiusKm));
    }

    /** Smooth value noise in [0, 1]. */
    double noise(double lon, double lat) {
        return 0.65 * octave(lon, lat, COARSE_CELL_DEG, 1) + 0.35 * octave(lon, lat, FINE_CELL_DEG, 2);
    }

    private double octave(double lon, double lat, double cell, long salt) {
        double x = lon / cell;
        double y = lat / cell;
        long ix = (long) StrictMath.floor(x);
        long iy = (long) StrictMath.floor(y);
        double fx = smooth(x - ix);
        double fy = smooth(y - iy);
        double bottom = lerp(lattice(ix, iy, salt), lattice(ix + 1, iy, salt), fx);
        double top = lerp(lattice(ix, iy + 1, salt), lattice(ix + 1, iy + 1, salt), fx);
        return lerp(bottom, top, fy);
    }

    /** A value in [0, 1) per lattice node, from a hash rather than a table: no state, any extent. */
    private double lattice(long ix, long iy, long salt) {
        long h = mix(seed ^ mix(ix * 0x9E3779B97F4A7C15L + iy * 0xC2B2AE3D27D4EB4FL + salt));
        return (h >>> 11) * 0x1.0p-53;
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }

    /** SplitMix64's finaliser: a good 64-bit mix, also used to derive independent random streams. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

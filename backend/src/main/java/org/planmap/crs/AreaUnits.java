package org.planmap.crs;

/** The units planners read areas in: hectares (公顷) and mu (亩, 1 ha = 15 亩), from square metres on the ellipsoid. */
public final class AreaUnits {

    public static final double M2_PER_HA = 10_000;
    public static final double MU_PER_HA = 15;

    private AreaUnits() {
    }

    public static double ha(double m2) {
        return m2 / M2_PER_HA;
    }

    public static double mu(double m2) {
        return m2 / M2_PER_HA * MU_PER_HA;
    }
}

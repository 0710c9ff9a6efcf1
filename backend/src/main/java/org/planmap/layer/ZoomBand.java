package org.planmap.layer;

import java.util.Optional;

/**
 * A range of web-map zoom levels that one generalised copy of a small layer serves. Each band is drawn
 * for the pixel size at its finest zoom at Shanxi's mid-latitude (37.5°N, Web Mercator): one pixel of
 * tolerance for the simplification, and coordinates rounded so that the rounding moves a vertex at most
 * a quarter of a pixel. Zoom levels past the last band get the stored geometry.
 */
public enum ZoomBand {
    /** Whole-province and national views: 1 px ≈ 1.9 km, 0.0174° of latitude. */
    Z6(6),
    /** The province filling a screen (the viewer's start, zoom ≈ 7): 1 px ≈ 485 m. */
    Z8(8),
    /** A city or a few counties: 1 px ≈ 121 m. */
    Z10(10);

    private static final double SHANXI_LATITUDE = 37.5;

    private final int finestZoom;

    ZoomBand(int finestZoom) {
        this.finestZoom = finestZoom;
    }

    /** The band for a map at {@code zoom}, or empty when the map is detailed enough for the stored geometry. */
    public static Optional<ZoomBand> forZoom(int zoom) {
        for (ZoomBand band : values()) {
            if (zoom <= band.finestZoom) {
                return Optional.of(band);
            }
        }
        return Optional.empty();
    }

    /** What clients and ETags call it: {@code z6}, {@code z8}, {@code z10}. */
    public String id() {
        return "z" + finestZoom;
    }

    public int finestZoom() {
        return finestZoom;
    }

    /** One screen pixel at the band's finest zoom, in degrees of latitude (the smaller of the two degrees). */
    public double pixelDegrees() {
        return 360.0 / (256 * Math.pow(2, finestZoom)) * Math.cos(Math.toRadians(SHANXI_LATITUDE));
    }

    /** Simplification tolerance: a pixel; a vertex that moves less than that does not change the drawing. */
    public double tolerance() {
        return pixelDegrees();
    }

    /** Fewest decimals whose rounding (at most half a unit) stays within a quarter of a pixel. */
    public int decimals() {
        return (int) Math.ceil(-Math.log10(pixelDegrees() / 2));
    }
}

package org.planmap.render;

import net.sf.geographiclib.Geodesic;

/**
 * The flat coordinates a picture is drawn in, reached from longitude/latitude: Web Mercator metres (the viewer's
 * tiles and map images) or the degrees themselves, plate carrée (geographic tile sets such as 天地图's CGCS2000
 * {@code c}). Longitude/latitude are planmap's stored WGS 84 ones, which are CGCS2000's too: the two datums differ
 * by centimetres and planmap treats them as one ({@code crs.Reprojector}).
 */
public enum Plane {

    WEB_MERCATOR(1) {
        @Override
        public double x(double lon) {
            return WebMercator.x(lon);
        }

        @Override
        public double y(double lat) {
            return WebMercator.y(lat);
        }

        @Override
        public double lon(double x) {
            return WebMercator.lon(x);
        }

        @Override
        public double lat(double y) {
            return WebMercator.lat(y);
        }
    },

    /**
     * x = longitude, y = latitude, in degrees (the plane's default mapping). A degree counts as the equator's:
     * 2πa/360 = 111 319.49 m with the CGCS2000 (GRS 80) semi-major axis a = 6 378 137 m, WGS 84's too — what
     * WMTS 1.0.0 (Annex E) and GDAL use to turn a geographic resolution into a scale.
     */
    LON_LAT(2 * Math.PI * Geodesic.WGS84.EquatorialRadius() / 360);

    private final double metresPerUnit;

    Plane(double metresPerUnit) {
        this.metresPerUnit = metresPerUnit;
    }

    /** Metres in one unit of the plane along the equator: 1 for Mercator metres, a degree's length for degrees. */
    public double metresPerUnit() {
        return metresPerUnit;
    }

    public double x(double lon) {
        return lon;
    }

    public double y(double lat) {
        return lat;
    }

    public double lon(double x) {
        return x;
    }

    public double lat(double y) {
        return y;
    }
}

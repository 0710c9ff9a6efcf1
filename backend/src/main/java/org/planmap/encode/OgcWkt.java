package org.planmap.encode;

import org.planmap.crs.CrsRef;

/**
 * OGC WKT1 with EPSG authorities for the CGCS2000 CRSs, as GDAL 3.6 writes them into a GeoPackage's
 * gpkg_spatial_ref_sys (compared in the tests). NGA GeoPackage knows only WGS 84 and Web Mercator by itself.
 */
final class OgcWkt {

    private static final String CGCS2000 = "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\","
            + "SPHEROID[\"CGCS2000\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"1024\"]],AUTHORITY[\"EPSG\",\"1043\"]],"
            + "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,"
            + "AUTHORITY[\"EPSG\",\"9122\"]]";

    private OgcWkt() {
    }

    /** The definition of EPSG:4490 or a CGCS2000 3-degree Gauss-Krüger zone. */
    static String cgcs2000(CrsRef crs) {
        return switch (crs.kind()) {
            case GEOGRAPHIC -> CGCS2000 + ",AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4490\"]]";
            case GAUSS_KRUGER -> "PROJCS[\"" + crs.name() + "\"," + CGCS2000 + ",AUTHORITY[\"EPSG\",\"4490\"]],"
                    + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],"
                    + "PARAMETER[\"central_meridian\"," + crs.centralMeridian() + "],PARAMETER[\"scale_factor\",1],"
                    + "PARAMETER[\"false_easting\"," + (crs.zonePrefixed() ? crs.zone() * 1_000_000 + 500_000 : 500_000)
                    + "],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],"
                    + "AXIS[\"Northing\",NORTH],AXIS[\"Easting\",EAST],AUTHORITY[\"EPSG\",\"" + crs.epsg() + "\"]]";
            case WEB_MERCATOR -> throw new IllegalArgumentException("not a CGCS2000 CRS: " + crs);
        };
    }
}

package org.planmap.encode.shapefile;

import org.planmap.crs.CrsRef;

/**
 * The .prj of a Shapefile in ESRI's WKT1 flavour, the one ArcGIS reads best: character for character what
 * GDAL 3.6 writes with {@code ogr2ogr -f "ESRI Shapefile" -t_srs EPSG:n} (compared in the tests, and
 * {@code gdalsrsinfo -e} identifies each as its EPSG code), e.g. {@code CGCS2000_3_Degree_GK_CM_111E} for
 * EPSG:4546 and {@code CGCS2000_3_Degree_GK_Zone_37} for the zone-prefixed EPSG:4525.
 */
final class EsriPrj {

    private static final String WGS84 = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,"
            + "298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
    private static final String CGCS2000 = "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\","
            + "SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    private EsriPrj() {
    }

    static String of(CrsRef crs) {
        return switch (crs.kind()) {
            case GEOGRAPHIC -> crs.equals(CrsRef.CGCS2000) ? CGCS2000 : WGS84;
            case WEB_MERCATOR -> "PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\"," + WGS84
                    + ",PROJECTION[\"Mercator_Auxiliary_Sphere\"],PARAMETER[\"False_Easting\",0.0],"
                    + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",0.0],"
                    + "PARAMETER[\"Standard_Parallel_1\",0.0],PARAMETER[\"Auxiliary_Sphere_Type\",0.0],UNIT[\"Meter\",1.0]]";
            case GAUSS_KRUGER -> "PROJCS[\"CGCS2000_3_Degree_GK_"
                    + (crs.zonePrefixed() ? "Zone_" + crs.zone() : "CM_" + crs.centralMeridian() + "E") + "\","
                    + CGCS2000 + ",PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\","
                    + (crs.zonePrefixed() ? crs.zone() * 1_000_000 + 500_000 : 500_000) + ".0],"
                    + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\"," + crs.centralMeridian() + ".0],"
                    + "PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
        };
    }
}

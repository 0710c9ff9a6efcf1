package org.planmap.encode;

import org.planmap.ClientFault;
import org.planmap.crs.CrsRef;

/** An export the client asked for that the format cannot give: answered with 400 and the reason. */
public class ExportException extends ClientFault {

    public ExportException(String code, String messageZh, String messageEn) {
        super(code, messageZh, messageEn, null);
    }

    /**
     * For formats whose coordinates are longitude/latitude by definition (GeoJSON per RFC 7946, KML): a
     * projected CRS is refused rather than written under a label most readers ignore. EPSG:4490 passes, as
     * its coordinates equal EPSG:4326's in planmap (see {@link org.planmap.crs.Reprojector}).
     */
    static void requireGeographic(CrsRef crs, String format) {
        if (!crs.isGeographic()) {
            throw new ExportException("export-crs-not-possible",
                    format + " 只能使用经纬度坐标（EPSG:4326 或 EPSG:4490），不能输出 " + crs.code() + "（" + crs.nameZh()
                            + "）；需要投影坐标请导出 Shapefile 或 GeoPackage",
                    format + " holds longitude/latitude only (EPSG:4326 or EPSG:4490), not " + crs.code() + " ("
                            + crs.name() + "); export a Shapefile or GeoPackage for projected coordinates");
        }
    }
}

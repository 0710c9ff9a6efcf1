package org.planmap.controlline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.planmap.boundary.BoundarySet;
import org.planmap.crs.Ellipsoid;
import org.planmap.layer.LayerContent;
import org.planmap.store.Feature;
import org.planmap.store.Field;
import org.planmap.store.Field.Type;
import org.planmap.store.LayerInfo;

/** The {@code control-line-conflicts} layer: one feature per county and kind of conflict that exists there. */
public final class ConflictLayer {

    public static final String ID = "control-line-conflicts";

    private static final List<Field> FIELDS = List.of(
            new Field("kind", Type.STRING, "冲突类型代码"),
            new Field("kindName", Type.STRING, "冲突类型"),
            CountyFields.ADCODE, CountyFields.COUNTY_NAME, CountyFields.CITY_NAME, CountyFields.AREA_HA,
            new Field("areaMu", Type.REAL, "面积（亩）"),
            CountyFields.STATUS);

    private ConflictLayer() {
    }

    static LayerContent of(List<ControlLineLedger.CountyResult> counties, boolean demonstration, String versions) {
        List<Feature> features = new ArrayList<>();
        for (ControlLineLedger.CountyResult c : counties) {
            c.conflicts().forEach((kind, geometry) -> features.add(feature(c, kind, geometry, demonstration)));
        }
        String title = "三条控制线冲突 Control-line conflicts" + (demonstration ? "（示意数据，非官方）" : "");
        LayerInfo info = new LayerInfo(ID, title, "MULTIPOLYGON", BoundarySet.CRS,
                "derived by planmap: 永久基本农田 and 生态保护红线 inside 城镇开发边界, per county, from the stored lines "
                        + versions + "; " + ControlLine.SOURCE, 0, List.of(), FIELDS, "");
        return new LayerContent(info, features);
    }

    private static Feature feature(ControlLineLedger.CountyResult c, ControlLineLedger.Conflict kind, Geometry g,
            boolean demonstration) {
        ControlLineLedger.Area area = ControlLineLedger.Area.of(Ellipsoid.area(g), c.unitM2());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", kind.code());
        p.put("kindName", kind.nameZh());
        p.put("adcode", c.adcode());
        p.put("countyName", c.name());
        p.put("cityName", c.cityName());
        p.put("areaHa", area.ha());
        p.put("areaMu", area.mu());
        p.put("status", demonstration ? DemoControlLines.STATUS : "由导入数据计算");
        return new Feature(kind.code() + "-" + c.adcode(), g, p);
    }
}

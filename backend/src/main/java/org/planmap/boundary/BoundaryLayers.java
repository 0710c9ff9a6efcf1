package org.planmap.boundary;

import java.util.List;
import org.planmap.layer.LayerContent;
import org.planmap.store.FeatureQuery;
import org.planmap.store.Field;
import org.planmap.store.Field.Type;
import org.planmap.store.LayerInfo;

/**
 * The boundary layers that carry no plan attributes: Shanxi's outline (the union of its counties) and
 * the neighbouring provinces, the map's offline background.
 */
public final class BoundaryLayers {

    public static final String PROVINCE = "province";
    public static final String NEIGHBOURS = "neighbours";

    /** Properties every boundary layer shares; plan layers reuse them. */
    public static final Field ADCODE = new Field(FeatureQuery.ADCODE, Type.STRING, "行政区划代码 GB/T 2260");
    public static final Field NAME = new Field("name", Type.STRING, "名称");
    public static final Field COUNTY_COUNT = new Field("countyCount", Type.INTEGER, "县级行政区数");
    public static final Field AREA_KM2 = new Field("areaKm2", Type.REAL, "面积（km²，椭球面）");

    /** Where the DataV boundaries come from, as the layers made of them say. */
    public static final String DATAV = BoundaryImportReport.SOURCE + ", GCJ-02→WGS84 (data/boundaries/README.md)";

    private BoundaryLayers() {
    }

    public static List<LayerContent> all(BoundarySet boundaries) {
        return all(boundaries, DATAV);
    }

    /** @param counties where the counties come from: {@link #DATAV}, or a department's file in force */
    public static List<LayerContent> all(BoundarySet boundaries, String counties) {
        List<Field> codeAndName = List.of(ADCODE, NAME);
        List<Field> provinceFields = List.of(ADCODE, NAME, COUNTY_COUNT, AREA_KM2);
        return List.of(
                new LayerContent(new LayerInfo(PROVINCE, "山西省 Shanxi province", "MULTIPOLYGON", BoundarySet.CRS,
                        counties + ", union of the 117 counties", 0, List.of(), provinceFields, ""),
                        List.of(boundaries.province())),
                new LayerContent(new LayerInfo(NEIGHBOURS, "相邻省份 Neighbouring provinces", "MULTIPOLYGON", BoundarySet.CRS,
                        DATAV + ", province outlines as published (background only)", 0, List.of(), codeAndName, ""),
                        boundaries.neighbours()));
    }
}

package org.planmap.plan;

import static org.planmap.boundary.BoundaryLayers.ADCODE;
import static org.planmap.boundary.BoundaryLayers.AREA_KM2;
import static org.planmap.boundary.BoundaryLayers.COUNTY_COUNT;
import static org.planmap.boundary.BoundaryLayers.NAME;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.planmap.boundary.BoundaryImportReport;
import org.planmap.boundary.BoundarySet;
import org.planmap.boundary.LabelPoint;
import org.planmap.layer.LayerContent;
import org.planmap.store.Feature;
import org.planmap.store.Field;
import org.planmap.store.Field.Type;
import org.planmap.store.LayerInfo;

/**
 * The administrative layers as the plan sees them: the county and city boundaries carrying each unit's
 * 专栏3 tier, and for cities their 专栏2 urbanization target and direction.
 */
public final class PlanLayers {

    public static final String COUNTIES = "counties";
    public static final String CITIES = "cities";
    /**
     * What a map of the counties draws, labels and searches by: the generalised copies carry only these,
     * since a unit's other facts come once from {@code /api/counties} rather than again with every zoom band.
     */
    public static final List<String> COUNTY_MAP_PROPERTIES = List.of("adcode", "name", "cityName", "tier", "labelPoint");

    private static final Field TIER = new Field("tier", Type.STRING, "2025年城镇规模等级（专栏3）");
    private static final Field TIER_POPULATION = new Field("tierPopulation", Type.STRING, "规模等级人口区间");
    private static final Field TIER_SOURCE = new Field("tierSource", Type.STRING, "出处");
    private static final Field LABEL_POINT = new Field("labelPoint", Type.JSON, "注记点 [经度, 纬度]（最大内切圆圆心）");
    /** Where the DataV counties come from, as the layers made of them say. */
    public static final String DATAV_COUNTIES = BoundaryImportReport.SOURCE
            + ", GCJ-02→WGS84, coverage cleaned (data/boundaries/README.md)";

    private PlanLayers() {
    }

    public static List<LayerContent> all(BoundarySet boundaries, PlanTables tables, CountyDirectory directory) {
        return List.of(counties(boundaries, directory), cities(boundaries, tables, DATAV_COUNTIES));
    }

    static LayerContent counties(BoundarySet boundaries, CountyDirectory directory) {
        List<Field> fields = List.of(
                ADCODE, NAME,
                new Field("kind", Type.STRING, "类型：市辖区/县/县级市"),
                new Field("cityAdcode", Type.STRING, "所属地级市代码"),
                new Field("cityName", Type.STRING, "所属地级市"),
                TIER, TIER_POPULATION,
                new Field("tierBasis", Type.STRING, "等级来源：named/corrected/inherited"),
                new Field("tierSeedName", Type.STRING, "专栏3中的写法"),
                TIER_SOURCE, AREA_KM2, LABEL_POINT);
        List<Feature> features = boundaries.counties().stream().map(f -> {
            County c = directory.byAdcode(f.id()).orElseThrow();
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("adcode", c.adcode());
            p.put("name", c.name());
            p.put("kind", c.kind());
            p.put("cityAdcode", c.cityAdcode());
            p.put("cityName", c.cityName());
            p.put("tier", c.tier().label());
            p.put("tierPopulation", c.tierPopulation());
            p.put("tierBasis", c.tierBasis().code());
            p.put("tierSeedName", c.tierSeedName());
            p.put("tierSource", c.tierSource());
            p.put("areaKm2", c.areaKm2());
            p.put("labelPoint", LabelPoint.of(f.geometry()));
            return new Feature(f.id(), f.geometry(), p);
        }).toList();
        LayerInfo info = new LayerInfo(COUNTIES, "县级行政区 County-level units", "MULTIPOLYGON", BoundarySet.CRS,
                DATAV_COUNTIES + "; tiers: 《山西省“十四五”新型城镇化规划》专栏3", 0, List.of(), fields, "");
        return new LayerContent(info, features);
    }

    /** @param counties where the counties come from: {@link #DATAV_COUNTIES}, or a department's file in force */
    static LayerContent cities(BoundarySet boundaries, PlanTables tables, String counties) {
        List<Field> fields = List.of(
                ADCODE, NAME, COUNTY_COUNT, AREA_KM2, TIER, TIER_POPULATION, TIER_SOURCE,
                new Field("urbanizationRate2025", Type.REAL, "2025年常住人口城镇化率(%)（专栏2）"),
                new Field("direction", Type.STRING, "主要发展方向（专栏2）"),
                new Field("targetSource", Type.STRING, "出处"),
                LABEL_POINT);
        List<Feature> features = boundaries.cities().stream().map(f -> {
            String name = String.valueOf(f.properties().get("name"));
            Optional<TierEntry> tier = tables.cityTiers().stream().filter(t -> t.members().contains(name)).findFirst();
            Optional<CityTarget> target = tables.urbanizationTargets().stream()
                    .filter(t -> t.cityAdcode().equals(f.id())).findFirst();
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("adcode", f.id());
            p.put("name", name);
            p.put("countyCount", f.properties().get("countyCount"));
            p.put("areaKm2", f.properties().get("areaKm2"));
            p.put("tier", tier.map(t -> t.tier().label()).orElse(null));
            p.put("tierPopulation", tier.map(TierEntry::population).orElse(null));
            p.put("tierSource", tier.map(t -> t.source().cite()).orElse(null));
            p.put("urbanizationRate2025", target.map(t -> t.urbanizationRate2025().doubleValue()).orElse(null));
            p.put("direction", target.map(CityTarget::direction).orElse(null));
            p.put("targetSource", target.map(t -> t.source().cite()).orElse(null));
            p.put("labelPoint", LabelPoint.of(f.geometry()));
            return new Feature(f.id(), f.geometry(), p);
        }).toList();
        LayerInfo info = new LayerInfo(CITIES, "地级市 Prefecture cities", "MULTIPOLYGON", BoundarySet.CRS,
                counties + " (union of counties); 《山西省“十四五”新型城镇化规划》专栏2、专栏3", 0, List.of(), fields, "");
        return new LayerContent(info, features);
    }
}

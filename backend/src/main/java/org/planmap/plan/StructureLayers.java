package org.planmap.plan;

import static org.planmap.boundary.BoundaryLayers.AREA_KM2;
import static org.planmap.boundary.BoundaryLayers.NAME;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Geometry;
import org.planmap.boundary.AdminUnit;
import org.planmap.boundary.BoundarySet;
import org.planmap.boundary.LabelPoint;
import org.planmap.importer.Polygons;
import org.planmap.crs.Ellipsoid;
import org.planmap.layer.LayerContent;
import org.planmap.store.Feature;
import org.planmap.store.Field;
import org.planmap.store.Field.Type;
import org.planmap.store.LayerInfo;
import org.planmap.store.TextTwin;

/**
 * The plan's spatial structure as layers: the regional town groups (第四章第一节, 第三节) and 一群两区三圈.
 * Each shape is the coverage union of whole member units, so it has no slivers and its area is the sum
 * of its members'. The seed draws no boundaries; where even whole member cities would overstate it, the
 * feature says {@code geometryBasis: schematic}, and where it names no member at all it has no geometry.
 */
public final class StructureLayers {

    public static final String TOWN_GROUPS = "town-groups";
    public static final String REGIONS = "regions";

    private static final Field ID = new Field("id", Type.STRING, "标识");
    private static final Field SOURCE = new Field("source", Type.STRING, "出处");
    private static final Field SOURCE_QUOTE = new Field("sourceQuote", Type.STRING, "原文");
    private static final Field NOTE = new Field("note", Type.STRING, "说明");
    private static final Field LABEL_POINT = new Field("labelPoint", Type.JSON, "注记点 [经度, 纬度]");

    private final Map<String, Geometry> unitGeometry;
    private final PlaceNames names;
    private final List<AdminUnit> units;
    private final Map<String, String> planNames;

    public StructureLayers(BoundarySet boundaries) {
        this(boundaries, boundaries);
    }

    /**
     * @param planNamed the boundaries the plan was written about (DataV): the town groups' members are found by their
     *                  names there, then drawn and named as the units of {@code boundaries} with the same codes
     */
    public StructureLayers(BoundarySet boundaries, BoundarySet planNamed) {
        this.unitGeometry = boundaries.counties().stream()
                .collect(Collectors.toMap(Feature::id, Feature::geometry));
        this.names = new PlaceNames(boundaries.cities().stream()
                .map(c -> new PrefectureCity(c.id(), String.valueOf(c.properties().get("name")))).toList(),
                planNamed.units());
        this.units = boundaries.units();
        this.planNames = planNamed.units().stream().collect(Collectors.toMap(AdminUnit::adcode, AdminUnit::name));
    }

    public List<LayerContent> all(PlanTables tables) {
        return List.of(townGroups(tables.townGroups()), regions(tables.regions()));
    }

    LayerContent townGroups(List<TownGroup> groups) {
        TownGroupResolution resolution = new TownGroups(names).resolve(groups, units);
        if (!resolution.unmatched().isEmpty()) {
            throw new IllegalStateException("town group members without a unit: " + resolution.unmatched());
        }
        List<Feature> features = new ArrayList<>();
        for (ResolvedTownGroup r : resolution.groups()) {
            List<AdminUnit> members = new ArrayList<>(r.core());
            members.addAll(r.radiated());
            Geometry shape = union(members.stream().map(AdminUnit::adcode).toList());
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", r.group().id());
            p.put("name", r.group().name());
            p.put("pattern", r.group().pattern().isEmpty() ? null : r.group().pattern());
            TextTwin.put(p, "core", r.core().stream().map(AdminUnit::adcode).toList());
            TextTwin.put(p, "coreNames", r.core().stream().map(this::shownName).toList());
            TextTwin.put(p, "radiated", r.radiated().stream().map(AdminUnit::adcode).toList());
            TextTwin.put(p, "radiatedNames", r.radiated().stream().map(this::shownName).toList());
            p.put("areaKm2", Ellipsoid.areaKm2(shape));
            p.put("source", r.group().source().cite());
            p.put("sourceQuote", r.group().sourceQuote());
            p.put("note", r.group().note());
            p.put("labelPoint", LabelPoint.of(shape));
            features.add(new Feature(r.group().id(), shape, p));
        }
        List<Field> fields = new ArrayList<>(List.of(ID, NAME, new Field("pattern", Type.STRING, "格局，如 4+3")));
        fields.addAll(TextTwin.fields("core", "核心县区代码"));
        fields.addAll(TextTwin.fields("coreNames", "核心县区"));
        fields.addAll(TextTwin.fields("radiated", "辐射带动县区代码"));
        fields.addAll(TextTwin.fields("radiatedNames", "辐射带动县区"));
        fields.addAll(List.of(AREA_KM2, SOURCE, SOURCE_QUOTE, NOTE, LABEL_POINT));
        return new LayerContent(new LayerInfo(TOWN_GROUPS, "区域性城镇群 Regional town groups", "MULTIPOLYGON",
                BoundarySet.CRS, "《山西省“十四五”新型城镇化规划》第四章第一节、第三节; members dissolved from the county boundaries",
                0, List.of(), fields, ""), features);
    }

    LayerContent regions(List<Region> regions) {
        List<Feature> features = new ArrayList<>();
        for (Region r : regions) {
            List<PrefectureCity> cities = r.members().stream().map(this::city).toList();
            List<String> cityCodes = cities.stream().map(PrefectureCity::adcode).toList();
            List<String> unitCodes = unitGeometry.keySet().stream().sorted()
                    .filter(code -> cityCodes.contains(code.substring(0, 4) + "00")).toList();
            Geometry shape = unitCodes.isEmpty() ? null : union(unitCodes);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", r.id());
            p.put("name", r.name());
            p.put("kind", r.kind().label());
            TextTwin.put(p, "members", cityCodes);
            TextTwin.put(p, "memberNames", r.members());
            p.put("geometryBasis", r.geometryBasis().code());
            p.put("extentNote", r.extentNote());
            p.put("areaKm2", shape == null ? null : Ellipsoid.areaKm2(shape));
            p.put("source", r.source().cite());
            p.put("sourceQuote", r.sourceQuote());
            p.put("note", r.note());
            p.put("labelPoint", shape == null ? null : LabelPoint.of(shape));
            features.add(new Feature(r.id(), shape, p));
        }
        List<Field> fields = new ArrayList<>(List.of(ID, NAME,
                new Field("kind", Type.STRING, "类型：城市群/经济区/示范区/城镇圈")));
        fields.addAll(TextTwin.fields("members", "成员地级市代码"));
        fields.addAll(TextTwin.fields("memberNames", "成员地级市"));
        fields.addAll(List.of(new Field("geometryBasis", Type.STRING, "图形依据：members（成员市全域）/schematic（示意）"),
                new Field("extentNote", Type.STRING, "规划对范围的表述"),
                AREA_KM2, SOURCE, SOURCE_QUOTE, NOTE, LABEL_POINT));
        return new LayerContent(new LayerInfo(REGIONS, "一群两区三圈 City cluster, zones and circles", "MULTIPOLYGON",
                BoundarySet.CRS, "《山西省“十四五”新型城镇化规划》第二章第三节、第四章第一节、第二节; whole member cities",
                0, List.of(), fields, ""), features);
    }

    private String shownName(AdminUnit unit) {
        return County.shownName(unit.name(), planNames.get(unit.adcode()));
    }

    private PrefectureCity city(String name) {
        List<PrefectureCity> found = names.citiesNamed(name);
        if (found.size() != 1) {
            throw new IllegalStateException("region member " + name + " is not one prefecture city");
        }
        return found.get(0);
    }

    private Geometry union(List<String> adcodes) {
        Geometry[] parts = adcodes.stream().map(unitGeometry::get).toArray(Geometry[]::new);
        return Polygons.multi(CoverageUnion.union(parts));
    }
}

package org.planmap.boundary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.planmap.importer.Polygons;
import org.planmap.crs.Ellipsoid;
import org.planmap.crs.Gcj02;
import org.planmap.importer.CoverageCleaner;
import org.planmap.store.Feature;

/**
 * The boundary import: DataV source (GCJ-02) → WGS84 → repaired → clean county coverage → cities and
 * province as unions of counties → validated. Deterministic: the same source gives the same bytes.
 */
public final class BoundaryImport {

    /** Coordinates are kept to 1e-6° (≈ 0.1 m): finer than the source's own 6 decimals in GCJ-02. */
    public static final PrecisionModel PRECISION = Polygons.PRECISION;
    /** Gaps larger than this are not filled: a hole that big would be real, not a digitising seam. */
    static final double MAX_GAP_M2 = 2_000_000;
    /** Vertices of different city files closer than this (≈ 3 m) are the same point on the ground. */
    static final double SNAP_TOLERANCE_DEG = 3e-5;

    static final GeometryFactory PRECISION_FACTORY = new GeometryFactory(PRECISION);

    private BoundaryImport() {
    }

    public record Outcome(BoundarySet boundaries, BoundaryImportReport report) {
    }

    public static Outcome run(Path packageDir) throws IOException {
        DataVSource source = DataVSource.read(packageDir);
        List<Feature> raw = source.counties().stream()
                .sorted(Comparator.comparing(Feature::id))
                .toList();

        List<BoundaryImportReport.Repair> repairs = new ArrayList<>();
        List<Geometry> wgs = new ArrayList<>();
        for (Feature f : raw) {
            Geometry g = Gcj02.toWgs84(f.geometry());
            if (!g.isValid()) {
                String reason = new IsValidOp(g).getValidationError().toString();
                Geometry fixed = GeometryFixer.fix(g);
                repairs.add(new BoundaryImportReport.Repair(f.id(), name(f), reason,
                        km2(Math.abs(Ellipsoid.area(fixed) - Ellipsoid.area(g)))));
                g = fixed;
            }
            wgs.add(g);
        }
        int invalidBefore = invalidInCoverage(wgs);

        CoverageCleaner.Result cleaned = new CoverageCleaner(PRECISION, SNAP_TOLERANCE_DEG, MAX_GAP_M2).clean(wgs);

        Map<String, Feature> cityByCode = new LinkedHashMap<>();
        source.cities().forEach(c -> cityByCode.put(c.id(), c));
        List<Feature> counties = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Feature f = raw.get(i);
            String cityCode = f.id().substring(0, 4) + "00";
            Feature city = cityByCode.get(cityCode);
            if (city == null) {
                throw new IOException("county " + f.id() + " " + name(f) + " has no city " + cityCode + " in 140000.json");
            }
            counties.add(county(f.id(), name(f), cityCode, name(city), cleaned.coverage().get(i)));
        }

        List<Feature> neighbours = source.neighbours().stream()
                .sorted(Comparator.comparing(Feature::id))
                .map(n -> new Feature(n.id(), Polygons.multi(toStored(n.geometry())), codeAndName(n.id(), name(n))))
                .toList();
        Map<String, String> cityNames = new LinkedHashMap<>();
        cityByCode.values().forEach(c -> cityNames.put(c.id(), name(c)));
        BoundarySet set = assemble(counties, cityNames, neighbours);
        List<BoundaryImportReport.OutlineDifference> outlines = new ArrayList<>();
        for (Feature city : set.cities()) {
            outlines.add(outlineDifference(cityByCode.get(city.id()), city.geometry()));
        }
        BoundaryImportReport report = BoundaryImportReport.of(raw, cleaned, repairs, invalidBefore,
                outlines, BoundaryValidation.problems(set));
        return new Outcome(set, report);
    }

    /** A county feature as every boundary set carries it; see {@link BoundarySet}. */
    static Feature county(String adcode, String name, String cityAdcode, String cityName, Geometry area) {
        Geometry g = Polygons.multi(area);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("adcode", adcode);
        props.put("name", name);
        props.put("kind", UnitKind.ofAdcode(adcode).label());
        props.put("cityAdcode", cityAdcode);
        props.put("cityName", cityName);
        props.put("areaKm2", Ellipsoid.areaKm2(g));
        return new Feature(adcode, g, props);
    }

    /**
     * The boundary set of a clean county coverage: each city and the province as the coverage union of their
     * counties, so that they share the counties' edges exactly. {@code cityNames} lists the cities in order.
     *
     * @param counties features with {@code adcode}, {@code name}, {@code kind}, {@code cityAdcode},
     *                 {@code cityName}, {@code areaKm2}; their geometries must form a clean coverage
     */
    static BoundarySet assemble(List<Feature> counties, Map<String, String> cityNames, List<Feature> neighbours) {
        List<Feature> cities = new ArrayList<>();
        cityNames.forEach((cityCode, cityName) -> {
            List<Geometry> members = counties.stream()
                    .filter(c -> cityCode.equals(c.properties().get("cityAdcode")))
                    .map(Feature::geometry).toList();
            Geometry union = members.isEmpty() ? PRECISION_FACTORY.createMultiPolygon()
                    : Polygons.multi(CoverageUnion.union(members.toArray(Geometry[]::new)));
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("adcode", cityCode);
            props.put("name", cityName);
            props.put("countyCount", members.size());
            props.put("areaKm2", Ellipsoid.areaKm2(union));
            cities.add(new Feature(cityCode, union, props));
        });
        Geometry provinceGeom = Polygons.multi(CoverageUnion.union(
                counties.stream().map(Feature::geometry).toArray(Geometry[]::new)));
        Map<String, Object> provinceProps = new LinkedHashMap<>();
        provinceProps.put("adcode", "140000");
        provinceProps.put("name", "山西省");
        provinceProps.put("countyCount", counties.size());
        provinceProps.put("areaKm2", Ellipsoid.areaKm2(provinceGeom));
        return new BoundarySet(counties, cities, new Feature("140000", provinceGeom, provinceProps), neighbours);
    }

    private static Geometry toStored(Geometry gcj02) {
        return GeometryPrecisionReducer.reduce(GeometryFixer.fix(Gcj02.toWgs84(gcj02)), PRECISION);
    }

    private static BoundaryImportReport.OutlineDifference outlineDifference(Feature sourceCity, Geometry derived) {
        Geometry published = toStored(sourceCity.geometry());
        return new BoundaryImportReport.OutlineDifference(sourceCity.id(), name(sourceCity),
                km2(Ellipsoid.area(OverlayNGRobust.overlay(published, derived, OverlayNG.SYMDIFFERENCE))));
    }

    static int invalidInCoverage(List<Geometry> units) {
        Geometry[] result = CoverageValidator.validate(units.toArray(Geometry[]::new), BoundaryValidation.GAP_WIDTH_DEG);
        int n = 0;
        for (Geometry g : result) {
            if (g != null) {
                n++;
            }
        }
        return n;
    }

    private static Map<String, Object> codeAndName(String adcode, String name) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("adcode", adcode);
        props.put("name", name);
        return props;
    }

    static String name(Feature f) {
        return String.valueOf(f.properties().get("name"));
    }

    static double km2(double m2) {
        return Ellipsoid.roundKm2(m2);
    }
}

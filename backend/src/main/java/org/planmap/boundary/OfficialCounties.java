package org.planmap.boundary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.planmap.crs.Ellipsoid;
import org.planmap.importer.CoverageCleaner;
import org.planmap.importer.CoverageCleaner.FaceKind;
import org.planmap.store.Feature;

/**
 * A department's own county boundaries in place of the generalised DataV ones: the file's features, already read
 * and reprojected to lon/lat by the import road, are keyed by their county code, joined into one county per code,
 * repaired, made a clean coverage, and assembled into a {@link BoundarySet} whose cities and province are unions of
 * them. The file must cover the same 117 county-level units as the boundaries it replaces: a partial file would
 * leave holes in cities and the province, and a county without a tier.
 *
 * <p>Precondition: geometries in lon/lat degrees (EPSG:4326 or CGCS2000 geographic, which differ by centimetres).
 */
public final class OfficialCounties {

    /** Vertices this close (≈ 0.2 m) are one: a surveyed coverage reprojected and rounded to 1e-6° stays exact. */
    static final double SNAP_TOLERANCE_DEG = 2e-6;
    /** Holes between counties up to 1 ha are rounding slivers and go to a neighbour; larger ones are reported. */
    static final double MAX_SLIVER_M2 = 10_000;

    /**
     * How the {@code counties} layer's source begins when it holds a department's boundaries: what tells, after a
     * restart or a restore, that the set in force is the stored one and not the DataV one planmap carries.
     */
    public static final String SOURCE_PREFIX = "正式边界 official county boundaries: ";

    private OfficialCounties() {
    }

    public static boolean isOfficial(String layerSource) {
        return layerSource != null && layerSource.startsWith(SOURCE_PREFIX);
    }

    /**
     * The boundary set of official counties as stored (the {@code counties} layer read back): the same counties,
     * cities and province as {@link #assemble} made of them, to the bit, since the store keeps coordinates exactly.
     *
     * @param reference the DataV set, for the cities' names and order and the neighbouring provinces
     */
    public static BoundarySet fromStored(List<Feature> stored, BoundarySet reference) {
        Map<String, String> cityNames = new LinkedHashMap<>();
        reference.cities().forEach(c -> cityNames.put(c.id(), name(c)));
        List<Feature> counties = stored.stream()
                .sorted(Comparator.comparing(Feature::id))
                .map(f -> BoundaryImport.county(f.id(), name(f), BoundarySet.text(f, "cityAdcode"),
                        BoundarySet.text(f, "cityName"), f.geometry()))
                .toList();
        return BoundaryImport.assemble(counties, cityNames, reference.neighbours());
    }

    /** The new boundaries, when the file is accepted, and the report either way. */
    public record Outcome(Optional<BoundarySet> boundaries, OfficialCountiesReport report) {
    }

    /**
     * @param adcodeField the property holding each feature's county code (6-digit GB/T 2260, or the 9/12-digit
     *                    统一代码 of a county, whose first six digits are used)
     * @param nameField   the property holding the county's name, or empty to keep the current names
     */
    public static Outcome assemble(List<Feature> rows, String adcodeField, Optional<String> nameField,
            BoundarySet current) {
        List<String> problems = new ArrayList<>();
        Map<String, List<Feature>> byCode = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Feature row = rows.get(i);
            Optional<String> code = countyCode(row.properties().get(adcodeField));
            if (code.isEmpty()) {
                problems.add("feature " + (i + 1) + ": " + adcodeField + " = " + row.properties().get(adcodeField)
                        + " is not a county code (6 digits, or 9/12 ending in zeros)");
            } else if (row.geometry() == null || row.geometry().getDimension() != 2) {
                problems.add("feature " + (i + 1) + " (" + code.get() + ") has no polygon");
            } else {
                byCode.computeIfAbsent(code.get(), c -> new ArrayList<>()).add(row);
            }
        }
        Map<String, Feature> before = new LinkedHashMap<>();
        current.counties().forEach(c -> before.put(c.id(), c));
        List<String> missing = before.keySet().stream().filter(c -> !byCode.containsKey(c)).toList();
        List<String> extra = byCode.keySet().stream().filter(c -> !before.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            problems.add("the file lacks " + missing.size() + " county-level units: " + String.join(", ", missing));
        }
        if (!extra.isEmpty()) {
            problems.add("the file has codes that are not county-level units of Shanxi today: " + String.join(", ", extra));
        }
        List<String> codes = List.copyOf(byCode.keySet());
        List<String> dissolved = codes.stream().filter(c -> byCode.get(c).size() > 1).toList();
        if (!problems.isEmpty()) {
            // Refused before any geometry work: the planner fixes the codes first.
            return new Outcome(Optional.empty(), new OfficialCountiesReport(rows.size(), byCode.size(), dissolved,
                    List.of(), 0, 0, 0, 0, List.of(), missing, extra, List.of(), List.of(), problems));
        }
        List<BoundaryImportReport.Repair> repaired = new ArrayList<>();
        List<Geometry> areas = new ArrayList<>();
        for (String code : codes) {
            Geometry g = OverlayNGRobust.union(byCode.get(code).stream().map(Feature::geometry).toList());
            if (!g.isValid()) {
                String reason = new IsValidOp(g).getValidationError().toString();
                Geometry fixed = GeometryFixer.fix(g);
                repaired.add(new BoundaryImportReport.Repair(code, name(before.get(code)), reason,
                        BoundaryImport.km2(Math.abs(Ellipsoid.area(fixed) - Ellipsoid.area(g)))));
                g = fixed;
            }
            areas.add(g);
        }
        CoverageCleaner.Result cleaned = new CoverageCleaner(BoundaryImport.PRECISION, SNAP_TOLERANCE_DEG, MAX_SLIVER_M2)
                .clean(areas);

        Map<String, String> cityNames = new LinkedHashMap<>();
        current.cities().forEach(c -> cityNames.put(c.id(), name(c)));
        List<Feature> counties = new ArrayList<>();
        List<OfficialCountiesReport.Rename> renamed = new ArrayList<>();
        List<OfficialCountiesReport.AreaChange> changes = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            Feature old = before.get(code);
            String name = nameField.map(f -> byCode.get(code).get(0).properties().get(f))
                    .map(n -> String.valueOf(n).strip()).filter(n -> !n.isEmpty()).orElse(name(old));
            if (!name.equals(name(old))) {
                renamed.add(new OfficialCountiesReport.Rename(code, name(old), name));
            }
            String cityCode = String.valueOf(old.properties().get("cityAdcode"));
            Feature county = BoundaryImport.county(code, name, cityCode, cityNames.get(cityCode), cleaned.coverage().get(i));
            counties.add(county);
            double was = ((Number) old.properties().get("areaKm2")).doubleValue();
            double now = ((Number) county.properties().get("areaKm2")).doubleValue();
            changes.add(new OfficialCountiesReport.AreaChange(code, name, was, now,
                    Math.round((now - was) / was * 10_000) / 100.0));
        }

        BoundarySet assembled = BoundaryImport.assemble(counties, cityNames, current.neighbours());
        problems.addAll(BoundaryValidation.problems(assembled));
        Optional<BoundarySet> set = problems.isEmpty() ? Optional.of(assembled) : Optional.empty();
        OfficialCountiesReport report = new OfficialCountiesReport(rows.size(), byCode.size(), dissolved, repaired,
                cleaned.count(FaceKind.OVERLAP), BoundaryImport.km2(cleaned.areaM2(FaceKind.OVERLAP)),
                cleaned.count(FaceKind.GAP), BoundaryImport.km2(cleaned.areaM2(FaceKind.GAP)),
                cleaned.unfilledGapsM2().stream().map(BoundaryImport::km2).toList(),
                missing, extra, renamed, changes, problems);
        return new Outcome(set, report);
    }

    /** "140105", 140105, "140105000" and "140105000000" are 140105; anything else is no county code. */
    static Optional<String> countyCode(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                ? Long.toString(n.longValue()) : String.valueOf(value).strip();
        boolean digits = !text.isEmpty() && text.chars().allMatch(Character::isDigit);
        if (!digits || !(text.length() == 6 || text.length() == 9 || text.length() == 12)
                || !text.substring(6).chars().allMatch(c -> c == '0') || text.startsWith("0")) {
            return Optional.empty();
        }
        return Optional.of(text.substring(0, 6));
    }

    private static String name(Feature f) {
        return BoundaryImport.name(f);
    }
}

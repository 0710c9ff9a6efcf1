package org.planmap.plan;

import java.util.List;

/**
 * One area of 一群两区三圈: the city cluster, the two engine zones and the three town circles. Members
 * are prefecture-city names; {@code extentNote} records what the seed says about the extent and says so
 * when it defines none.
 */
public record Region(String id, String name, RegionKind kind, List<String> members, String extentNote,
                     GeometryBasis geometryBasis, String note, SourceRef source, String sourceQuote) {

    static final List<String> COLUMNS = List.of("id", "name", "kind", "members", "extent_note", "geometry_basis",
            "note", "source_document", "source_section", "source_quote");

    public Region {
        members = List.copyOf(members);
    }

    static Region fromRow(CsvRow row) {
        Region region = new Region(row.required("id"), row.required("name"),
                RegionKind.fromLabel(row.required("kind")), row.list("members"), row.required("extent_note"),
                GeometryBasis.fromCode(row.required("geometry_basis")), row.get("note"), row.source(),
                row.required("source_quote"));
        // A union of members needs members; drawing an empty union would silently show nothing.
        if (region.geometryBasis == GeometryBasis.MEMBERS && region.members.isEmpty()) {
            throw row.error("geometry_basis members but no members");
        }
        return region;
    }
}

package org.planmap.review;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/** The site to review: one polygonal geometry in EPSG:4326, and the CRS the planner's file gave it in. */
public record SiteShape(Geometry lonLat, String sourceCrs) {
    public SiteShape {
        Objects.requireNonNull(lonLat);
        Objects.requireNonNull(sourceCrs);
    }
}

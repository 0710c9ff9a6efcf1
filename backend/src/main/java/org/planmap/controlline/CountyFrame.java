package org.planmap.controlline;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.planmap.boundary.BoundaryImport;
import org.planmap.boundary.LabelPoint;
import org.planmap.plan.County;

/**
 * One county prepared for generating shapes in it: indexed point-in-polygon for sampling, a prepared
 * geometry so that the common case (a shape wholly inside) skips the overlay, and the county seat
 * (its label point) that the relief proxy and the development boundary centre on.
 */
final class CountyFrame {

    final County county;
    final Geometry geometry;
    final Envelope envelope;
    final double seatLon;
    final double seatLat;
    /** √(area/π): the radius of a circle as large as the county. */
    final double radiusKm;
    private final PreparedGeometry prepared;
    private final IndexedPointInAreaLocator locator;

    CountyFrame(County county, Geometry geometry) {
        this.county = county;
        this.geometry = geometry;
        this.envelope = geometry.getEnvelopeInternal();
        List<Double> seat = LabelPoint.of(geometry);
        this.seatLon = seat.get(0);
        this.seatLat = seat.get(1);
        this.radiusKm = Math.sqrt(county.areaKm2() / Math.PI);
        this.prepared = PreparedGeometryFactory.prepare(geometry);
        this.locator = new IndexedPointInAreaLocator(geometry);
    }

    boolean inside(double lon, double lat) {
        return locator.locate(new Coordinate(lon, lat)) == Location.INTERIOR;
    }

    /**
     * The part of {@code shape} inside the county, or null when none is left. The overlay snap-rounds to
     * the boundaries' 1e-6° grid, which is robust and keeps the result on the same grid as the county.
     */
    Geometry clip(Geometry shape) {
        if (!envelope.intersects(shape.getEnvelopeInternal())) {
            return null;
        }
        if (prepared.containsProperly(shape)) {
            return shape;
        }
        Geometry cut = OverlayNG.overlay(shape, geometry, OverlayNG.INTERSECTION, BoundaryImport.PRECISION);
        // an area-area intersection may carry collapsed lines or points along the border: keep the polygons only
        List<Polygon> parts = new ArrayList<>();
        for (Object p : PolygonExtracter.getPolygons(cut)) {
            if (!((Polygon) p).isEmpty()) {
                parts.add((Polygon) p);
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        return parts.size() == 1 ? parts.get(0)
                : DemoShapes.FACTORY.createMultiPolygon(parts.toArray(Polygon[]::new));
    }
}

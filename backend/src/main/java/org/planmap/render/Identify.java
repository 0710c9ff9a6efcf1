package org.planmap.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.planmap.crs.CrsRef;
import org.planmap.crs.PointTransform;
import org.planmap.layer.LayerService;
import org.planmap.store.Feature;
import org.planmap.store.FeatureCursor;
import org.planmap.store.FeatureQuery;
import org.planmap.store.LayerInfo;

/**
 * What lies under a point of the map: the store's bbox query round the point, then an exact test with JTS —
 * an area holds the point (so a click names one county, not its neighbour too), a line or point lies within
 * a few screen pixels at the zoom the planner clicked at (so a hairline can be hit), measured in Web Mercator.
 */
public final class Identify {

    /** How near, in screen pixels, a click must come to a line or edge. */
    public static final double TOLERANCE_PX = 3;

    public record Hit(String layer, String title, String id, Map<String, Object> properties) {
    }

    private final LayerService layers;
    private final GeometryFactory factory = new GeometryFactory();

    public Identify(LayerService layers) {
        this.layers = layers;
    }

    /** The features of {@code layerIds} (in that order) at lon/lat, with the tolerance of zoom {@code zoom}. */
    public List<Hit> at(double lon, double lat, double zoom, List<String> layerIds) {
        double tolerance = TOLERANCE_PX * WebMercator.resolution(zoom);
        double mx = WebMercator.x(lon);
        double my = WebMercator.y(lat);
        Envelope near = new Envelope(WebMercator.lon(mx - tolerance), WebMercator.lon(mx + tolerance),
                WebMercator.lat(my - tolerance), WebMercator.lat(my + tolerance));
        Point click = factory.createPoint(new Coordinate(mx, my));
        List<Hit> hits = new ArrayList<>();
        for (String id : layerIds) {
            LayerInfo layer = layers.layer(id);
            try (FeatureCursor candidates = layers.features(FeatureQuery.of(id).bbox(near), CrsRef.WGS84)) {
                candidates.forEachRemaining(f -> {
                    if (f.geometry() != null && under(mercator(f.geometry()), click, tolerance)) {
                        hits.add(new Hit(id, layer.title(), f.id(), f.properties()));
                    }
                });
            }
        }
        return hits;
    }

    private static boolean under(Geometry feature, Point click, double tolerance) {
        return feature.getDimension() == 2 ? feature.covers(click) : feature.isWithinDistance(click, tolerance);
    }

    /** Vertices to Mercator metres by the closed formula (the candidates are few, but may be large). */
    private static final PointTransform TO_MERCATOR = (lon, lat, out) -> {
        out[0] = WebMercator.x(lon);
        out[1] = WebMercator.y(lat);
    };

    private static Geometry mercator(Geometry lonLat) {
        return TO_MERCATOR.applyTo(lonLat);
    }
}

package org.planmap.encode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.coverage.CoverageSimplifier;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.planmap.layer.ZoomBand;
import org.planmap.store.Feature;

/**
 * Generalises a set of small polygon layers for one zoom band without tearing them apart. The base layer
 * (the counties, a clean coverage) is simplified as a coverage, so a border two counties share is
 * simplified once and stays shared. Every feature of another layer that is a union of base polygons
 * (cities, the province, town groups, regions) becomes the union of its members' simplified polygons, so
 * a city line lies exactly on the county lines. A feature that is not made of base polygons (the
 * neighbouring provinces) is simplified with the others of its layer as a coverage of their own.
 */
final class CoverageGeneralizer {

    /** A union of members has the area of the feature up to rounding; anything else is not made of them. */
    private static final double SAME_AREA = 1e-6;

    private final String baseLayer;
    private final Map<String, List<Feature>> layers;
    /** Per layer, per feature: the indices of the base polygons it is the union of, or null. */
    private final Map<String, List<int[]>> members = new LinkedHashMap<>();

    CoverageGeneralizer(String baseLayer, Map<String, List<Feature>> layers) {
        this.baseLayer = baseLayer;
        this.layers = layers;
        List<Feature> base = layers.get(baseLayer);
        List<Point> inside = base.stream().map(f -> f.geometry().getInteriorPoint()).toList();
        layers.forEach((id, features) -> {
            if (!id.equals(baseLayer)) {
                members.put(id, features.stream().map(f -> membersOf(f.geometry(), base, inside)).toList());
            }
        });
    }

    private static int[] membersOf(Geometry shape, List<Feature> base, List<Point> inside) {
        if (shape == null) {
            return null;
        }
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(shape);
        List<Integer> found = new ArrayList<>();
        double area = 0;
        for (int i = 0; i < base.size(); i++) {
            if (prepared.contains(inside.get(i))) {
                found.add(i);
                area += base.get(i).geometry().getArea();
            }
        }
        boolean union = !found.isEmpty() && Math.abs(area - shape.getArea()) <= SAME_AREA * shape.getArea();
        return union ? found.stream().mapToInt(Integer::intValue).toArray() : null;
    }

    /** Every layer's features with geometries simplified and rounded for {@code band}; properties unchanged. */
    Map<String, List<Feature>> generalize(ZoomBand band) {
        List<Feature> base = layers.get(baseLayer);
        Geometry[] simplified = simplify(base, band);
        Map<String, List<Feature>> out = new LinkedHashMap<>();
        layers.forEach((id, features) -> {
            if (id.equals(baseLayer)) {
                out.put(id, withGeometries(features, simplified));
                return;
            }
            List<int[]> unions = members.get(id);
            List<Feature> alone = new ArrayList<>();
            for (int i = 0; i < features.size(); i++) {
                if (unions.get(i) == null && features.get(i).geometry() != null) {
                    alone.add(features.get(i));
                }
            }
            Geometry[] aloneSimplified = alone.isEmpty() ? new Geometry[0] : simplify(alone, band);
            Geometry[] shapes = new Geometry[features.size()];
            for (int i = 0, next = 0; i < features.size(); i++) {
                int[] parts = unions.get(i);
                if (parts != null) {
                    shapes[i] = union(parts, simplified);
                } else if (features.get(i).geometry() != null) {
                    shapes[i] = aloneSimplified[next++];
                }
            }
            out.put(id, withGeometries(features, shapes));
        });
        return out;
    }

    private static Geometry[] simplify(List<Feature> coverage, ZoomBand band) {
        Geometry[] shapes = coverage.stream().map(Feature::geometry).toArray(Geometry[]::new);
        Geometry[] simplified = CoverageSimplifier.simplify(shapes, band.tolerance());
        // Rounded point by point: a vertex two polygons share rounds to the same place in both.
        PrecisionModel grid = new PrecisionModel(Math.pow(10, band.decimals()));
        for (int i = 0; i < simplified.length; i++) {
            simplified[i] = multi(GeometryPrecisionReducer.reducePointwise(simplified[i], grid));
        }
        return simplified;
    }

    /** The layers are MULTIPOLYGON in the catalog; simplifying must not change a feature's type. */
    private static Geometry multi(Geometry shape) {
        return shape instanceof Polygon p ? shape.getFactory().createMultiPolygon(new Polygon[] {p}) : shape;
    }

    private static Geometry union(int[] parts, Geometry[] simplified) {
        Geometry[] pieces = new Geometry[parts.length];
        for (int i = 0; i < parts.length; i++) {
            pieces[i] = simplified[parts[i]];
        }
        return multi(CoverageUnion.union(pieces));
    }

    private static List<Feature> withGeometries(List<Feature> features, Geometry[] shapes) {
        List<Feature> out = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            Feature f = features.get(i);
            out.add(new Feature(f.id(), shapes[i], f.properties()));
        }
        return out;
    }
}

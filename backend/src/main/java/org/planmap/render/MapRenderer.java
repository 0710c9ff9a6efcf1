package org.planmap.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.planmap.crs.CrsRef;
import org.planmap.layer.Abandoned;
import org.planmap.layer.LayerService;
import org.planmap.style.MapStyles.LabelStyle;
import org.planmap.style.MapStyles.LayerStyle;
import org.planmap.store.Feature;
import org.planmap.store.FeatureQuery;
import org.planmap.style.MapStyles;

/**
 * Draws layers with the viewer's styles onto a Java2D canvas in the view's {@link Plane} (Web Mercator, or
 * longitude/latitude for a geographic tile), reading features only through {@link LayerService} (a bbox query in
 * EPSG:4326, projected here in closed form).
 *
 * <p>Built for dense layers: a feature smaller than a pixel becomes a one-pixel dot (all of a layer's dots
 * are filled in one call), vertices that fall within half a pixel of the previous one are dropped, and one
 * {@link Path2D} is reused for every shape of a drawing. Thread-safe: all state lives in one drawing.
 */
public final class MapRenderer {

    /** Extra pixels queried round a view so strokes of features just outside still reach into it. */
    static final double QUERY_BUFFER_PX = 4;
    /** How far a drawn outline may stray from the true one: less than a pixel, as the old half-pixel filter did. */
    static final double SIMPLIFY_PX = 0.5;

    private final LayerService layers;
    private final MapStyles styles;

    public MapRenderer(LayerService layers, MapStyles styles) {
        this.layers = layers;
        this.styles = styles;
    }

    public MapStyles styles() {
        return styles;
    }

    /** The layer's features whose boxes meet the view (plus a few pixels for strokes). */
    public List<Feature> features(String layerId, Viewport view) {
        return layers.features(query(layerId, view), CrsRef.WGS84).toList();
    }

    /**
     * The features {@code style} draws in the view handed over one by one, none kept: a tile over a dense layer holds
     * no list of them. Read without properties when the style needs none: a dense layer's tile then decodes only ids
     * and geometries.
     */
    public void forEachFeature(LayerStyle style, Viewport view, Consumer<Feature> sink) {
        layers.forEach(drawnIn(style, queryBounds(view)), CrsRef.WGS84, sink);
    }

    /** The query for what {@code style} draws within {@code bounds}: properties only if the style reads any. */
    static FeatureQuery drawnIn(LayerStyle style, Envelope bounds) {
        FeatureQuery q = FeatureQuery.of(style.id()).bbox(bounds);
        return style.readsProperties() ? q : q.withoutProperties();
    }

    /** What a view draws: the features whose boxes meet its bounds widened by {@link #QUERY_BUFFER_PX}. */
    public static Envelope queryBounds(Viewport view) {
        return view.lonLatBounds(QUERY_BUFFER_PX);
    }

    private static FeatureQuery query(String layerId, Viewport view) {
        return FeatureQuery.of(layerId).bbox(queryBounds(view));
    }

    public static void prepare(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    /**
     * Fills and strokes the features as the viewer does (Leaflet: round joins and caps). Consecutive features
     * drawn alike go into one path, filled once and stroked once: Java2D's cost is mostly per call, so a
     * layer of thousands of fields costs a few calls, not thousands. Rings are oriented (shells one way,
     * holes the other) so the non-zero rule keeps holes open and overlapping features do not cancel out.
     */
    public void drawFeatures(Graphics2D g, Viewport view, LayerStyle style, List<Feature> features) {
        Drawing drawing = new Drawing(g, view, style);
        features.forEach(drawing);
        drawing.finish();
    }

    /**
     * {@link #drawFeatures} fed one feature at a time, so a whole dense layer can be drawn while it streams
     * from the store; {@link #finish} draws what is still gathered. A feature smaller than a pixel is a dot,
     * and a pixel that already has one gets no second: at overview zooms a few hundred thousand fields
     * collapse onto a few thousand pixels.
     */
    public static final class Drawing implements Consumer<Feature> {
        private final Graphics2D g;
        private final Viewport view;
        private final LayerStyle style;
        private final Batch batch;
        private final Path2D.Double dots = new Path2D.Double();
        private final BitSet dotted;
        private final Color dotColour;
        private long drawn;

        public Drawing(Graphics2D g, Viewport view, LayerStyle style) {
            this.g = g;
            this.view = view;
            this.style = style;
            this.batch = new Batch(style);
            this.dotted = new BitSet(view.width() * view.height());
            this.dotColour = style.stroke() != null ? style.stroke() : style.fillFor(Map.of());
        }

        @Override
        public void accept(Feature f) {
            Abandoned.check();
            Geometry geometry = f.geometry();
            if (geometry == null || geometry.isEmpty()) {
                return;
            }
            drawn++;
            Envelope e = geometry.getEnvelopeInternal();
            double w = view.px(e.getMaxX()) - view.px(e.getMinX());
            double h = view.py(e.getMinY()) - view.py(e.getMaxY());
            if (w < 1 && h < 1 && !(geometry instanceof Point)) {
                dot((int) Math.floor(view.px(e.centre().x)), (int) Math.floor(view.py(e.centre().y)));
                return;
            }
            Color fill = style.fillFor(f.properties());
            Color stroke = style.strokeFor(f.properties());
            float[] dash = style.dashFor(f.properties());
            if (!batch.drawsLike(fill, stroke, dash)) {
                batch.flush(g);
                batch.restyle(fill, stroke, dash);
            }
            append(geometry.getDimension() == 2 ? batch.areas : batch.lines, geometry, view);
        }

        /** A one-pixel dot, once per pixel; a dot off the canvas (a feature in the stroke margin) shows nothing. */
        private void dot(int x, int y) {
            if (x < 0 || y < 0 || x >= view.width() || y >= view.height() || dotted.get(y * view.width() + x)) {
                return;
            }
            dotted.set(y * view.width() + x);
            dots.append(new Rectangle2D.Double(x, y, 1, 1), false);
        }

        /** True once any feature with a geometry was handed over. */
        public boolean drewAny() {
            return drawn > 0;
        }

        public void finish() {
            batch.flush(g);
            if (!dotted.isEmpty() && dotColour != null) {
                g.setColor(dotColour);
                g.fill(dots);
            }
        }
    }

    /** Features that share fill, stroke and dash, gathered into two reused paths (areas, and lines or points). */
    private static final class Batch {
        final Path2D.Double areas = new Path2D.Double(Path2D.WIND_NON_ZERO, 4096);
        final Path2D.Double lines = new Path2D.Double(Path2D.WIND_NON_ZERO, 1024);
        final float width;
        Color fill;
        Color stroke;
        float[] dash;

        Batch(LayerStyle style) {
            this.width = style.width();
        }

        boolean drawsLike(Color fill, Color stroke, float[] dash) {
            return Objects.equals(fill, this.fill) && Objects.equals(stroke, this.stroke) && Arrays.equals(dash, this.dash);
        }

        void restyle(Color fill, Color stroke, float[] dash) {
            this.fill = fill;
            this.stroke = stroke;
            this.dash = dash;
        }

        void flush(Graphics2D g) {
            if (fill != null && areas.getCurrentPoint() != null) {
                g.setColor(fill);
                g.fill(areas);
            }
            if (stroke != null) {
                g.setColor(stroke);
                g.setStroke(dash == null ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                        : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, dash, 0));
                for (Path2D.Double path : List.of(areas, lines)) {
                    if (path.getCurrentPoint() != null) {
                        g.draw(path);
                    }
                }
            }
            areas.reset();
            lines.reset();
        }
    }

    /**
     * Names at each feature's {@code labelPoint}, with a white halo, in the map's language ({@code names} turns
     * the stored Chinese name into the label). A name that would overlap one drawn, or anything in
     * {@code taken}, is dropped rather than moved: moved, it would name the wrong feature.
     *
     * @return the labels drawn, in drawing order
     */
    public List<String> drawLabels(Graphics2D g, Viewport view, LabelStyle label, List<Feature> features,
            List<Rectangle2D> taken, UnaryOperator<String> names) {
        var font = CjkFont.font(label.size(), label.bold(), label.italic());
        BasicStroke halo = new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        List<String> drawn = new ArrayList<>();
        for (Feature f : features) {
            if (!(f.properties().get("name") instanceof String name) || !(f.properties().get("labelPoint") instanceof List<?> point)
                    || point.size() != 2) {
                continue;
            }
            String text = names.apply(name);
            double x = view.px(((Number) point.get(0)).doubleValue());
            double y = view.py(((Number) point.get(1)).doubleValue());
            TextLayout layout = new TextLayout(text, font, g.getFontRenderContext());
            Rectangle2D bounds = layout.getBounds();
            double left = x - bounds.getWidth() / 2;
            double baseline = y + bounds.getHeight() / 2;
            Rectangle2D box = new Rectangle2D.Double(left - 2, baseline - bounds.getHeight() - 2,
                    bounds.getWidth() + 4, bounds.getHeight() + 4);
            if (!box.intersects(0, 0, view.width(), view.height()) || taken.stream().anyMatch(box::intersects)) {
                continue;
            }
            taken.add(box);
            drawn.add(text);
            Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(left - bounds.getX(), baseline));
            g.setStroke(halo);
            g.setColor(Color.WHITE);
            g.draw(outline);
            g.setColor(label.colour());
            g.fill(outline);
        }
        return drawn;
    }

    private static void append(Path2D.Double path, Geometry geometry, Viewport view) {
        if (geometry instanceof Polygon polygon) {
            CoordinateSequence shell = polygon.getExteriorRing().getCoordinateSequence();
            ring(path, shell, view, true, !Orientation.isCCW(shell));
            for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                CoordinateSequence hole = polygon.getInteriorRingN(i).getCoordinateSequence();
                ring(path, hole, view, true, Orientation.isCCW(hole));
            }
        } else if (geometry instanceof LineString line) {
            ring(path, line.getCoordinateSequence(), view, false, false);
        } else if (geometry instanceof Point point) {
            double x = view.px(point.getX());
            double y = view.py(point.getY());
            path.append(new java.awt.geom.Ellipse2D.Double(x - 2, y - 2, 4, 4), false);
        } else {
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                append(path, geometry.getGeometryN(i), view);
            }
        }
    }

    /**
     * Appends one ring or line (backwards if {@code reverse}) in pixels, simplified by Douglas–Peucker to within
     * {@link #SIMPLIFY_PX}: the county outlines of a province-wide map keep a quarter of their vertices, and Java2D's
     * cost of a thin antialiased stroke is mostly per vertex (its joins), so the map image's outlines cost half.
     */
    private static void ring(Path2D.Double path, CoordinateSequence seq, Viewport view, boolean close, boolean reverse) {
        int n = seq.size();
        if (n == 0) {
            return;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            int i = reverse ? n - 1 - k : k;
            x[k] = view.px(seq.getX(i));
            y[k] = view.py(seq.getY(i));
        }
        boolean[] keep = douglasPeucker(x, y, SIMPLIFY_PX);
        path.moveTo(x[0], y[0]);
        for (int k = 1; k < n; k++) {
            if (keep[k]) {
                path.lineTo(x[k], y[k]);
            }
        }
        if (close) {
            path.closePath();
        }
    }

    /** The vertices to keep so that none dropped lies farther than {@code tolerance} from the line kept. */
    static boolean[] douglasPeucker(double[] x, double[] y, double tolerance) {
        int n = x.length;
        boolean[] keep = new boolean[n];
        keep[0] = true;
        keep[n - 1] = true;
        double limit = tolerance * tolerance;
        // Spans still to look at, as start and end indices; a stack, not recursion: rings run to tens of thousands.
        int[] spans = new int[64];
        int top = 0;
        spans[top++] = 0;
        spans[top++] = n - 1;
        while (top > 0) {
            int end = spans[--top];
            int start = spans[--top];
            double farthest = -1;
            int at = -1;
            for (int k = start + 1; k < end; k++) {
                double d = distanceSquared(x[k], y[k], x[start], y[start], x[end], y[end]);
                if (d > farthest) {
                    farthest = d;
                    at = k;
                }
            }
            if (farthest > limit) {
                keep[at] = true;
                if (top + 4 > spans.length) {
                    spans = Arrays.copyOf(spans, spans.length * 2);
                }
                spans[top++] = start;
                spans[top++] = at;
                spans[top++] = at;
                spans[top++] = end;
            }
        }
        return keep;
    }

    /** From (px, py) to the segment a–b (to a itself when a ring's segment has closed on its start). */
    private static double distanceSquared(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double length = dx * dx + dy * dy;
        double t = length == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
        double ex = px - (ax + t * dx);
        double ey = py - (ay + t * dy);
        return ex * ex + ey * ey;
    }
}

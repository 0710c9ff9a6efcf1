package org.planmap.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.planmap.style.MapStyles.ByProperty;
import org.planmap.style.MapStyles.LayerStyle;
import org.planmap.store.Feature;

/** A map image's legend, built from the same styles the layers are drawn with. */
final class Legend {

    static final int SWATCH_W = 22;
    static final int SWATCH_H = 12;
    static final int ROW = 18;

    /** A heading (no swatch) or a swatch with its text; {@code fill} null: a line swatch. */
    record Row(String text, boolean heading, Color fill, Color stroke, float width, float[] dash) {
        static Row heading(String text) {
            return new Row(text, true, null, null, 0, null);
        }
    }

    private Legend() {
    }

    /**
     * A layer's rows: a fill-by-property layer (the county tiers) lists every value, in the style's order;
     * a stroke-by-property layer (region kinds) lists the values its drawn features use; any other layer is
     * one row. {@code demonstration}: the stored layer is demonstration data and the legend says so;
     * {@code edition} follows the layer's name (the kept version drawn, or ""). {@code words} gives the style file's
     * Chinese in the map's language.
     */
    static List<Row> rows(LayerStyle style, List<Feature> features, boolean demonstration, String edition,
            UnaryOperator<String> words) {
        List<Row> rows = new ArrayList<>();
        if (style.fillBy() != null) {
            ByProperty<Color> by = style.fillBy();
            rows.add(Row.heading(words.apply(by.title() != null ? by.title() : style.title()) + edition));
            by.values().keySet().forEach(value -> rows.add(new Row(words.apply(value), false,
                    style.fillFor(Map.of(by.property(), value)), style.stroke(), 1, null)));
        } else if (style.strokeBy() != null) {
            ByProperty<Color> by = style.strokeBy();
            rows.add(Row.heading(words.apply(style.title()) + edition));
            by.values().forEach((value, colour) -> {
                if (features.stream().anyMatch(f -> value.equals(String.valueOf(f.properties().get(by.property()))))) {
                    rows.add(new Row(words.apply(value), false, null, colour, style.width(), null));
                }
            });
            if (style.dashBy() != null && features.stream().anyMatch(f -> style.dashFor(f.properties()) != null)) {
                float[] dash = style.dashBy().values().values().iterator().next();
                rows.add(new Row(words.apply(Objects.requireNonNullElse(style.dashBy().title(), "")), false, null,
                        by.fallback(), style.width(), dash));
            }
        } else {
            String text = words.apply(style.legend() != null ? style.legend() : style.title()) + edition
                    + (demonstration ? words.apply("（示意数据，非官方）") : "");
            rows.add(new Row(text, false, style.filled() ? style.fillFor(Map.of()) : null, style.stroke(),
                    style.width(), null));
        }
        return rows;
    }

    /** The panel's size: what {@link #draw} covers, so that the map can choose where it goes first. */
    static Dimension size(Graphics2D g, List<Row> rows, String heading) {
        if (rows.isEmpty()) {
            return new Dimension();
        }
        g.setFont(CjkFont.font(12, true, false));
        FontMetrics fm = g.getFontMetrics();
        int width = fm.stringWidth(heading);
        for (Row row : rows) {
            width = Math.max(width, fm.stringWidth(row.text()) + (row.heading() ? 0 : SWATCH_W + 8));
        }
        return new Dimension(width + 20, (rows.size() + 1) * ROW + 10);
    }

    /**
     * Draws the rows under {@code heading} (图例, Legend) in a white panel whose bottom-right corner is at
     * ({@code right}, {@code bottom}).
     *
     * @return the panel, which place names keep clear of; empty for no rows
     */
    static Rectangle2D draw(Graphics2D g, List<Row> rows, String heading, int right, int bottom) {
        if (rows.isEmpty()) {
            return new Rectangle2D.Double();
        }
        var text = CjkFont.font(12, false, false);
        var bold = CjkFont.font(12, true, false);
        Dimension size = size(g, rows, heading);
        int width = size.width - 20;
        int height = size.height;
        int top = bottom - height;
        int left = right - size.width;
        g.setFont(bold);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(MapImage.PANEL);
        g.fillRoundRect(left, top, width + 20, height, 6, 6);
        g.setColor(new Color(0xbcccdc));
        g.setStroke(new BasicStroke(1));
        g.drawRoundRect(left, top, width + 20, height, 6, 6);
        int x = left + 10;
        int y = top + 5;
        g.setColor(MapImage.INK);
        g.drawString(heading, x, y + fm.getAscent());
        for (Row row : rows) {
            y += ROW;
            int mid = y + ROW / 2;
            g.setFont(row.heading() ? bold : text);
            int baseline = y + g.getFontMetrics().getAscent();
            if (row.heading()) {
                g.setColor(MapImage.INK);
                g.drawString(row.text(), x, baseline);
                continue;
            }
            if (row.fill() != null) {
                g.setColor(Color.WHITE);
                g.fillRect(x, mid - SWATCH_H / 2 - 1, SWATCH_W, SWATCH_H);
                g.setColor(row.fill());
                g.fillRect(x, mid - SWATCH_H / 2 - 1, SWATCH_W, SWATCH_H);
                if (row.stroke() != null) {
                    g.setColor(row.stroke());
                    g.setStroke(new BasicStroke(1));
                    g.drawRect(x, mid - SWATCH_H / 2 - 1, SWATCH_W, SWATCH_H);
                }
            } else if (row.stroke() != null) {
                g.setColor(row.stroke());
                g.setStroke(row.dash() == null ? new BasicStroke(Math.max(2, row.width()))
                        : new BasicStroke(Math.max(2, row.width()), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
                                10, row.dash(), 0));
                g.drawLine(x, mid - 1, x + SWATCH_W, mid - 1);
            }
            g.setColor(MapImage.INK);
            g.drawString(row.text(), x + SWATCH_W + 8, baseline);
        }
        return new Rectangle2D.Double(left, top, width + 20, height);
    }
}

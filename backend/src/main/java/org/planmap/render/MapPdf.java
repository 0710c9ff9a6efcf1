package org.planmap.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Maps on PDF pages: {@link MapImage}'s drawing (layers, labels, title, legend, scale bar, north arrow, credit)
 * as vectors in a box of the page, and the footer every planmap sheet carries: the date it was made.
 */
public final class MapPdf {

    /** The paper sizes a print may ask for, ISO 216, in points. */
    public enum Paper {
        A4(PDRectangle.A4), A3(PDRectangle.A3);

        private final PDRectangle portrait;

        Paper(PDRectangle portrait) {
            this.portrait = portrait;
        }

        public PDRectangle size(boolean landscape) {
            return landscape ? new PDRectangle(portrait.getHeight(), portrait.getWidth()) : portrait;
        }
    }

    /** The site or feature a report is about, drawn over the map. */
    static final Color HIGHLIGHT = new Color(0xd6, 0x27, 0x28);

    /**
     * A map narrower than this (in points) is drawn as if this wide and scaled down: title, legend, scale bar and
     * names are sized for a screen, and at their own size they covered a third of a report's half-page map, the
     * site or the county among it.
     */
    static final int MIN_DRAWN_WIDTH = 760;

    private final MapImage maps;

    public MapPdf(MapImage maps) {
        this.maps = maps;
    }

    /** Refuses unknown layers, and unknown versions of them, before any page is made. */
    public void check(MapLayers wanted) {
        maps.check(wanted);
    }

    /**
     * Draws the map of {@code lonLat} in a {@code width} × {@code height} point box whose top-left corner is at
     * ({@code x}, {@code top}); {@code highlight}, when not null, is outlined over it.
     */
    public void map(PdfDocument.Page page, float x, float top, int width, int height, Envelope lonLat,
            MapLayers wanted, String title, Geometry highlight, MapLanguage language) {
        double enlarged = Math.max(1, (double) MIN_DRAWN_WIDTH / width);
        Viewport view = Viewport.fitting(lonLat, (int) Math.round(width * enlarged),
                (int) Math.round(height * enlarged));
        page.drawing(x, top, width, height, g -> {
            g.scale(1 / enlarged, 1 / enlarged);
            maps.draw(g, view, wanted, title, language);
            if (highlight != null) {
                outline(g, view, highlight);
            }
        });
    }

    private static void outline(Graphics2D g, Viewport view, Geometry lonLat) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int i = 0; i < lonLat.getNumGeometries(); i++) {
            if (lonLat.getGeometryN(i) instanceof Polygon p) {
                ring(path, p.getExteriorRing(), view);
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    ring(path, p.getInteriorRingN(h), view);
                }
            }
        }
        g.setColor(new Color(HIGHLIGHT.getRed(), HIGHLIGHT.getGreen(), HIGHLIGHT.getBlue(), 60));
        g.fill(path);
        g.setColor(HIGHLIGHT);
        g.setStroke(new BasicStroke(2f));
        g.draw(path);
    }

    private static void ring(Path2D.Double path, LineString ring, Viewport view) {
        Coordinate[] cs = ring.getCoordinates();
        path.moveTo(view.px(cs[0].x), view.py(cs[0].y));
        for (int i = 1; i < cs.length; i++) {
            path.lineTo(view.px(cs[i].x), view.py(cs[i].y));
        }
        path.closePath();
    }

    /** A word of the style file in the report's language, as the map inside the report says it. */
    public String word(MapLanguage language, String chinese) {
        return maps.word(language, chinese);
    }

    /**
     * The sheet's bottom line: the day it was made. The data's source is the map's own credit line, drawn with
     * it; the footer once repeated it, and a sheet said its source twice.
     */
    public static void footer(PdfDocument pdf, PdfDocument.Page page, MapLanguage language) {
        String text = language.text("制图日期 ", "Map made ") + LocalDate.now();
        PDPageContentStream content = page.content();
        try {
            content.beginText();
            content.setFont(pdf.font(), 7.5f);
            content.newLineAtOffset(PdfTextFlow.MARGIN, PdfTextFlow.MARGIN / 2);
            content.showText(text);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An envelope widened by {@code fraction} of its size on every side (at least a little, for a point). */
    public static Envelope padded(Envelope e, double fraction) {
        double dx = Math.max(e.getWidth() * fraction, 0.005);
        double dy = Math.max(e.getHeight() * fraction, 0.005);
        return new Envelope(e.getMinX() - dx, e.getMaxX() + dx, e.getMinY() - dy, e.getMaxY() + dy);
    }
}

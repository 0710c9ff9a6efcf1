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
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

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

    /**
     * The right part of a report's map kept for the legend: about the width of the Chinese legend of the atlas's
     * layers (the legend moves to another corner where an English one is wider and the corner is free).
     */
    static final double LEGEND_STRIP = 0.3;

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
     * ({@code x}, {@code top}); {@code highlight}, when not null, is outlined over it, clear of the legend.
     */
    public void map(PdfDocument.Page page, float x, float top, int width, int height, Envelope lonLat,
            MapLayers wanted, String title, Geometry highlight, MapLanguage language) {
        double enlarged = enlarged(width);
        Viewport view = viewport(lonLat, width, height, highlight != null);
        page.drawing(x, top, width, height, g -> {
            g.scale(1 / enlarged, 1 / enlarged);
            maps.draw(g, view, wanted, title, language, highlight);
            if (highlight != null) {
                outline(g, view, highlight);
            }
        });
    }

    /**
     * The view a {@code width} × {@code height} point map of {@code lonLat} is drawn in, before it is scaled down;
     * with a {@code highlight}, {@code lonLat} fills only the part left of {@link #LEGEND_STRIP}, where the legend
     * stands clear of the site or county the page is about.
     */
    public static Viewport viewport(Envelope lonLat, int width, int height, boolean highlight) {
        double enlarged = enlarged(width);
        int drawnWidth = (int) Math.round(width * enlarged);
        return Viewport.fitting(lonLat, drawnWidth, (int) Math.round(height * enlarged),
                highlight ? (int) Math.round(drawnWidth * LEGEND_STRIP) : 0);
    }

    private static double enlarged(int width) {
        return Math.max(1, (double) MIN_DRAWN_WIDTH / width);
    }

    private static void outline(Graphics2D g, Viewport view, Geometry lonLat) {
        Path2D.Double path = view.path(lonLat);
        g.setColor(new Color(HIGHLIGHT.getRed(), HIGHLIGHT.getGreen(), HIGHLIGHT.getBlue(), 60));
        g.fill(path);
        g.setColor(HIGHLIGHT);
        g.setStroke(new BasicStroke(2f));
        g.draw(path);
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

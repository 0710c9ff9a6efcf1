package org.planmap.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text running down the pages of a {@link PdfDocument}: headings, lines and wrapped paragraphs, continued on a
 * new page of the same size when one is full. Chinese wraps between any two characters, as it is typeset; an
 * English word is not broken.
 */
public final class PdfTextFlow implements AutoCloseable {

    public static final float MARGIN = 36;
    private static final float LEADING = 1.45f;

    private final PdfDocument pdf;
    private final PDFont font;
    private final PDRectangle size;
    /** What a one-page flow writes where it stops, in the report's language; null: the flow goes on. */
    private final String cutNote;
    private PdfDocument.Page page;
    private float y;
    private boolean full;

    private PdfTextFlow(PdfDocument pdf, PdfDocument.Page page, float top, String cutNote) {
        this.pdf = pdf;
        this.font = pdf.font();
        this.page = page;
        this.size = page.size();
        this.y = top;
        this.cutNote = cutNote;
    }

    /** Text from {@code top} (points from the page's bottom) of {@code page}, going on over as many pages as it needs. */
    public static PdfTextFlow continuing(PdfDocument pdf, PdfDocument.Page page, float top) {
        return new PdfTextFlow(pdf, page, top, null);
    }

    /**
     * Text that stays on {@code page}: what does not fit is left out after a line saying so, as an atlas has
     * exactly one page per county.
     */
    public static PdfTextFlow onePage(PdfDocument pdf, PdfDocument.Page page, float top, MapLanguage language) {
        return new PdfTextFlow(pdf, page, top, language.text("……（余下内容见规划文本）", "… (the rest is in the plan text)"));
    }

    public void heading(String text) {
        space(6);
        wrapped(text, 13);
    }

    public void line(String text) {
        wrapped(text, 9.5f);
    }

    /** A smaller line (sources, notes). */
    public void note(String text) {
        wrapped(text, 8);
    }

    public void space(float points) {
        y -= points;
    }

    private void wrapped(String text, float fontSize) {
        float width = size.getWidth() - 2 * MARGIN;
        String rest = text.replace('\t', ' ').replace('\r', ' ');
        for (String paragraph : rest.split("\n")) {
            String left = paragraph;
            do {
                int fits = lineBreak(left, fitting(left, fontSize, width));
                write(left.substring(0, fits), fontSize);
                left = left.substring(fits).stripLeading();
            } while (!left.isEmpty());
        }
    }

    /**
     * Where the line ends at most {@code fits} characters in: the last place the text may be broken (between two
     * Chinese characters, after an English word's space), or {@code fits} when a word is longer than the line.
     */
    private static int lineBreak(String text, int fits) {
        if (fits >= text.length()) {
            return fits;
        }
        BreakIterator breaks = BreakIterator.getLineInstance(Locale.ROOT);
        breaks.setText(text);
        int at = breaks.isBoundary(fits) ? fits : breaks.preceding(fits);
        return at > 0 ? at : fits;
    }

    /** How many characters of {@code text} fit in {@code width} (at least one, so that the loop ends). */
    private int fitting(String text, float fontSize, float width) {
        float used = 0;
        int i = 0;
        while (i < text.length()) {
            int next = text.offsetByCodePoints(i, 1);
            used += advance(text.substring(i, next), fontSize);
            if (used > width) {
                return Math.max(i, text.offsetByCodePoints(0, 1));
            }
            i = next;
        }
        return text.length();
    }

    private float advance(String character, float fontSize) {
        try {
            return font.getStringWidth(character) / 1000 * fontSize;
        } catch (IOException | IllegalArgumentException e) {
            return fontSize; // a character the font lacks is written as its .notdef box, about one em
        }
    }

    private void write(String text, float fontSize) {
        float height = fontSize * LEADING;
        if (full) {
            return;
        }
        if (cutNote != null && y - 2 * height < MARGIN) {
            full = true;
            text = cutNote;
        } else if (y - height < MARGIN) {
            page.close();
            page = pdf.page(size);
            y = size.getHeight() - MARGIN;
        }
        y -= height;
        PDPageContentStream content = page.content();
        try {
            content.beginText();
            content.setFont(font, fontSize);
            content.newLineAtOffset(MARGIN, y + fontSize * (LEADING - 1));
            content.showText(printable(text));
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Characters the font has no glyph for become a space rather than failing the whole report. */
    private String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            try {
                font.encode(new String(Character.toChars(c)));
                out.appendCodePoint(c);
            } catch (IOException | IllegalArgumentException e) {
                out.append(' ');
            }
        });
        return out.toString();
    }

    /** Closes the page being written (the document stays open). */
    @Override
    public void close() {
        page.close();
    }
}

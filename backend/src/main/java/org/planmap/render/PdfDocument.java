package org.planmap.render;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Font;
import java.awt.Graphics2D;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * A PDF of planmap pages (print, atlas, site review): maps drawn by the same Java2D code as map.png through a
 * Graphics2D bridge to PDFBox, so they stay vectors, and Chinese kept as real text in an embedded subset of a
 * CJK font, so that a reader can search and copy 孝义市.
 * <p>
 * The font is a TrueType-outline one (WenQuanYi Micro Hei, Debian's {@code fonts-wqy-microhei}): PDFBox can
 * subset only TrueType outlines, and Noto Sans CJK, which the PNG maps use, has CFF outlines and would have to be
 * embedded whole (16 MB a file). Without such a font no PDF is made: a report whose names cannot be searched is
 * not one a planner can file.
 * <p>
 * Page contents go to a scratch file as each page is finished, so a 117-page atlas holds one page's drawing in
 * memory at a time; the bytes reach the client when the document is saved.
 */
public final class PdfDocument implements AutoCloseable {

    /** Where Debian installs TrueType-outline CJK fonts, preferred first. */
    static final List<Path> FONT_FILES = List.of(Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));

    private final PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
    private TrueTypeCollection collection;
    private PDFont font;

    public PdfDocument() {
        Path file = FONT_FILES.stream().filter(Files::isReadable).findFirst().orElseThrow(() -> new IllegalStateException(
                "no TrueType-outline CJK font for PDFs: install Debian's fonts-wqy-microhei (looked for " + FONT_FILES + ")"));
        try {
            collection = new TrueTypeCollection(file.toFile());
            font = PDType0Font.load(document, first(collection), true);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    /** The embedded CJK font, for text written straight onto a page. */
    public PDFont font() {
        return font;
    }

    public int pages() {
        return document.getNumberOfPages();
    }

    /** A new page of {@code size} (points), to write on and close before the next. */
    public Page page(PDRectangle size) {
        PDPage page = new PDPage(size);
        document.addPage(page);
        try {
            return new Page(size, new PDPageContentStream(document, page));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One page being written: its size in points, and its content (origin bottom-left, as PDF has it). */
    public final class Page implements AutoCloseable {
        private final PDRectangle size;
        private final PDPageContentStream content;

        private Page(PDRectangle size, PDPageContentStream content) {
            this.size = size;
            this.content = content;
        }

        public PDRectangle size() {
            return size;
        }

        public PDPageContentStream content() {
            return content;
        }

        /** Places a Java2D drawing of {@code width} × {@code height} points with its top-left corner at (x, top). */
        public void drawing(float x, float top, int width, int height, Consumer<Graphics2D> painter) {
            try {
                PdfBoxGraphics2D g = new PdfBoxGraphics2D(document, width, height);
                g.setFontTextDrawer(textDrawer());
                try {
                    painter.accept(g);
                } finally {
                    g.dispose();
                }
                PDFormXObject form = g.getXFormObject();
                content.saveGraphicsState();
                content.transform(Matrix.getTranslateInstance(x, top - height));
                content.drawForm(form);
                content.restoreGraphicsState();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                content.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Every Java font (labels, legend, the north arrow's N) maps to the one embedded CJK font. */
    private PdfBoxGraphics2DFontTextDrawer textDrawer() {
        return new PdfBoxGraphics2DFontTextDrawer() {
            @Override
            protected PDFont mapFont(Font javaFont, IFontTextDrawerEnv env) {
                return font;
            }
        };
    }

    public void save(OutputStream out) {
        try {
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
            if (collection != null) {
                collection.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TrueTypeFont first(TrueTypeCollection collection) throws IOException {
        List<TrueTypeFont> fonts = new ArrayList<>();
        collection.processAllFonts(fonts::add);
        return fonts.get(0);
    }
}

package org.planmap.render;

import com.pngencoder.PngEncoder;
import java.awt.image.BufferedImage;
import java.io.OutputStream;

/**
 * PNG bytes of an image (RGB, or RGBA for a tile with transparency).
 *
 * <p>pngencoder deflates the rows straight from the image's pixel array: the JDK's ImageIO writer first copied the
 * raster and then filtered every row in Java, which was two thirds of a map image's time (docs/performance.md).
 * Deflate's fastest level and no row filters: the maps are flat colours, which deflate finds without filtering
 * (a filtered 1024×768 map was larger and three times slower), and a map image is encoded on every request.
 * One thread per image: the expensive-request pool already keeps both cores busy with images of their own.
 */
public final class Png {

    static final int DEFLATE_LEVEL = 1;

    private Png() {
    }

    /** For the tile caches, which keep the bytes. */
    public static byte[] encode(BufferedImage image) {
        return encoder(image).toBytes();
    }

    /**
     * The same bytes written to {@code out} as they are deflated: a map image's PNG (megabytes at 4096 pixels) is
     * not held a second time beside its raster while it is sent.
     */
    public static void write(BufferedImage image, OutputStream out) {
        encoder(image).toStream(out);
    }

    private static PngEncoder encoder(BufferedImage image) {
        return new PngEncoder().withBufferedImage(image).withCompressionLevel(DEFLATE_LEVEL)
                .withPredictorEncoding(false).withMultiThreadedCompressionEnabled(false);
    }
}

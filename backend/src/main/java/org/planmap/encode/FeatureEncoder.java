package org.planmap.encode;

import java.io.IOException;
import java.io.OutputStream;
import org.planmap.crs.CrsRef;
import org.planmap.layer.FeaturePage;

/** Writes the answer to a feature query in one file format. One implementation per format. */
public interface FeatureEncoder {

    /** The name clients ask for ({@code ?format=}, {@code ?f=}). */
    String format();

    String mediaType();

    String fileExtension();

    /**
     * Refuses, with an {@link ExportException}, a CRS this format cannot carry; called before any feature is
     * read. Most formats take every supported CRS.
     */
    default void checkCrs(CrsRef crs) {
    }

    void write(FeaturePage page, OutputStream out) throws IOException;
}

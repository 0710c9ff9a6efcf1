package org.planmap.importer;

import java.util.List;
import org.planmap.crs.CrsRef;
import org.planmap.store.FeatureSource;
import org.planmap.store.Field;

/**
 * What a format reader found in a file, before any reprojection or repair: the property schema, the CRS the
 * file declares (null when it declares none, which the import then refuses unless the planner names one), and
 * the features with their geometries in the file's own coordinates. A reader may hand the features over as
 * it reads them from the file (a GeoPackage does), so limits and broken features may be refused while they
 * are being stored; the store then keeps the previous version.
 */
public record FileContents(String format, FeatureSource features, List<Field> fields, CrsRef declaredCrs,
        List<String> notes) {

    public FileContents {
        fields = List.copyOf(fields);
        notes = List.copyOf(notes);
    }
}

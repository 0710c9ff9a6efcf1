package org.planmap.importer;

import java.util.List;
import org.planmap.crs.CrsRef;
import org.planmap.store.Feature;
import org.planmap.store.Field;

/**
 * What a format reader found in a file, before any reprojection or repair: the features with their
 * geometries in the file's own coordinates, the property schema, and the CRS the file declares (null when
 * it declares none, which the import then refuses unless the planner names one).
 */
public record SourceData(String format, List<Feature> features, List<Field> fields, CrsRef declaredCrs,
        List<String> notes) {

    public SourceData {
        features = List.copyOf(features);
        fields = List.copyOf(fields);
        notes = List.copyOf(notes);
    }
}

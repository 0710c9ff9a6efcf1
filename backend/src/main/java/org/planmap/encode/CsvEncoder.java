package org.planmap.encode;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKTWriter;
import org.planmap.crs.CrsRef;
import org.planmap.layer.FeaturePage;
import org.planmap.store.Feature;

/**
 * One row per feature for Excel and GDAL: UTF-8 with a byte-order mark, the attribute {@link Column}s, and
 * the geometry as WKT in the last column {@value #WKT} (GDAL's CSV driver finds it with
 * {@code -oo GEOM_POSSIBLE_NAMES=WKT}). CSV has no place for a CRS: it is in the file name.
 */
public final class CsvEncoder implements FeatureEncoder {

    public static final String WKT = "WKT";

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public String mediaType() {
        return "text/csv;charset=UTF-8";
    }

    @Override
    public String fileExtension() {
        return "csv";
    }

    @Override
    public void write(FeaturePage page, OutputStream out) throws IOException {
        List<Column> columns = Column.of(page.layer());
        CsvWriter csv = new CsvWriter(out);
        List<String> header = new ArrayList<>(columns.stream().map(Column::name).toList());
        header.add(WKT);
        csv.row(header);
        WKTWriter wkt = new WKTWriter();
        wkt.setPrecisionModel(precision(page.crs()));
        while (page.features().hasNext()) {
            Feature f = page.features().next();
            List<String> row = new ArrayList<>(columns.stream().map(c -> c.text(f)).toList());
            row.add(f.geometry() == null ? "" : wkt.write(f.geometry()));
            csv.row(row);
        }
        csv.flush();
    }

    /** 6 decimals of a degree ≈ 0.1 m, as in GeoJSON; millimetres in a projected CRS. */
    private static PrecisionModel precision(CrsRef crs) {
        return new PrecisionModel(crs.isGeographic() ? 1e6 : 1e3);
    }
}

package org.planmap.encode.shapefile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.locationtech.jts.geom.Geometry;
import org.planmap.encode.Column;
import org.planmap.encode.FeatureEncoder;
import org.planmap.layer.FeaturePage;
import org.planmap.store.Feature;

/**
 * An ESRI Shapefile as one zip: {@code <layer>.shp/.shx} ({@link ShpWriter}), {@code .dbf} in UTF-8 or GBK
 * ({@link DbfTable}), {@code .prj} in ESRI WKT ({@link EsriPrj}), {@code .cpg} naming the DBF charset (readers
 * guess without it, GeoServer falls back to ISO-8859-1), and {@value #MAPPING} from DBF field names to the
 * full property names. File names inside are the layer id in ASCII, which every tool and zip program reads.
 */
public final class ShapefileEncoder implements FeatureEncoder {

    public static final String MAPPING = "字段对照.csv";
    /** The DBF charsets offered: UTF-8 for QGIS and new ArcGIS, GBK for older ArcGIS and Chinese tools. */
    public static final List<Charset> CHARSETS = List.of(StandardCharsets.UTF_8, Charset.forName("GBK"));

    private final Charset charset;

    public ShapefileEncoder(Charset charset) {
        if (!CHARSETS.contains(charset)) {
            throw new IllegalArgumentException("DBF text is written as UTF-8 or GBK, not " + charset);
        }
        this.charset = charset;
    }

    @Override
    public String format() {
        return "shapefile";
    }

    @Override
    public String mediaType() {
        return "application/zip";
    }

    @Override
    public String fileExtension() {
        return "zip";
    }

    @Override
    public void write(FeaturePage page, OutputStream out) throws IOException {
        String base = page.layer().id().replaceAll("[^A-Za-z0-9_]", "_");
        List<Feature> features = page.features();
        ByteArrayOutputStream shp = new ByteArrayOutputStream();
        ByteArrayOutputStream shx = new ByteArrayOutputStream();
        List<Geometry> geometries = features.stream().map(Feature::geometry).toList();
        new ShpWriter(ShpWriter.ShapeType.of(page.layer().geometryType())).write(geometries, shp, shx);
        DbfTable dbf = new DbfTable(Column.of(page.layer()), features, charset);
        ByteArrayOutputStream dbfBytes = new ByteArrayOutputStream();
        dbf.writeDbf(dbfBytes);   // JavaDBF closes the stream it writes to: never hand it the zip
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        entry(zip, base + ".shp", shp.toByteArray());
        entry(zip, base + ".shx", shx.toByteArray());
        entry(zip, base + ".dbf", dbfBytes.toByteArray());
        entry(zip, base + ".prj", EsriPrj.of(page.crs()).getBytes(StandardCharsets.US_ASCII));
        entry(zip, base + ".cpg", charset.name().getBytes(StandardCharsets.US_ASCII));
        zip.putNextEntry(new ZipEntry(MAPPING));
        dbf.writeMapping(zip);
        zip.closeEntry();
        zip.finish();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}

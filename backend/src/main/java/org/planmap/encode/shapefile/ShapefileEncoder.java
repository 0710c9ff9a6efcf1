package org.planmap.encode.shapefile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.planmap.encode.Column;
import org.planmap.encode.FeatureEncoder;
import org.planmap.encode.ScratchDirectory;
import org.planmap.layer.FeaturePage;
import org.planmap.style.MapStyles;
import org.planmap.store.Feature;
import org.planmap.style.Qml;
import org.planmap.style.Sld;
import org.planmap.style.Symbology;

/**
 * An ESRI Shapefile as one zip: {@code <layer>.shp/.shx} ({@link ShpWriter}), {@code .dbf} in UTF-8 or GBK
 * ({@link DbfTable}), {@code .prj} in ESRI WKT ({@link EsriPrj}), {@code .cpg} naming the DBF charset (readers
 * guess without it, GeoServer falls back to ISO-8859-1), and {@value #MAPPING} from DBF field names to the
 * full property names. File names inside are the layer id in ASCII, which every tool and zip program reads. Beside
 * them, the layer's style as {@code .qml} (QGIS loads a .qml of the same base name by itself) and {@code .sld} (ArcGIS,
 * GeoServer), on the DBF field names.
 */
public final class ShapefileEncoder implements FeatureEncoder {

    public static final String MAPPING = "字段对照.csv";
    /** The DBF charsets offered: UTF-8 for QGIS and new ArcGIS, GBK for older ArcGIS and Chinese tools. */
    public static final List<Charset> CHARSETS = List.of(StandardCharsets.UTF_8, Charset.forName("GBK"));

    private final Charset charset;
    private final Path workDir;
    private final MapStyles styles;

    /**
     * @param workDir where the parts are written before they are zipped (see {@link ScratchDirectory})
     * @param styles  the web map's styles, of which the layer's goes beside the .shp
     */
    public ShapefileEncoder(Charset charset, Path workDir, MapStyles styles) {
        if (!CHARSETS.contains(charset)) {
            throw new IllegalArgumentException("DBF text is written as UTF-8 or GBK, not " + charset);
        }
        this.charset = charset;
        this.workDir = workDir;
        this.styles = styles;
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

    /**
     * The .shp/.shx headers hold lengths and the extent, the .dbf header every column's width: all known only
     * after the last feature. So the parts are written to scratch files as the features stream from the cursor,
     * and zipped into {@code out} once complete; a failure while reading leaves {@code out} untouched.
     */
    @Override
    public void write(FeaturePage page, OutputStream out) throws IOException {
        String base = page.layer().id().replaceAll("[^A-Za-z0-9_]", "_");
        try (ScratchDirectory dir = new ScratchDirectory(workDir)) {
            Path shp = dir.resolve(base + ".shp");
            Path shx = dir.resolve(base + ".shx");
            Path dbf = dir.resolve(base + ".dbf");
            List<Column> columns = Column.of(page.layer());
            try (ShpWriter shapes = new ShpWriter(ShpWriter.ShapeType.of(page.layer().geometryType()), shp, shx);
                    DbfTable table = new DbfTable(columns, charset, dir.resolve("values"))) {
                while (page.features().hasNext()) {
                    Feature f = page.features().next();
                    shapes.add(f.geometry());
                    table.add(f);
                }
                shapes.finish();
                table.writeDbf(dbf);
                ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
                entry(zip, shp);
                entry(zip, shx);
                entry(zip, dbf);
                entry(zip, base + ".prj", EsriPrj.of(page.crs()).getBytes(StandardCharsets.US_ASCII));
                entry(zip, base + ".cpg", charset.name().getBytes(StandardCharsets.US_ASCII));
                Symbology style = Symbology.of(styles, page.layer()).renamed(dbfNames(columns)::get);
                entry(zip, base + ".qml", Qml.of(style).getBytes(StandardCharsets.UTF_8));
                entry(zip, base + ".sld", Sld.of(style).getBytes(StandardCharsets.UTF_8));
                zip.putNextEntry(new ZipEntry(MAPPING));
                table.writeMapping(zip);
                zip.closeEntry();
                zip.finish();
            }
        }
    }

    /** Property name → DBF field name, as {@link DbfTable} names its columns. */
    private Map<String, String> dbfNames(List<Column> columns) {
        List<String> properties = columns.stream().map(Column::name).toList();
        List<String> names = DbfFieldNames.assign(properties, charset);
        Map<String, String> byProperty = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            byProperty.put(properties.get(i), names.get(i));
        }
        return byProperty;
    }

    private static void entry(ZipOutputStream zip, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
        Files.copy(file, zip);
        zip.closeEntry();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}

package org.planmap.encode;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.planmap.encode.shapefile.ShapefileEncoder;
import org.planmap.style.MapStyles;

/** The file formats a layer can be exported in, by the name clients ask for ({@code ?format=}). */
public final class ExportFormats {

    public static final List<String> NAMES = List.of("shapefile", "gpkg", "kml", "csv", "geojson");

    private ExportFormats() {
    }

    /**
     * The encoder for {@code format}; {@code dbfCharset} is the Shapefile's DBF text encoding (UTF-8 or GBK),
     * {@code workDir} where the formats that need a file (Shapefile, GeoPackage) build it; the formats that carry a
     * style (Shapefile, GeoPackage, KML) take the layer's from {@code styles}.
     */
    public static Optional<FeatureEncoder> encoder(String format, Charset dbfCharset, Path workDir, MapStyles styles) {
        return Optional.ofNullable(switch (format) {
            case "shapefile" -> new ShapefileEncoder(dbfCharset, workDir, styles);
            case "gpkg" -> new GeoPackageEncoder(workDir, styles);
            case "kml" -> new KmlEncoder(styles);
            case "csv" -> new CsvEncoder();
            case "geojson" -> new GeoJsonEncoder();
            default -> null;
        });
    }
}

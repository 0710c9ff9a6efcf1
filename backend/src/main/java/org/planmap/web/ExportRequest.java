package org.planmap.web;

import java.nio.charset.Charset;
import java.nio.file.Path;
import org.locationtech.jts.geom.Envelope;
import org.planmap.crs.CrsRef;
import org.planmap.encode.ExportFormats;
import org.planmap.encode.FeatureEncoder;
import org.planmap.encode.shapefile.ShapefileEncoder;
import org.planmap.http.ApiException;
import org.planmap.http.LayerSelection;
import org.planmap.store.FeatureQuery;
import org.planmap.store.LayerInfo;
import org.planmap.store.filter.Filter;
import org.planmap.style.MapStyles;

/**
 * A checked {@code /export} request: which features ({@code query}), written by which {@code encoder} in which
 * {@code crs} and DBF {@code charset}. Every parameter is judged here, before the first byte, so that a bad one is a
 * problem document; the file's name says what was selected.
 */
record ExportRequest(FeatureQuery query, FeatureEncoder encoder, CrsRef crs, Charset charset) {

    /** One export as asked, normalised; the layer's version makes an import miss every older file. */
    record Key(String layerId, String version, String format, Charset charset, int epsg, Envelope bbox,
            String adcodePrefix, Filter filter) {
    }

    /**
     * @param workDir where Shapefiles and GeoPackages are built, beside the store
     */
    static ExportRequest parse(String layerId, LayerSelection selection, String format, String crs, String encoding,
            Path workDir, MapStyles styles) {
        Charset charset = charset(encoding);
        FeatureEncoder encoder = ExportFormats.encoder(format == null ? "" : format, charset, workDir, styles)
                .orElseThrow(() -> ApiException.badParameter("format", "应为 " + String.join("、", ExportFormats.NAMES),
                        "must be one of " + String.join(", ", ExportFormats.NAMES)));
        CrsRef target = crs == null || crs.isBlank() ? CrsRef.WGS84 : CrsRef.parse(crs);
        encoder.checkCrs(target);
        return new ExportRequest(selection.query(layerId), encoder, target, charset);
    }

    /** The kept file of this export of {@code layer} (its version as it is read now). */
    Key key(LayerInfo layer) {
        return new Key(query.layerId(), layer.version(), encoder.format(), charset, crs.epsg(), query.bbox(),
                query.adcodePrefix(), query.filter());
    }

    /** {@code counties-1411-bbox-EPSG4546.zip}: the selection, the CRS and the format's extension after the layer. */
    String fileSuffix() {
        String scope = (query.version() == null ? "" : "-v" + query.version())
                + (query.adcodePrefix() == null ? "" : "-" + query.adcodePrefix())
                + (query.bbox() == null ? "" : "-bbox") + (query.filter() == null ? "" : "-filter");
        return scope + "-EPSG" + crs.epsg() + "." + encoder.fileExtension();
    }

    /** The download's Content-Disposition: the layer's title (what a planner recognises), its id for old clients. */
    String attachment(LayerInfo layer) {
        return Downloads.attachment(layer.title().replaceAll("[\\\\/:*?\"<>|]", "_") + fileSuffix(),
                query.layerId() + fileSuffix());
    }

    private static Charset charset(String encoding) {
        if (encoding == null || encoding.isBlank()) {
            return ShapefileEncoder.CHARSETS.get(0);
        }
        return ShapefileEncoder.CHARSETS.stream().filter(c -> c.name().equalsIgnoreCase(encoding.strip())).findFirst()
                .orElseThrow(() -> ApiException.badParameter("encoding", "应为 UTF-8 或 GBK（Shapefile 属性表的文字编码）",
                        "must be UTF-8 or GBK (the Shapefile's DBF text encoding)"));
    }
}

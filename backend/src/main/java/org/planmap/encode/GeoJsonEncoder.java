package org.planmap.encode;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.planmap.crs.CrsRef;
import org.planmap.layer.FeaturePage;
import org.planmap.store.Feature;

/**
 * RFC 7946 GeoJSON. Coordinates to 6 decimals (≈ 0.1 m, the boundaries' own precision) unless a
 * generalised copy asks for fewer; the layer's name and the counts ride along as foreign members, as
 * OGC API – Features does.
 */
public final class GeoJsonEncoder implements FeatureEncoder {

    public static final String MEDIA_TYPE = "application/geo+json";
    private static final int FULL_DECIMALS = 6;

    private final int decimals;

    public GeoJsonEncoder() {
        this(FULL_DECIMALS);
    }

    /** For geometries already generalised to a map scale, where more decimals would only add bytes. */
    public GeoJsonEncoder(int decimals) {
        this.decimals = decimals;
    }

    @Override
    public String format() {
        return "geojson";
    }

    @Override
    public String mediaType() {
        return MEDIA_TYPE;
    }

    @Override
    public String fileExtension() {
        return "geojson";
    }

    /**
     * RFC 7946 dropped the {@code crs} member: GDAL still honours the 2008 form, but Leaflet, geojson.io and
     * most web tools ignore it and would put Gauss-Krüger metres in the ocean. A projected export is
     * therefore refused (Shapefile and GeoPackage carry those) instead of written with a label few read.
     */
    @Override
    public void checkCrs(CrsRef crs) {
        ExportException.requireGeographic(crs, "GeoJSON");
    }

    @Override
    public void write(FeaturePage page, OutputStream out) {
        write(page, Map.of(), (matched, returned) -> Map.of(), false, out);
    }

    /** Members that depend on the counts, known only once the last feature is written (OGC paging links). */
    public interface Trailer {
        Map<String, Object> members(long matched, long returned);
    }

    /**
     * The same collection with {@code leading} members before the features (OGC API – Features: timeStamp) and
     * {@code trailing} ones after the counts (links), positions y, x when {@code yFirst} (see
     * {@link GeoJsonWriter}). The features stream from the page's cursor; the counts follow them, since a streamed
     * answer knows how many it returned only at its end. A failure mid-way leaves the document unfinished.
     */
    public void write(FeaturePage page, Map<String, Object> leading, Trailer trailing, boolean yFirst,
            OutputStream out) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("name", page.layer().id());
        members.put("title", page.layer().title());
        members.putAll(leading);
        GeoJsonWriter w = new GeoJsonWriter(out, decimals, yFirst, members);
        w.writeAll(page.features());
        long returned = w.written();
        long matched = page.matched().orElse(returned);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("numberMatched", matched);
        counts.put("numberReturned", returned);
        // Say plainly when the page is not the whole answer, so no client mistakes a cut layer for a complete one.
        counts.put("truncated", matched > returned);
        counts.putAll(trailing.members(matched, returned));
        w.finish(counts);
    }

    /** One feature as a GeoJSON Feature document, with {@code moreMembers} (OGC API links) after its geometry. */
    public void writeFeature(Feature feature, Map<String, Object> moreMembers, boolean yFirst, OutputStream out) {
        GeoJsonWriter.writeFeature(out, decimals, yFirst, feature, moreMembers);
    }
}

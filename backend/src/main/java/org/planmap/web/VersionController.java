package org.planmap.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.planmap.controlline.VersionDiff;
import org.planmap.controlline.VersionDiffCsv;
import org.planmap.crs.CrsRef;
import org.planmap.http.ApiException;
import org.planmap.store.FeatureCursor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.planmap.encode.GeoJsonEncoder;
import org.planmap.http.QueryParams;
import org.planmap.http.StreamedResponse;
import org.planmap.layer.FeaturePage;
import org.planmap.layer.LayerService;
import org.planmap.layer.LayerWriter;
import org.planmap.security.Auditor;
import org.planmap.store.LayerVersion;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A layer's kept versions: the list, the diff of two, and restoring one. A version's features are the layer's own
 * doors with {@code version=N} ({@code /api/layers/{id}/features?version=2}, OGC items, tiles, exports, map images and
 * prints with {@code id@N}): one road; the diff layer stays here, as it is of two versions, not of one.
 * Who may see the list is decided by the security configuration ({@code planmap.versions.public}); a restore is a
 * write like an import, for editors, and audited the same way.
 */
@RestController
@RequestMapping("/api/layers/{id}/versions")
class VersionController {

    /** One version as listed; {@code layerVersion} is the content hash the layer's catalog entry then carried. */
    record VersionEntry(int version, String created, String user, String action, String fileName, String sha256,
            String format, String sourceCrs, long featureCount, long repaired, double areaHa, boolean current,
            String layerVersion) {

        static VersionEntry of(LayerVersion v) {
            return new VersionEntry(v.version(), v.created().toString(), v.note().user(), v.note().action(),
                    v.note().fileName(), v.note().sha256(), v.note().format(), v.note().sourceCrs(),
                    v.layer().featureCount(), v.note().repaired(), Math.round(v.note().areaHa() * 100) / 100.0,
                    v.current(), v.layer().version());
        }
    }

    /** A diff as JSON: per county, the total, and the feature counts (the diff layer has its own URL). */
    record DiffAnswer(String layerId, int a, int b, List<VersionDiff.CountyChange> counties,
            VersionDiff.CountyChange total, VersionDiff.FeatureChanges features) {
    }

    private final LayerService layers;
    private final LayerWriter writer;
    private final VersionDiff diffs;
    private final GeoJsonEncoder geoJson = new GeoJsonEncoder();

    VersionController(LayerService layers, LayerWriter writer, VersionDiff diffs) {
        this.layers = layers;
        this.writer = writer;
        this.diffs = diffs;
    }

    @GetMapping
    List<VersionEntry> versions(@PathVariable String id) {
        return layers.versions(id).stream().map(VersionEntry::of).toList();
    }

    @GetMapping("/{version}")
    VersionEntry version(@PathVariable String id, @PathVariable String version) {
        return VersionEntry.of(layers.version(id, QueryParams.version(version)));
    }

    @GetMapping("/{a}/diff/{b}")
    DiffAnswer diff(@PathVariable String id, @PathVariable String a, @PathVariable String b,
            @RequestParam(defaultValue = "json") String format) {
        if (!format.equals("json")) {
            throw ApiException.badParameter("format", "应为 json 或 csv", "must be json or csv");
        }
        VersionDiff.Result d = diff(id, a, b);
        return new DiffAnswer(d.layerId(), d.a(), d.b(), d.counties(), d.total(), d.features());
    }

    @GetMapping(value = "/{a}/diff/{b}", params = "format=csv")
    ResponseEntity<byte[]> diffCsv(@PathVariable String id, @PathVariable String a, @PathVariable String b)
            throws IOException {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        VersionDiff.Result d = diff(id, a, b);
        VersionDiffCsv.write(d, csv);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(
                        id + "-版本" + d.a() + "与" + d.b() + "差异.csv", id + "-diff-" + d.a() + "-" + d.b() + ".csv"))
                .body(csv.toByteArray());
    }

    /** The diff layer: per county, the polygons only in a ({@code side} a) and only in b, as GeoJSON. */
    @GetMapping("/{a}/diff/{b}/features")
    void diffFeatures(@PathVariable String id, @PathVariable String a, @PathVariable String b,
            HttpServletResponse response) throws IOException {
        VersionDiff.Result d = diff(id, a, b);
        try (FeaturePage page = new FeaturePage(d.info(), FeatureCursor.of(d.layer()), OptionalLong.empty(),
                CrsRef.WGS84)) {
            StreamedResponse.send(response, () -> response.setContentType(geoJson.mediaType()),
                    out -> geoJson.write(page, out));
        }
    }

    /** Makes the version current again, as a new version; answers the new version. */
    @PostMapping("/{version}/restore")
    VersionEntry restore(@PathVariable String id, @PathVariable String version, Principal user,
            HttpServletRequest request) {
        LayerVersion restored = writer.restore(id, QueryParams.version(version), user.getName());
        Auditor.wrote(request, restored);
        request.setAttribute(Auditor.FILE_NAME, restored.note().fileName());
        request.setAttribute(Auditor.SHA256, restored.note().sha256());
        return VersionEntry.of(restored);
    }

    /** Versions in paths are read by the same parser as {@code ?version=} everywhere else. */
    private VersionDiff.Result diff(String id, String a, String b) {
        return diffs.diff(id, QueryParams.version(a), QueryParams.version(b));
    }
}

package org.planmap.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.security.Principal;
import java.util.Optional;
import org.planmap.boundary.CountyFileFields;
import org.planmap.boundary.OfficialCountiesReport;
import org.planmap.crs.CrsRef;
import org.planmap.http.ApiException;
import org.planmap.layer.LayerService;
import org.planmap.plan.OfficialBoundaryImport;
import org.planmap.plan.PlanLayers;
import org.planmap.security.Auditor;
import org.planmap.settings.PlanmapProperties;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * An admin replaces the county boundaries with a department's own file ({@link OfficialBoundaryImport}); the answer
 * is the report of what the file held and what moved, 422 with the same report when the file is refused. Admins
 * only ({@code SecurityConfiguration}); audited as an import of {@code counties} like every write.
 */
@RestController
class OfficialBoundaryController {

    private final OfficialBoundaryImport official;
    private final LayerService layers;
    private final Path uploads;

    OfficialBoundaryController(OfficialBoundaryImport official, LayerService layers, PlanmapProperties properties) {
        this.official = official;
        this.layers = layers;
        this.uploads = properties.uploads();
    }

    @PostMapping(value = "/api/layers/" + PlanLayers.COUNTIES + "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    OfficialCountiesReport importOfficial(@RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String adcodeField, @RequestParam(required = false) String nameField,
            @RequestParam(required = false) String crs, Principal user, HttpServletRequest request) throws IOException {
        String fileName = Uploads.name(file);
        if (adcodeField == null || adcodeField.isBlank()) {
            throw ApiException.badParameter("adcodeField", "请指明存放县级行政区划代码的字段，如 XZQDM",
                    "name the field holding each county's code, e.g. XZQDM");
        }
        CrsRef declared = crs == null || crs.isBlank() ? null : CrsRef.parse(crs);
        Uploads.Spooled upload = Uploads.spool(file, uploads, "official-");
        request.setAttribute(Auditor.FILE_NAME, fileName);
        request.setAttribute(Auditor.SHA256, upload.sha256());
        OfficialCountiesReport report = official.replace(upload.path(), fileName, declared, upload.sha256(),
                adcodeField.strip(), Optional.ofNullable(nameField).map(String::strip).filter(n -> !n.isEmpty()),
                user.getName());
        if (!report.accepted()) {
            throw ApiException.refused("boundaries-refused",
                    "县级边界文件未被采用，边界未改变：" + String.join("；", report.problems()),
                    "the county boundaries were refused and nothing changed: " + String.join("; ", report.problems()),
                    report);
        }
        layers.currentVersion(PlanLayers.COUNTIES).ifPresent(v -> Auditor.wrote(request, v));
        return report;
    }

    /**
     * The fields of the file the admin chose, each with a value, and the one holding Shanxi's county codes: the form
     * offers them to pick from. The file is sent again with the import itself (a county file is a few MB), so nothing
     * is kept between the two requests; one the import could not join (no field of county codes) is told now.
     */
    @PostMapping(value = "/api/layers/" + PlanLayers.COUNTIES + "/import/fields",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    CountyFileFields fields(@RequestParam("file") MultipartFile file, HttpServletRequest request) throws IOException {
        String fileName = Uploads.name(file);
        Uploads.Spooled upload = Uploads.spool(file, uploads, "official-fields-");
        request.setAttribute(Auditor.FILE_NAME, fileName);
        request.setAttribute(Auditor.SHA256, upload.sha256());
        CountyFileFields fields = official.fields(upload.path(), fileName);
        if (fields.adcodeField() == null) {
            String names = String.join(", ", fields.fields().stream().map(CountyFileFields.Column::name).toList());
            throw ApiException.refused("no-county-code-field",
                    "文件中没有存放山西县级行政区划代码（14 开头的 6 位，或 9/12 位统一代码）的字段；文件的字段：" + names,
                    "no field of the file holds Shanxi county codes (6 digits starting 14, or the 9/12-digit unified "
                            + "codes); its fields are: " + names, fields);
        }
        return fields;
    }
}

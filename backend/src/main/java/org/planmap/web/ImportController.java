package org.planmap.web;

import org.planmap.ClientFault.Kind;
import org.planmap.http.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.Principal;
import java.util.Arrays;
import org.planmap.settings.PlanmapProperties;
import org.planmap.controlline.ControlLine;
import org.planmap.controlline.ControlLineReset;
import org.planmap.crs.CrsRef;
import org.planmap.importer.ImportService;
import org.planmap.importer.ImportStatus;
import org.planmap.importer.ImportTarget;
import org.planmap.layer.LayerService;
import org.planmap.security.Auditor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports an editor's file into a layer. The request waits up to {@code wait} seconds: a file that fails
 * (malformed, wrong CRS, wrong geometry) gets its 4xx at once, a finished import its report; a longer one
 * answers 202 with the job to poll for progress.
 */
@RestController
class ImportController {

    private static final int MAX_WAIT_SECONDS = 120;

    private final ImportService imports;
    private final LayerService layers;
    private final ControlLineReset reset;
    private final Path uploads;

    ImportController(ImportService imports, LayerService layers, ControlLineReset reset, PlanmapProperties properties) {
        this.imports = imports;
        this.layers = layers;
        this.reset = reset;
        this.uploads = properties.uploads();
    }

    @PostMapping(value = "/api/layers/{id}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> importFile(@PathVariable String id, @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String crs, @RequestParam(defaultValue = "30") int wait,
            Principal user, HttpServletRequest request) throws IOException, InterruptedException {
        ImportTarget target = imports.target(id).orElseThrow(() -> {
            layers.layer(id);
            return new ApiException(Kind.INVALID, "layer-not-importable", "图层 " + id + " 不能导入（可导入：三条控制线）",
                    "layer " + id + " cannot be imported (the three control lines can)");
        });
        String fileName = Uploads.name(file);
        if (wait < 0 || wait > MAX_WAIT_SECONDS) {
            throw ApiException.badParameter("wait", "应在 0~" + MAX_WAIT_SECONDS + " 秒之间", "must be 0.." + MAX_WAIT_SECONDS + " seconds");
        }
        CrsRef declared = crs == null || crs.isBlank() ? null : CrsRef.parse(crs);
        imports.readerFor(fileName);
        Uploads.Spooled upload = Uploads.spool(file, uploads, "upload-");
        request.setAttribute(Auditor.FILE_NAME, fileName);
        request.setAttribute(Auditor.SHA256, upload.sha256());
        ImportStatus started = imports.submit(target, upload.path(), fileName, declared, upload.sha256(),
                user.getName());
        ImportStatus status = imports.await(started.id(), wait);
        URI job = ImportFailed.job(status);
        if (status.state() == ImportStatus.State.DONE) {
            layers.currentVersion(id).ifPresent(v -> Auditor.wrote(request, v));
        }
        return switch (status.state()) {
            case DONE -> ResponseEntity.ok().location(job).body(status);
            case FAILED -> throw new ImportFailed(status);
            default -> ResponseEntity.accepted().location(job).body(status);
        };
    }

    /** Deletes an imported control line; it falls back to the demonstration data. */
    @DeleteMapping("/api/layers/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, Principal user, HttpServletRequest request) {
        ControlLine line = Arrays.stream(ControlLine.values()).filter(l -> l.layerId().equals(id)).findFirst()
                .orElseThrow(() -> {
                    layers.layer(id);
                    return new ApiException(Kind.INVALID, "layer-not-deletable",
                            "图层 " + id + " 不能删除（可删除：导入的三条控制线）", "layer " + id + " cannot be deleted");
                });
        reset.reset(line, user.getName());
        layers.currentVersion(id).ifPresent(v -> Auditor.wrote(request, v));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/import-jobs/{jobId}")
    ImportStatus job(@PathVariable String jobId) {
        return imports.status(jobId).orElseThrow(() -> new ApiException(Kind.NOT_FOUND, "job-not-found",
                "没有导入任务 " + jobId, "no import job " + jobId));
    }
}

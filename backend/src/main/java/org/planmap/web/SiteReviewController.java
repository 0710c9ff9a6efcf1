package org.planmap.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.planmap.ClientFault.Kind;
import org.planmap.crs.CrsRef;
import org.planmap.http.ApiException;
import org.planmap.http.StreamedResponse;
import org.planmap.review.SiteReader;
import org.planmap.review.SiteReport;
import org.planmap.review.SiteReportPdf;
import org.planmap.review.SiteReview;
import org.planmap.review.SiteShape;
import org.planmap.render.MapLanguage;
import org.planmap.settings.PlanmapProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 合规性审查: {@code POST /api/site-review} with the site as a GeoJSON body or an uploaded file; JSON, or the PDF
 * report with {@code ?format=pdf} or {@code Accept: application/pdf}; {@code lang=en} gives both in English (the JSON's
 * {@code summary}, the PDF throughout). Anyone may ask: it changes nothing.
 */
@RestController
class SiteReviewController {

    static final String GEO_JSON = "application/geo+json";

    private final SiteReader reader;
    private final SiteReview review;
    private final SiteReportPdf pdf;
    private final Path uploads;

    SiteReviewController(SiteReader reader, SiteReview review, SiteReportPdf pdf, PlanmapProperties properties) {
        this.reader = reader;
        this.review = review;
        this.pdf = pdf;
        this.uploads = properties.uploads();
    }

    @PostMapping(value = "/api/site-review", consumes = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<SiteReport> geoJson(HttpServletRequest request, HttpServletResponse response,
            @RequestParam(required = false) String format, @RequestParam(required = false) String lang,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) throws IOException {
        return answer(reader.geoJson(request.getInputStream()), format, lang, accept, response);
    }

    @PostMapping(value = "/api/site-review", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<SiteReport> file(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String crs,
            @RequestParam(required = false) String format, @RequestParam(required = false) String lang,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response)
            throws IOException {
        String fileName = Uploads.name(file);
        long max = SiteReview.LIMITS.maxUploadBytes();
        if (file.getSize() > max) {
            throw new ApiException(Kind.TOO_LARGE, "site-too-large", "地块文件超过 " + (max >> 20) + " MB",
                    "the site file is larger than " + (max >> 20) + " MB");
        }
        CrsRef named = crs == null || crs.isBlank() ? null : CrsRef.parse(crs);
        reader.checkFormat(fileName);
        Path upload = Uploads.spool(file, uploads, "site-").path();
        try {
            return answer(reader.file(upload, fileName, named), format, lang, accept, response);
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    /**
     * The report as JSON (returned), or as a PDF written here in the viewer's language (null returned: the response
     * is complete).
     */
    private ResponseEntity<SiteReport> answer(SiteShape site, String format, String lang, String accept,
            HttpServletResponse response) throws IOException {
        boolean asPdf = wantsPdf(format, accept);
        MapLanguage language = MapController.language(lang);
        SiteReport report = review.review(site);
        if (!asPdf) {
            // The viewer's English mode sends lang=en: its panel shows the summary in English, as the PDF has it.
            return ResponseEntity.ok(language == MapLanguage.CHINESE ? report : report.withSummary(pdf.summary(report, language)));
        }
        StreamedResponse.send(response, () -> {
            response.setContentType(MediaType.APPLICATION_PDF_VALUE);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(
                    language.text("合规性审查报告.pdf", "site-review.pdf"), "site-review.pdf"));
        }, out -> pdf.write(site, report, language, out));
        return null;
    }

    private static boolean wantsPdf(String format, String accept) {
        if (format != null) {
            if (!format.equals("pdf") && !format.equals("json")) {
                throw ApiException.badParameter("format", "应为 json 或 pdf", "must be json or pdf");
            }
            return format.equals("pdf");
        }
        return accept != null && accept.contains(MediaType.APPLICATION_PDF_VALUE);
    }
}

package org.planmap.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.planmap.atlas.CountyAtlas;
import org.planmap.http.ApiException;
import org.planmap.http.QueryParams;
import org.planmap.ClientFault.Kind;
import org.planmap.render.MapImage;
import org.planmap.render.MapLanguage;
import org.planmap.render.MapLayers;
import org.planmap.render.MapPdf;
import org.planmap.render.PdfDocument;
import org.planmap.render.PdfTextFlow;
import org.planmap.http.StreamedResponse;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Maps to print: one sheet of the current view ({@code print.pdf}), and the county atlas ({@code atlas.pdf}), in
 * the viewer's language ({@code lang=zh}, the default, or {@code en}); {@code layers=id@N} prints kept version N of
 * a layer, as map.png draws it.
 */
@RestController
@RequestMapping("/api")
class PrintController {

    static final int MAX_TITLE = 60;

    private final MapPdf maps;
    private final CountyAtlas atlas;

    PrintController(MapPdf maps, CountyAtlas atlas) {
        this.maps = maps;
        this.atlas = atlas;
    }

    @GetMapping("/print.pdf")
    void print(@RequestParam(required = false) String bbox, @RequestParam(required = false) String layers,
            @RequestParam(defaultValue = "A4") String paper, @RequestParam(defaultValue = "landscape") String orientation,
            @RequestParam(required = false) String title, @RequestParam(required = false) String lang,
            HttpServletResponse response) throws IOException {
        Envelope box = QueryParams.mapBox(bbox);
        MapLanguage language = MapController.language(lang);
        MapPdf.Paper size = Arrays.stream(MapPdf.Paper.values()).filter(p -> p.name().equalsIgnoreCase(paper.strip()))
                .findFirst().orElseThrow(() -> ApiException.badParameter("paper", "应为 A4 或 A3", "must be A4 or A3"));
        if (!orientation.equals("portrait") && !orientation.equals("landscape")) {
            throw ApiException.badParameter("orientation", "应为 portrait（纵向）或 landscape（横向）", "must be portrait or landscape");
        }
        String heading = title == null || title.isBlank() ? maps.word(language, MapImage.TITLE) : title.strip();
        if (heading.codePointCount(0, heading.length()) > MAX_TITLE || heading.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badParameter("title", "标题最多 " + MAX_TITLE + " 个字符，且不含控制字符",
                    "a title is at most " + MAX_TITLE + " characters, without control characters");
        }
        MapLayers drawn = QueryParams.mapLayers(layers, MapController.DEFAULT_LAYERS);
        maps.check(drawn);
        PDRectangle page = size.size(orientation.equals("landscape"));
        String name = language.text("地图-", "map-") + size.name() + ".pdf";
        StreamedResponse.send(response, () -> pdfHeaders(response, name, "planmap-print.pdf"), out -> {
            try (PdfDocument pdf = new PdfDocument()) {
                float margin = PdfTextFlow.MARGIN;
                try (PdfDocument.Page sheet = pdf.page(page)) {
                    maps.map(sheet, margin, page.getHeight() - margin, (int) (page.getWidth() - 2 * margin),
                            (int) (page.getHeight() - 2 * margin), box, drawn, heading, null, language);
                    MapPdf.footer(pdf, sheet, language);
                }
                pdf.save(out);
            }
        });
    }

    /** {@code layers=id@N,…} draws kept versions of the atlas's own map layers (it draws no others). */
    @GetMapping("/atlas.pdf")
    void atlas(@RequestParam(required = false) String adcode, @RequestParam(required = false) String layers,
            @RequestParam(required = false) String lang, HttpServletResponse response) throws IOException {
        MapLanguage language = MapController.language(lang);
        if (adcode == null || !adcode.strip().matches("14\\d{0,4}")) {
            throw ApiException.badParameter("adcode", "应为山西省的行政区划代码前缀，如 1411（吕梁市）或 14（全省）",
                    "must be a prefix of a Shanxi division code, e.g. 1411 (吕梁市) or 14 (the province)");
        }
        String prefix = adcode.strip();
        Map<String, Integer> versions = layers == null ? Map.of() : QueryParams.mapLayers(layers, null).versions();
        MapLayers drawn = CountyAtlas.mapLayers(versions);
        if (!drawn.ids().containsAll(versions.keySet())) {
            throw ApiException.badParameter("layers", "地图集只绘制 " + String.join("、", drawn.ids()) + "，可指定其中图层的版本",
                    "an atlas draws only " + String.join(", ", drawn.ids()) + "; versions of those may be named");
        }
        maps.check(drawn);
        if (atlas.pages(prefix) == 0) {
            throw new ApiException(Kind.NOT_FOUND, "no-counties", "没有代码以 " + prefix + " 开头的县级行政区",
                    "no county-level unit's code begins with " + prefix);
        }
        StreamedResponse.send(response, () -> pdfHeaders(response, language.text("地图集-", "atlas-") + prefix + ".pdf",
                "planmap-atlas-" + prefix.toLowerCase(Locale.ROOT) + ".pdf"), out -> atlas.write(prefix, drawn, language, out));
    }

    private static void pdfHeaders(HttpServletResponse response, String name, String ascii) {
        response.setContentType(MediaType.APPLICATION_PDF_VALUE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(name, ascii));
    }
}

package org.planmap.review;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.planmap.controlline.ConflictLayer;
import org.planmap.controlline.ControlLine;
import org.planmap.render.MapImage;
import org.planmap.render.MapLayers;
import org.planmap.render.MapLanguage;
import org.planmap.render.MapPdf;
import org.planmap.render.PdfDocument;
import org.planmap.render.PdfTextFlow;

/**
 * The site review as an A4 report a planner can file: the site over the counties, the control lines and their
 * conflicts, then the tables of the JSON answer, the plan's passages, and the data versions with 示意 flagged.
 */
public final class SiteReportPdf {

    static final MapLayers MAP_LAYERS = MapLayers.current(List.of("counties",
            ControlLine.ECOLOGICAL_PROTECTION_REDLINE.layerId(), ControlLine.PERMANENT_BASIC_FARMLAND.layerId(),
            ControlLine.URBAN_DEVELOPMENT_BOUNDARY.layerId(), ConflictLayer.ID, MapImage.LABELS));
    private static final int MAP_HEIGHT = 360;

    private final MapPdf maps;

    public SiteReportPdf(MapPdf maps) {
        this.maps = maps;
    }

    /** The report in {@code language}: headings and labels in it, place names with pinyin, plan text as written. */
    public void write(SiteShape shape, SiteReport report, MapLanguage l, OutputStream out) {
        UnaryOperator<String> word = chinese -> maps.word(l, chinese);
        String ha = l.text(" 公顷", " ha");
        String ofSite = l.text("，占地块 ", ", ");
        String percent = l.text("%", "% of the site");
        try (PdfDocument pdf = new PdfDocument()) {
            PDRectangle a4 = MapPdf.Paper.A4.size(false);
            float width = a4.getWidth() - 2 * PdfTextFlow.MARGIN;
            PdfDocument.Page first = pdf.page(a4);
            float top = a4.getHeight() - PdfTextFlow.MARGIN;
            maps.map(first, PdfTextFlow.MARGIN, top, (int) width, MAP_HEIGHT, MapPdf.padded(shape.lonLat().getEnvelopeInternal(), 0.4),
                    MAP_LAYERS, l.text("合规性审查 地块位置", "Site review: where the site lies"), shape.lonLat(), l);
            MapPdf.footer(pdf, first, l);
            try (PdfTextFlow text = PdfTextFlow.continuing(pdf, first, top - MAP_HEIGHT - 8)) {
                text.heading(l.text("合规性审查报告（", "Site review report (") + LocalDate.now() + l.text("）", ")"));
                SiteReport.Site s = report.site();
                text.line(summary(report, l));
                text.heading(l.text("地块", "The site"));
                text.line(l.text("面积 ", "Area ") + SiteReview.number(s.areaHa()) + ha + l.text("（", " (") + SiteReview.number(s.areaMu())
                        + l.text(" 亩），椭球面积；原坐标系 ", " mu), on the ellipsoid; given in ") + s.sourceCrs()
                        + l.text("；范围 ", "; extent ") + s.bbox());
                text.heading(l.text("所在县级行政区", "County-level units"));
                report.counties().forEach(c -> text.line(l.placeText(c.cityName()) + " " + l.placeText(c.name()) + l.text("（", " (")
                        + c.adcode() + l.text("，", ", ") + word.apply(c.tier()) + l.text("）：", "): ") + SiteReview.number(c.areaHa())
                        + ha + ofSite + SiteReview.number(c.sharePercent()) + percent));
                text.heading(l.text("三条控制线", "The three control lines"));
                report.lines().forEach(line -> text.line(SiteReview.lineName(line, l, word) + l.text("：", ": ")
                        + SiteReview.number(line.areaHa()) + ha + l.text("（", " (") + SiteReview.number(line.areaMu())
                        + l.text(" 亩）", " mu)") + ofSite + SiteReview.number(line.sharePercent()) + percent));
                text.heading(l.text("控制线冲突", "Control-line conflicts"));
                if (report.conflicts().isEmpty()) {
                    text.line(l.text("地块不涉及已知的控制线冲突。", "The site touches no known control-line conflict."));
                }
                report.conflicts().forEach(c -> text.line(l.placeText(c.countyName()) + " " + word.apply(c.kindName()) + l.text("：", ": ")
                        + SiteReview.number(c.areaHa()) + ha + ofSite + SiteReview.number(c.sharePercent()) + percent));
                text.heading(l.text("区域性城镇群与“一群两区三圈”", "Regional town groups; cluster, zones and circles"));
                places(text, l, l.text("城镇群", "Town group"), report.townGroups(), ha, ofSite, percent);
                places(text, l, l.text("区域", "Area of the plan's structure"), report.regions(), ha, ofSite, percent);
                text.heading(l.text("规划条文", "The plan's text"));
                if (report.passages().isEmpty()) {
                    text.line(l.text("规划文本中没有直接提及上述县级行政区的条文。", "No passage of the plan names these county-level units."));
                }
                report.passages().forEach(p -> {
                    text.note(l.placeText(p.county()) + " · 《" + p.document() + "》" + p.section());
                    text.line(p.text());
                    text.space(3);
                });
                text.heading(l.text("数据版本", "Data versions"));
                report.lines().forEach(line -> text.note(SiteReview.plainName(line, word) + " " + edition(line, l)
                        + (line.official() ? l.text("（官方数据）", " (official data)") : l.text("（示意数据，非官方）", " (demonstration data, not official)"))));
                text.note(l.text("面积按 WGS 84 椭球计算（GeographicLib），1 公顷 = 15 亩。",
                        "Areas are measured on the WGS 84 ellipsoid (GeographicLib); 1 ha = 15 mu."));
                // The store's content tags tell two exports of the same version apart; a planner names the version.
                text.note(l.text("数据内容标识：", "Content tags: ") + report.lines().stream()
                        .map(line -> SiteReview.plainName(line, word) + " " + line.layerVersion())
                        .collect(Collectors.joining(l.text("；", "; "))));
            }
            pdf.save(out);
        }
    }

    /** "第 2 版，2026-12-05" as the map's legend names it, or that the layer is as last written, outside the history. */
    private static String edition(SiteReport.LineShare line, MapLanguage l) {
        return line.version() == null ? l.text("当前数据（未存为版本）", "current data (not a kept version)")
                : MapImage.versionName(line.version(), line.versionDate(), l);
    }

    /**
     * The sentence to paste in {@code l}, the lines' and conflicts' names in the words the report's map uses: the
     * JSON answer for an English viewer says it so too.
     */
    public String summary(SiteReport report, MapLanguage l) {
        return SiteReview.summary(report.site(), report.counties(), report.lines(), report.conflicts(), l,
                chinese -> maps.word(l, chinese));
    }

    private static void places(PdfTextFlow text, MapLanguage l, String kind, List<SiteReport.PlaceShare> places, String ha,
            String ofSite, String percent) {
        if (places.isEmpty()) {
            text.line(kind + l.text("：无", ": none"));
        }
        places.forEach(p -> text.line(kind + l.text("：", ": ") + l.placeText(p.name()) + l.text("，", ", ")
                + SiteReview.number(p.areaHa()) + ha + ofSite + SiteReview.number(p.sharePercent()) + percent));
    }
}

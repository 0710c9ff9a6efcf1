package org.planmap.review;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.planmap.controlline.ConflictLayer;
import org.planmap.controlline.ControlLine;
import org.planmap.render.MapImage;
import org.planmap.render.MapPdf;
import org.planmap.render.PdfDocument;
import org.planmap.render.PdfTextFlow;

/**
 * The site review as an A4 report a planner can file: the site over the counties, the control lines and their
 * conflicts, then the tables of the JSON answer, the plan's passages, and the data versions with 示意 flagged.
 */
public final class SiteReportPdf {

    static final List<String> MAP_LAYERS = List.of("counties", ControlLine.ECOLOGICAL_PROTECTION_REDLINE.layerId(),
            ControlLine.PERMANENT_BASIC_FARMLAND.layerId(), ControlLine.URBAN_DEVELOPMENT_BOUNDARY.layerId(),
            ConflictLayer.ID, MapImage.LABELS);
    private static final int MAP_HEIGHT = 360;

    private final MapPdf maps;

    public SiteReportPdf(MapPdf maps) {
        this.maps = maps;
    }

    public void write(SiteShape shape, SiteReport report, OutputStream out) {
        try (PdfDocument pdf = new PdfDocument()) {
            PDRectangle a4 = MapPdf.Paper.A4.size(false);
            float width = a4.getWidth() - 2 * PdfTextFlow.MARGIN;
            PdfDocument.Page first = pdf.page(a4);
            float top = a4.getHeight() - PdfTextFlow.MARGIN;
            maps.map(first, PdfTextFlow.MARGIN, top, (int) width, MAP_HEIGHT,
                    MapPdf.padded(shape.lonLat().getEnvelopeInternal(), 0.4), MAP_LAYERS, "合规性审查 地块位置", shape.lonLat());
            MapPdf.footer(pdf, first, MapImage.CREDIT);
            try (PdfTextFlow text = PdfTextFlow.continuing(pdf, first, top - MAP_HEIGHT - 8)) {
                text.heading("合规性审查报告（" + LocalDate.now() + "）");
                text.line(report.summary());
                SiteReport.Site s = report.site();
                text.heading("地块");
                text.line("面积 " + SiteReview.number(s.areaHa()) + " 公顷（" + SiteReview.number(s.areaMu()) + " 亩），椭球面积；原坐标系 "
                        + s.sourceCrs() + "；范围 " + s.bbox());
                text.heading("所在县级行政区");
                report.counties().forEach(c -> text.line(c.cityName() + " " + c.name() + "（" + c.adcode() + "，" + c.tier() + "）："
                        + SiteReview.number(c.areaHa()) + " 公顷，占地块 " + SiteReview.number(c.sharePercent()) + "%"));
                text.heading("三条控制线");
                report.lines().forEach(l -> text.line(l.title() + "：" + SiteReview.number(l.areaHa()) + " 公顷（"
                        + SiteReview.number(l.areaMu()) + " 亩），占地块 " + SiteReview.number(l.sharePercent()) + "%"
                        + (l.official() ? "" : "【示意数据，非官方】")));
                text.heading("控制线冲突");
                if (report.conflicts().isEmpty()) {
                    text.line("地块不涉及已知的控制线冲突。");
                }
                report.conflicts().forEach(c -> text.line(c.countyName() + " " + c.kindName() + "：" + SiteReview.number(c.areaHa())
                        + " 公顷，占地块 " + SiteReview.number(c.sharePercent()) + "%"));
                text.heading("区域性城镇群与“一群两区三圈”");
                places(text, "城镇群", report.townGroups());
                places(text, "区域", report.regions());
                text.heading("规划条文");
                if (report.passages().isEmpty()) {
                    text.line("规划文本中没有直接提及上述县级行政区的条文。");
                }
                report.passages().forEach(p -> {
                    text.note(p.county() + " · 《" + p.document() + "》" + p.section());
                    text.line(p.text());
                    text.space(3);
                });
                text.heading("数据版本");
                report.lines().forEach(l -> text.note(l.title() + " 版本 " + l.version() + (l.official() ? "（官方数据）" : "（示意数据，非官方）")));
                text.note("面积按 WGS 84 椭球计算（GeographicLib），1 公顷 = 15 亩。");
            }
            pdf.save(out);
        }
    }

    private static void places(PdfTextFlow text, String kind, List<SiteReport.PlaceShare> places) {
        if (places.isEmpty()) {
            text.line(kind + "：无");
        }
        places.forEach(p -> text.line(kind + "：" + p.name() + "，" + SiteReview.number(p.areaHa()) + " 公顷，占地块 "
                + SiteReview.number(p.sharePercent()) + "%"));
    }
}

package org.planmap.atlas;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.planmap.controlline.ConflictLayer;
import org.planmap.controlline.ControlLine;
import org.planmap.controlline.ControlLineLedger;
import org.planmap.controlline.LedgerService;
import org.planmap.crs.CrsRef;
import org.planmap.layer.LayerService;
import org.planmap.plan.CountyCard;
import org.planmap.plan.CountyCards;
import org.planmap.plan.PlanLayers;
import org.planmap.render.MapImage;
import org.planmap.render.MapPdf;
import org.planmap.render.PdfDocument;
import org.planmap.render.PdfTextFlow;
import org.planmap.store.Feature;
import org.planmap.store.FeatureCursor;
import org.planmap.store.FeatureQuery;

/**
 * 地图集: one A4 page per county-level unit under a division-code prefix (13 for 1411 吕梁市, 117 for 14): the county
 * map with the control lines and their conflicts, its tier and band, town groups and regions, its ledger row and
 * the plan's passages. Counties are read from a cursor and each page is finished before the next is begun.
 */
public final class CountyAtlas {

    static final List<String> MAP_LAYERS = List.of("counties", ControlLine.ECOLOGICAL_PROTECTION_REDLINE.layerId(),
            ControlLine.PERMANENT_BASIC_FARMLAND.layerId(), ControlLine.URBAN_DEVELOPMENT_BOUNDARY.layerId(),
            ConflictLayer.ID, "town-groups", MapImage.LABELS);
    private static final int MAP_HEIGHT = 430;

    private final LayerService layers;
    private final CountyCards cards;
    private final LedgerService ledger;
    private final MapPdf maps;

    public CountyAtlas(LayerService layers, CountyCards cards, LedgerService ledger, MapPdf maps) {
        this.layers = layers;
        this.cards = cards;
        this.ledger = ledger;
        this.maps = maps;
    }

    /** How many pages the prefix gives (0: no county-level unit has such a code). */
    public long pages(String adcodePrefix) {
        return layers.count(FeatureQuery.of(PlanLayers.COUNTIES).adcodePrefix(adcodePrefix));
    }

    public void write(String adcodePrefix, OutputStream out) {
        Map<String, ControlLineLedger.Row> rows = ledger.rows(LedgerService.Level.COUNTY).stream()
                .collect(Collectors.toMap(ControlLineLedger.Row::code, Function.identity(), (a, b) -> a));
        PDRectangle a4 = MapPdf.Paper.A4.size(false);
        try (PdfDocument pdf = new PdfDocument();
                FeatureCursor counties = layers.features(FeatureQuery.of(PlanLayers.COUNTIES).adcodePrefix(adcodePrefix),
                        CrsRef.WGS84)) {
            counties.forEachRemaining(county -> cards.of(county.id())
                    .ifPresent(card -> page(pdf, a4, county, card, rows.get(county.id()))));
            pdf.save(out);
        }
    }

    private void page(PdfDocument pdf, PDRectangle a4, Feature county, CountyCard card, ControlLineLedger.Row row) {
        PdfDocument.Page page = pdf.page(a4);
        float top = a4.getHeight() - PdfTextFlow.MARGIN;
        String title = card.city().name() + " " + card.name();
        maps.map(page, PdfTextFlow.MARGIN, top, (int) (a4.getWidth() - 2 * PdfTextFlow.MARGIN), MAP_HEIGHT,
                MapPdf.padded(county.geometry().getEnvelopeInternal(), 0.08), MAP_LAYERS, title, county.geometry());
        MapPdf.footer(pdf, page, MapImage.CREDIT);
        try (PdfTextFlow text = PdfTextFlow.onePage(pdf, page, top - MAP_HEIGHT - 6)) {
            text.heading(title + "（" + card.adcode() + "，" + card.kind() + "，" + card.areaKm2() + " 平方公里）");
            CountyCard.Tier tier = card.tier();
            text.line("2025年城镇规模等级：" + tier.label().label() + "（" + tier.label().populationBand() + "），" + tier.basisText()
                    + "；出处 " + tier.source().text());
            text.line("区域性城镇群：" + (card.townGroups().isEmpty() ? "无" : card.townGroups().stream()
                    .map(g -> g.name() + "（" + g.roleText() + "）").collect(Collectors.joining("、"))));
            text.line("一群两区三圈：" + (card.regions().isEmpty() ? "无" : card.regions().stream()
                    .map(r -> r.name() + "（" + r.kind() + "）").collect(Collectors.joining("、"))));
            if (row != null) {
                text.heading("三条控制线台账");
                for (ControlLine line : ControlLine.values()) {
                    ControlLineLedger.Area a = row.lines().get(line.layerId());
                    if (a != null) {
                        text.line(line.nameZh() + "：" + a.ha() + " 公顷（" + a.mu() + " 亩），占辖区 " + a.sharePercent() + "%");
                    }
                }
                for (ControlLineLedger.Conflict c : ControlLineLedger.Conflict.values()) {
                    ControlLineLedger.Area a = row.conflicts().get(c.code());
                    if (a != null) {
                        text.line(c.nameZh() + "：" + a.ha() + " 公顷（" + a.mu() + " 亩）");
                    }
                }
                text.note(layers.layer(ControlLine.URBAN_DEVELOPMENT_BOUNDARY.layerId()).title());
            }
            text.heading("规划条文（共 " + card.passages().count() + " 处提及）");
            card.passages().first().forEach(e -> {
                text.note(e.source().text());
                text.line(e.text());
            });
        }
    }
}

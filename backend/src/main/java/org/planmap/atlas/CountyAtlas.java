package org.planmap.atlas;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
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
import org.planmap.render.MapLanguage;
import org.planmap.render.MapLayers;
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
    static final int MAP_HEIGHT = 430;
    /** Around the county: its neighbours show at the edges. */
    static final double MAP_PADDING = 0.08;

    private final LayerService layers;
    private final Supplier<CountyCards> cards;
    private final LedgerService ledger;
    private final MapPdf maps;

    public CountyAtlas(LayerService layers, Supplier<CountyCards> cards, LedgerService ledger, MapPdf maps) {
        this.layers = layers;
        this.cards = cards;
        this.ledger = ledger;
        this.maps = maps;
    }

    /** How many pages the prefix gives (0: no county-level unit has such a code). */
    public long pages(String adcodePrefix) {
        return layers.count(FeatureQuery.of(PlanLayers.COUNTIES).adcodePrefix(adcodePrefix));
    }

    /**
     * What the atlas's maps draw: its own layers, those named in {@code versions} as the kept version given (an
     * atlas of last year's lines); the caller checks them ({@link MapPdf#check}) before the first page.
     */
    public static MapLayers mapLayers(Map<String, Integer> versions) {
        return new MapLayers(MAP_LAYERS, versions);
    }

    /**
     * The pages in {@code language}: headings, labels and kinds in it, place names with pinyin, plan text as written;
     * the maps of {@code drawn} ({@link #mapLayers}).
     */
    public void write(String adcodePrefix, MapLayers drawn, MapLanguage language, OutputStream out) {
        // the figures of the lines drawn: a kept version's own, not today's beside last year's map
        Map<String, ControlLineLedger.Row> rows = ledger.countyRows(drawn.versions()).stream()
                .collect(Collectors.toMap(ControlLineLedger.Row::code, Function.identity(), (a, b) -> a));
        PDRectangle a4 = MapPdf.Paper.A4.size(false);
        try (PdfDocument pdf = new PdfDocument();
                FeatureCursor counties = layers.features(FeatureQuery.of(PlanLayers.COUNTIES).adcodePrefix(adcodePrefix),
                        CrsRef.WGS84)) {
            CountyCards inForce = cards.get();
            counties.forEachRemaining(county -> inForce.of(county.id())
                    .ifPresent(card -> page(pdf, a4, county, card, rows.get(county.id()), drawn, language)));
            pdf.save(out);
        }
    }

    /** Which versions of the lines the page's ledger figures are of, when the atlas draws kept versions. */
    static String ledgerVersions(Map<String, Integer> versions, MapLanguage l, UnaryOperator<String> word) {
        List<String> kept = Arrays.stream(ControlLine.values()).filter(line -> versions.containsKey(line.layerId()))
                .map(line -> word.apply(line.nameZh()) + l.text("第 ", " version ") + versions.get(line.layerId())
                        + l.text(" 版", "")).toList();
        if (kept.isEmpty()) {
            return l.text("台账为各控制线的当前版本", "The ledger is of the control lines as they are now");
        }
        String others = kept.size() < ControlLine.values().length
                ? l.text("，其余控制线为当前版本", "; the other lines as they are now") : "";
        return l.text("台账按", "Ledger figures of ") + String.join(l.text("、", ", "), kept) + l.text("计算", "") + others;
    }

    private void page(PdfDocument pdf, PDRectangle a4, Feature county, CountyCard card, ControlLineLedger.Row row,
            MapLayers drawn, MapLanguage l) {
        PdfDocument.Page page = pdf.page(a4);
        float top = a4.getHeight() - PdfTextFlow.MARGIN;
        UnaryOperator<String> word = chinese -> maps.word(l, chinese);
        String title = l.placeText(card.city().name()) + l.text(" ", " · ") + l.placeText(card.name());
        maps.map(page, PdfTextFlow.MARGIN, top, (int) (a4.getWidth() - 2 * PdfTextFlow.MARGIN), MAP_HEIGHT,
                MapPdf.padded(county.geometry().getEnvelopeInternal(), MAP_PADDING), drawn, title, county.geometry(), l);
        MapPdf.footer(pdf, page, l);
        String comma = l.text("，", ", ");
        String open = l.text("（", " (");
        String close = l.text("）", ")");
        try (PdfTextFlow text = PdfTextFlow.onePage(pdf, page, top - MAP_HEIGHT - 6, l)) {
            text.heading(title + open + card.adcode() + comma + word.apply(card.kind()) + comma + card.areaKm2()
                    + l.text(" 平方公里", " km²") + close);
            CountyCard.Tier tier = card.tier();
            text.line(l.text("2025年城镇规模等级：", "2025 size tier: ") + word.apply(tier.label().label()) + open
                    + word.apply(tier.label().populationBand()) + close + comma + word.apply(tier.basisText())
                    + l.text("；出处 ", "; source ") + tier.source().text());
            text.line(l.text("区域性城镇群：", "Regional town groups: ") + (card.townGroups().isEmpty() ? l.text("无", "none")
                    : card.townGroups().stream().map(g -> l.placeText(g.name()) + open + word.apply(g.roleText()) + close)
                            .collect(Collectors.joining(l.text("、", "; ")))));
            text.line(l.text("一群两区三圈：", "Cluster, zones and circles: ") + (card.regions().isEmpty() ? l.text("无", "none")
                    : card.regions().stream().map(r -> l.placeText(r.name()) + open + word.apply(r.kind()) + close)
                            .collect(Collectors.joining(l.text("、", "; ")))));
            if (row != null) {
                text.heading(l.text("三条控制线台账", "Control-line ledger"));
                for (ControlLine line : ControlLine.values()) {
                    ControlLineLedger.Area a = row.lines().get(line.layerId());
                    if (a != null) {
                        text.line(word.apply(line.nameZh()) + l.text("：", ": ") + a.ha() + l.text(" 公顷（", " ha (") + a.mu()
                                + l.text(" 亩），占辖区 ", " mu), ") + a.sharePercent() + l.text("%", "% of the unit"));
                    }
                }
                for (ControlLineLedger.Conflict c : ControlLineLedger.Conflict.values()) {
                    ControlLineLedger.Area a = row.conflicts().get(c.code());
                    if (a != null) {
                        text.line(word.apply(c.nameZh()) + l.text("：", ": ") + a.ha() + l.text(" 公顷（", " ha (") + a.mu()
                                + l.text(" 亩）", " mu)"));
                    }
                }
                if (!drawn.versions().isEmpty()) {
                    text.note(ledgerVersions(drawn.versions(), l, word));
                }
                if (layers.layer(ControlLine.URBAN_DEVELOPMENT_BOUNDARY.layerId()).title().contains("示意")) {
                    text.note(l.text("三条控制线为示意数据，非官方", "The three control lines are demonstration data, not official"));
                }
            }
            text.heading(l.text("规划条文（共 " + card.passages().count() + " 处提及）",
                    "The plan's text (" + card.passages().count() + " mentions)"));
            card.passages().first().forEach(e -> {
                text.note(e.source().text());
                text.line(e.text());
            });
        }
    }
}

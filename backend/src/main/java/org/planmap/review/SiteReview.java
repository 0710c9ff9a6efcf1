package org.planmap.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.planmap.controlline.ConflictLayer;
import org.planmap.controlline.ControlLine;
import org.planmap.controlline.DemoControlLines;
import org.planmap.crs.AreaUnits;
import org.planmap.crs.CrsRef;
import org.planmap.crs.Ellipsoid;
import org.planmap.importer.ImportLimits;
import org.planmap.layer.LayerService;
import org.planmap.plan.CountyCard;
import org.planmap.plan.CountyCards;
import org.planmap.plan.PlanLayers;
import org.planmap.plan.StructureLayers;
import org.planmap.render.MapImage;
import org.planmap.render.MapLanguage;
import org.planmap.store.Feature;
import org.planmap.store.FeatureCursor;
import org.planmap.store.FeatureQuery;
import org.planmap.store.LayerInfo;
import org.planmap.store.LayerVersion;

/**
 * 合规性审查: a proposed site checked against the plan. Every layer is read through the one road (a
 * {@link FeatureQuery} on the site's box, streamed), each candidate cut exactly by the site, and the pieces
 * measured on the ellipsoid, as SpatiaLite's {@code ST_Area(ST_Intersection(a, b), 1)} measures them.
 */
public final class SiteReview {

    /** Seven decimals of a degree are 1 cm: the site as drawn, on any map. */
    private static final int OUTLINE_DECIMALS = 7;

    /**
     * A site is a project's red line, a few polygons: far below the import limits, which are sized for a
     * province's control lines. These keep an anonymous request's cost small.
     */
    public static final ImportLimits LIMITS = new ImportLimits(20L << 20, 100L << 20, 1_000, 200_000);

    private final LayerService layers;
    private final Supplier<CountyCards> cards;

    public SiteReview(LayerService layers, Supplier<CountyCards> cards) {
        this.layers = layers;
        this.cards = cards;
    }

    public SiteReport review(SiteShape shape) {
        Geometry site = shape.lonLat();
        double siteM2 = Ellipsoid.areaOfStraightEdges(site);
        Envelope box = site.getEnvelopeInternal();

        List<SiteReport.CountyShare> counties = new ArrayList<>();
        overlaps(PlanLayers.COUNTIES, site, (f, m2) -> counties.add(new SiteReport.CountyShare(f.id(),
                text(f, "name"), text(f, "cityName"), text(f, "tier"), ha(m2), share(m2, siteM2))));
        counties.sort(Comparator.comparingDouble(SiteReport.CountyShare::areaHa).reversed());

        List<SiteReport.LineShare> lines = new ArrayList<>();
        for (ControlLine line : ControlLine.values()) {
            if (stored(line.layerId())) {
                LayerInfo info = layers.layer(line.layerId());
                double m2 = unionArea(line.layerId(), site);
                Optional<LayerVersion> kept = layers.currentVersion(line.layerId());
                lines.add(new SiteReport.LineShare(line.layerId(), info.title(), ha(m2), mu(m2), share(m2, siteM2),
                        !DemoControlLines.isDemonstration(info), kept.map(LayerVersion::version).orElse(null),
                        kept.map(MapImage::day).orElse(null), info.version()));
            }
        }

        List<SiteReport.ConflictShare> conflicts = new ArrayList<>();
        if (stored(ConflictLayer.ID)) {
            overlaps(ConflictLayer.ID, site, (f, m2) -> conflicts.add(new SiteReport.ConflictShare(text(f, "kind"),
                    text(f, "kindName"), text(f, "adcode"), text(f, "countyName"), ha(m2), mu(m2), share(m2, siteM2))));
        }
        List<SiteReport.PlaceShare> groups = places(StructureLayers.TOWN_GROUPS, site, siteM2);
        List<SiteReport.PlaceShare> regions = places(StructureLayers.REGIONS, site, siteM2);

        List<SiteReport.Passage> passages = new ArrayList<>();
        CountyCards inForce = cards.get();
        for (SiteReport.CountyShare c : counties) {
            inForce.of(c.adcode()).ifPresent(card -> card.passages().first().forEach(e -> passages.add(passage(card, e))));
        }
        SiteReport.Site about = new SiteReport.Site(ha(siteM2), mu(siteM2),
                List.of(degrees(box.getMinX()), degrees(box.getMinY()), degrees(box.getMaxX()), degrees(box.getMaxY())),
                shape.sourceCrs(), outline(site));
        return new SiteReport(about, counties, lines, conflicts, groups, regions, passages,
                summary(about, counties, lines, conflicts, MapLanguage.CHINESE, UnaryOperator.identity()));
    }

    /**
     * The extent at the outline's precision: a site that came back from Gauss-Krüger metres carries float noise
     * (111.67999999999999) that the report would otherwise print.
     */
    private static double degrees(double v) {
        double scale = Math.pow(10, OUTLINE_DECIMALS);
        return Math.round(v * scale) / scale;
    }

    /** No crs member: RFC 7946's default. */
    private static String outline(Geometry site) {
        GeoJsonWriter writer = new GeoJsonWriter(OUTLINE_DECIMALS);
        writer.setEncodeCRS(false);
        return writer.write(site);
    }

    /** Each feature of the layer that overlaps the site, with the area of the overlap (m²). */
    private void overlaps(String layerId, Geometry site, BiConsumer<Feature, Double> sink) {
        try (FeatureCursor features = candidates(layerId, site)) {
            features.forEachRemaining(f -> {
                Geometry piece = piece(f, site);
                if (piece != null) {
                    sink.accept(f, Ellipsoid.areaOfStraightEdges(piece));
                }
            });
        }
    }

    /** The area of the site covered by the layer, overlapping features counted once. */
    private double unionArea(String layerId, Geometry site) {
        List<Geometry> pieces = new ArrayList<>();
        try (FeatureCursor features = candidates(layerId, site)) {
            features.forEachRemaining(f -> {
                Geometry piece = piece(f, site);
                if (piece != null) {
                    pieces.add(piece);
                }
            });
        }
        if (pieces.isEmpty()) {
            return 0;
        }
        return Ellipsoid.areaOfStraightEdges(OverlayNGRobust.union(pieces));
    }

    private List<SiteReport.PlaceShare> places(String layerId, Geometry site, double siteM2) {
        List<SiteReport.PlaceShare> found = new ArrayList<>();
        if (stored(layerId)) {
            overlaps(layerId, site, (f, m2) -> found.add(new SiteReport.PlaceShare(f.id(), text(f, "name"), ha(m2),
                    share(m2, siteM2))));
        }
        return found;
    }

    private FeatureCursor candidates(String layerId, Geometry site) {
        return layers.features(FeatureQuery.of(layerId).bbox(site.getEnvelopeInternal()), CrsRef.WGS84);
    }

    /** The part of the feature inside the site, or null when they only touch (a shared edge has no area). */
    private static Geometry piece(Feature f, Geometry site) {
        Geometry g = f.geometry();
        if (g == null || g.isEmpty() || !g.getEnvelopeInternal().intersects(site.getEnvelopeInternal())
                || !g.intersects(site)) {
            return null;
        }
        Geometry piece = OverlayNGRobust.overlay(g, site, OverlayNG.INTERSECTION);
        return piece.getDimension() == 2 && !piece.isEmpty() ? piece : null;
    }

    private boolean stored(String layerId) {
        return layers.layers().stream().anyMatch(l -> l.id().equals(layerId));
    }

    private static SiteReport.Passage passage(CountyCard card, CountyCard.Excerpt e) {
        return new SiteReport.Passage(card.adcode(), card.name(), e.source().title(), e.source().section(), e.text());
    }

    /**
     * 该地块 12.30 公顷（184.50 亩），位于吕梁市孝义市；其中 2.10 公顷（17.07%）位于永久基本农田（示意数据），
     * 不涉及生态保护红线…；涉及永久基本农田与城镇开发边界重叠 0.50 公顷。In English (a report for lang=en) the same
     * sentence, place names with their pinyin and the lines' names by {@code word}, the style file's English.
     */
    static String summary(SiteReport.Site site, List<SiteReport.CountyShare> counties, List<SiteReport.LineShare> lines,
            List<SiteReport.ConflictShare> conflicts, MapLanguage l, UnaryOperator<String> word) {
        String ha = l.text(" 公顷", " ha");
        StringBuilder s = new StringBuilder(l.text("该地块 ", "The site, ")).append(number(site.areaHa())).append(ha)
                .append(l.text("（", " (")).append(number(site.areaMu())).append(l.text(" 亩）", " mu)"));
        Function<SiteReport.CountyShare, String> place = c -> l == MapLanguage.CHINESE ? c.cityName() + c.name()
                : l.placeText(c.name()) + ", " + l.placeText(c.cityName());
        if (counties.isEmpty()) {
            s.append(l.text("，不在山西省县级行政区范围内", ", lies outside Shanxi's county-level units"));
        } else if (counties.size() == 1) {
            s.append(l.text("，位于", ", lies in ")).append(place.apply(counties.get(0)));
        } else {
            s.append(l.text("，跨", ", spans ")).append(counties.stream().map(c -> place.apply(c) + l.text("（", " (")
                    + number(c.sharePercent()) + l.text("%）", "%)")).collect(Collectors.joining(l.text("、", "; "))));
        }
        List<String> inside = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (SiteReport.LineShare line : lines) {
            String name = lineName(line, l, word);
            if (line.areaHa() > 0) {
                inside.add(number(line.areaHa()) + ha + l.text("（", " (") + number(line.sharePercent())
                        + l.text("%）位于", "%) in ") + name);
            } else {
                outside.add(name);
            }
        }
        if (!inside.isEmpty()) {
            s.append(l.text("；其中 ", "; of it ")).append(String.join(l.text("，", ", "), inside));
        }
        if (!outside.isEmpty()) {
            s.append(inside.isEmpty() ? l.text("；", "; ") : l.text("，", ", ")).append(l.text("不涉及", "none in "))
                    .append(String.join(l.text("、", ", "), outside));
        }
        Map<String, Double> conflictHa = conflicts.stream().collect(Collectors.groupingBy(
                SiteReport.ConflictShare::kindName, java.util.LinkedHashMap::new,
                Collectors.summingDouble(SiteReport.ConflictShare::areaHa)));
        if (!conflictHa.isEmpty()) {
            s.append(l.text("；涉及", "; it touches ")).append(conflictHa.entrySet().stream()
                    .map(e -> word.apply(e.getKey()) + " " + number(e.getValue()) + ha).collect(Collectors.joining(l.text("、", ", "))));
        }
        return s.append(l.text("。", ".")).toString();
    }

    /** The line's plain name, with 示意数据 when it is the demonstration data, as its layer title says. */
    static String lineName(SiteReport.LineShare line, MapLanguage l, UnaryOperator<String> word) {
        return plainName(line, word) + (line.official() ? "" : l.text("（示意数据）", " (demonstration data)"));
    }

    /** 生态保护红线, or its English, without the layer title's remarks. */
    static String plainName(SiteReport.LineShare line, UnaryOperator<String> word) {
        return word.apply(java.util.Arrays.stream(ControlLine.values()).filter(c -> c.layerId().equals(line.id()))
                .map(ControlLine::nameZh).findFirst().orElse(line.title()));
    }

    private static String text(Feature f, String property) {
        return Objects.toString(f.properties().get(property), null);
    }

    static double ha(double m2) {
        return round(AreaUnits.ha(m2));
    }

    static double mu(double m2) {
        return round(AreaUnits.mu(m2));
    }

    private static double share(double m2, double siteM2) {
        return siteM2 > 0 ? round(100 * m2 / siteM2) : 0;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static String number(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}

package org.planmap.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
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
import org.planmap.store.Feature;
import org.planmap.store.FeatureCursor;
import org.planmap.store.FeatureQuery;
import org.planmap.store.LayerInfo;

/**
 * 合规性审查: a proposed site checked against the plan. Every layer is read through the one road (a
 * {@link FeatureQuery} on the site's box, streamed), each candidate cut exactly by the site, and the pieces
 * measured on the ellipsoid, as SpatiaLite's {@code ST_Area(ST_Intersection(a, b), 1)} measures them.
 */
public final class SiteReview {

    /**
     * A site is a project's red line, a few polygons: far below the import limits, which are sized for a
     * province's control lines. These keep an anonymous request's cost small.
     */
    public static final ImportLimits LIMITS = new ImportLimits(20L << 20, 100L << 20, 1_000, 200_000);

    private final LayerService layers;
    private final CountyCards cards;

    public SiteReview(LayerService layers, CountyCards cards) {
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
                lines.add(new SiteReport.LineShare(line.layerId(), info.title(), ha(m2), mu(m2), share(m2, siteM2),
                        !DemoControlLines.isDemonstration(info), info.version()));
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
        for (SiteReport.CountyShare c : counties) {
            cards.of(c.adcode()).ifPresent(card -> card.passages().first().forEach(e -> passages.add(passage(card, e))));
        }
        SiteReport.Site about = new SiteReport.Site(ha(siteM2), mu(siteM2),
                List.of(box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY()), shape.sourceCrs(), outline(site));
        return new SiteReport(about, counties, lines, conflicts, groups, regions, passages,
                summary(about, counties, lines, conflicts));
    }

    /** Seven decimals (1 cm) keep the outline exactly as drawn on any map; no crs member, RFC 7946's default. */
    private static String outline(Geometry site) {
        GeoJsonWriter writer = new GeoJsonWriter(7);
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
     * 不涉及生态保护红线…；涉及永久基本农田与城镇开发边界重叠 0.50 公顷。
     */
    static String summary(SiteReport.Site site, List<SiteReport.CountyShare> counties, List<SiteReport.LineShare> lines,
            List<SiteReport.ConflictShare> conflicts) {
        StringBuilder s = new StringBuilder("该地块 ").append(number(site.areaHa())).append(" 公顷（")
                .append(number(site.areaMu())).append(" 亩）");
        if (counties.isEmpty()) {
            s.append("，不在山西省县级行政区范围内");
        } else if (counties.size() == 1) {
            s.append("，位于").append(counties.get(0).cityName()).append(counties.get(0).name());
        } else {
            s.append("，跨").append(counties.stream().map(c -> c.cityName() + c.name() + "（" + number(c.sharePercent()) + "%）")
                    .collect(Collectors.joining("、")));
        }
        List<String> inside = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (SiteReport.LineShare l : lines) {
            String name = lineName(l);
            if (l.areaHa() > 0) {
                inside.add(number(l.areaHa()) + " 公顷（" + number(l.sharePercent()) + "%）位于" + name);
            } else {
                outside.add(name);
            }
        }
        if (!inside.isEmpty()) {
            s.append("；其中 ").append(String.join("，", inside));
        }
        if (!outside.isEmpty()) {
            s.append(inside.isEmpty() ? "；" : "，").append("不涉及").append(String.join("、", outside));
        }
        Map<String, Double> conflictHa = conflicts.stream().collect(Collectors.groupingBy(
                SiteReport.ConflictShare::kindName, java.util.LinkedHashMap::new,
                Collectors.summingDouble(SiteReport.ConflictShare::areaHa)));
        if (!conflictHa.isEmpty()) {
            s.append("；涉及").append(conflictHa.entrySet().stream()
                    .map(e -> e.getKey() + " " + number(e.getValue()) + " 公顷").collect(Collectors.joining("、")));
        }
        return s.append("。").toString();
    }

    /** The line's plain name, with 示意数据 when it is the demonstration data, as its layer title says. */
    private static String lineName(SiteReport.LineShare l) {
        String plain = java.util.Arrays.stream(ControlLine.values()).filter(c -> c.layerId().equals(l.id()))
                .map(ControlLine::nameZh).findFirst().orElse(l.title());
        return l.official() ? plain : plain + "（示意数据）";
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

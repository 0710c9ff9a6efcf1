package org.planmap.controlline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.planmap.boundary.BoundarySet;
import org.planmap.layer.LayerPublisher;
import org.planmap.layer.LayerService;
import org.planmap.plan.StructureLayers;
import org.planmap.store.Feature;
import org.planmap.store.FeatureQuery;
import org.planmap.store.LayerInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the ledger and the conflicts layer in step with the stored control lines: both are recomputed, and
 * the conflicts layer republished, whenever a line's stored version changes (an import, a new demo set).
 * Everything is read through {@link LayerService}, like any other consumer of layers.
 */
public final class LedgerService {

    private static final Logger log = LoggerFactory.getLogger(LedgerService.class);

    /** The units a ledger can be kept for. */
    public enum Level {
        COUNTY, CITY, GROUP;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Level> fromCode(String code) {
            for (Level l : values()) {
                if (l.code().equals(code)) {
                    return Optional.of(l);
                }
            }
            return Optional.empty();
        }
    }

    private final LayerService layers;
    private final LayerPublisher publisher;
    private final BoundarySet boundaries;
    /** The rows and the stored lines' versions they were computed for, swapped whole when recomputed. */
    private record Computed(String versions, Map<Level, List<ControlLineLedger.Row>> rows) {
    }

    private volatile Computed current = new Computed(null, Map.of());

    public LedgerService(LayerService layers, LayerPublisher publisher, BoundarySet boundaries) {
        this.layers = layers;
        this.publisher = publisher;
        this.boundaries = boundaries;
    }

    public List<ControlLineLedger.Row> rows(Level level) {
        return upToDate().rows().get(level);
    }

    /** County rows with any conflict, the largest total first. */
    public List<ControlLineLedger.Row> conflicts() {
        return rows(Level.COUNTY).stream()
                .filter(r -> r.conflicts().values().stream().anyMatch(a -> a.ha() > 0))
                .sorted(Comparator.comparingDouble((ControlLineLedger.Row r) ->
                        r.conflicts().values().stream().mapToDouble(ControlLineLedger.Area::ha).sum()).reversed())
                .toList();
    }

    /** Recomputes when a stored line changed since the last computation. */
    public void refresh() {
        upToDate();
    }

    /**
     * Readers only compare versions (one catalog read, no lock); the lock is for recomputing, so that a busy
     * ledger page never queues behind itself, and two requests after an import compute once.
     */
    private Computed upToDate() {
        Map<ControlLine, Optional<LayerInfo>> stored = storedLines();
        String versions = stored.values().stream().map(o -> o.map(LayerInfo::version).orElse("-")).toList().toString();
        Computed known = current;
        if (versions.equals(known.versions())) {
            return known;
        }
        synchronized (this) {
            known = current;
            return versions.equals(known.versions()) ? known : recompute(stored, versions);
        }
    }

    private Map<ControlLine, Optional<LayerInfo>> storedLines() {
        Map<String, LayerInfo> catalog = new LinkedHashMap<>();
        layers.layers().forEach(l -> catalog.put(l.id(), l));
        Map<ControlLine, Optional<LayerInfo>> stored = new EnumMap<>(ControlLine.class);
        for (ControlLine line : ControlLine.values()) {
            stored.put(line, Optional.ofNullable(catalog.get(line.layerId())));
        }
        return stored;
    }

    private Computed recompute(Map<ControlLine, Optional<LayerInfo>> stored, String versions) {
        long start = System.nanoTime();
        // county by county through the store's spatial index: 500 000 stored polygons are never all in memory
        List<ControlLineLedger.CountyResult> counties = ControlLineLedger.perCounty(boundaries, (line, box) ->
                stored.get(line).isEmpty() ? List.of()
                        : layers.page(FeatureQuery.of(line.layerId()).bbox(box)).features().toList().stream()
                                .map(Feature::geometry).filter(Objects::nonNull).toList());
        boolean demonstration = stored.values().stream().flatMap(Optional::stream).anyMatch(DemoControlLines::isDemonstration);
        publisher.publish(ConflictLayer.of(counties, demonstration, versions));

        Map<Level, List<ControlLineLedger.Row>> computed = new EnumMap<>(Level.class);
        computed.put(Level.COUNTY, ControlLineLedger.rows(counties, names(counties), selfMembership(counties)));
        Map<String, String> cityNames = new LinkedHashMap<>();
        Map<String, List<String>> cityCounties = new LinkedHashMap<>();
        for (Feature city : boundaries.cities()) {
            cityNames.put(city.id(), String.valueOf(city.properties().get("name")));
            cityCounties.put(city.id(), counties.stream().filter(c -> c.cityAdcode().equals(city.id()))
                    .map(ControlLineLedger.CountyResult::adcode).toList());
        }
        computed.put(Level.CITY, ControlLineLedger.rows(counties, cityNames, cityCounties));
        Map<String, String> groupNames = new LinkedHashMap<>();
        Map<String, List<String>> groupCounties = new LinkedHashMap<>();
        for (Feature group : layers.page(FeatureQuery.of(StructureLayers.TOWN_GROUPS)).features().toList()) {
            groupNames.put(group.id(), String.valueOf(group.properties().get("name")));
            List<String> members = new ArrayList<>(list(group, "core"));
            members.addAll(list(group, "radiated"));
            groupCounties.put(group.id(), members);
        }
        computed.put(Level.GROUP, ControlLineLedger.rows(counties, groupNames, groupCounties));
        current = new Computed(versions, computed);
        log.info("control-line ledger recomputed for {} in {} ms", versions, (System.nanoTime() - start) / 1_000_000);
        return current;
    }

    private static Map<String, String> names(List<ControlLineLedger.CountyResult> counties) {
        Map<String, String> names = new LinkedHashMap<>();
        counties.forEach(c -> names.put(c.adcode(), c.name()));
        return names;
    }

    private static Map<String, List<String>> selfMembership(List<ControlLineLedger.CountyResult> counties) {
        Map<String, List<String>> members = new LinkedHashMap<>();
        counties.forEach(c -> members.put(c.adcode(), List.of(c.adcode())));
        return members;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Feature f, String property) {
        return (List<String>) f.properties().get(property);
    }
}

package org.planmap.controlline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Geometry;
import org.planmap.boundary.BoundarySet;
import org.planmap.layer.LayerChanged;
import org.planmap.layer.LayerPublisher;
import org.planmap.layer.LayerWriter;
import org.planmap.layer.FeaturePage;
import org.planmap.layer.LayerService;
import org.planmap.plan.CurrentBoundaries;
import org.planmap.plan.PlanLayers;
import org.planmap.plan.StructureLayers;
import org.planmap.store.Feature;
import org.planmap.store.FeatureQuery;
import org.planmap.store.LayerInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the ledger and the conflicts layer in step with the stored control lines: both are recomputed, and
 * the conflicts layer republished, whenever an input layer's stored version changes (an import, a new demo set,
 * a new release of the boundaries). The county totals are kept in the store with those versions, so a restart on
 * the same data reads them back instead of computing them again. Layers are read through {@link LayerService},
 * like any other consumer of layers.
 */
public final class LedgerService implements LayerWriter.Listener {

    private static final Logger log = LoggerFactory.getLogger(LedgerService.class);

    /** The layers the ledger is computed from: a new version of any of them changes it. */
    private static final List<String> INPUTS = Stream.concat(Arrays.stream(ControlLine.values()).map(ControlLine::layerId),
            Stream.of(PlanLayers.COUNTIES, StructureLayers.TOWN_GROUPS)).toList();

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
    private final LayerWriter writer;
    private final LayerPublisher publisher;
    private final Supplier<CurrentBoundaries.Current> boundaries;
    /** How many times the ledger was computed from the lines, not read back as kept: restarts should not add to it. */
    private final AtomicInteger computations = new AtomicInteger();

    /** The rows and the input layers' versions they were computed for, swapped whole when recomputed. */
    private record Computed(String inputs, Map<Level, List<ControlLineLedger.Row>> rows) {
    }

    private volatile Computed current = new Computed(null, Map.of());

    /**
     * @param boundaries the boundaries in force, read anew for each computation: the lines are cut by the counties
     *                   the set holds, and the totals kept under the version it was read at
     */
    public LedgerService(LayerService layers, LayerWriter writer, Supplier<CurrentBoundaries.Current> boundaries) {
        this.layers = layers;
        this.writer = writer;
        this.publisher = new LayerPublisher(writer);
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

    /** Brings the ledger and the conflicts layer in step with the stored lines (read back if kept for them). */
    public void refresh() {
        upToDate();
    }

    /** A change of one of the ledger's input layers brings it up to date before the writer goes on. */
    @Override
    public void layerChanged(LayerChanged change) {
        if (INPUTS.contains(change.layerId())) {
            refresh();
        }
    }

    /** Times the ledger was computed from the lines since this service was made. */
    public int computations() {
        return computations.get();
    }

    /**
     * Readers only compare versions (one catalog read, no lock); the lock is for recomputing, so that a busy
     * ledger page never queues behind itself, and two requests after an import compute once. Servers sharing the
     * store compute once too: under the store's exclusive lock the first computes and keeps the totals, the others
     * wait and read them back.
     */
    private Computed upToDate() {
        CurrentBoundaries.Current set = boundaries.get();
        String inputs = inputs(storedInputs(), set);
        Computed known = current;
        if (inputs.equals(known.inputs())) {
            return known;
        }
        synchronized (this) {
            known = current;
            if (inputs.equals(known.inputs())) {
                return known;
            }
            return writer.exclusively(KeptLedger.KEY, () -> keptOrRecomputed(set));
        }
    }

    /** The inputs read again once the lock is held: another server may have changed them while this one waited. */
    private Computed keptOrRecomputed(CurrentBoundaries.Current set) {
        Map<String, Optional<LayerInfo>> stored = storedInputs();
        String inputs = inputs(stored, set);
        Optional<List<ControlLineLedger.CountyTotals>> kept = layers.layers().stream()
                .anyMatch(l -> l.id().equals(ConflictLayer.ID))
                ? writer.derived(KeptLedger.KEY).flatMap(text -> KeptLedger.read(text, inputs)) : Optional.empty();
        if (kept.isPresent()) {
            current = new Computed(inputs, rows(kept.get(), set.set()));
            log.info("control-line ledger as kept for {}", inputs);
            return current;
        }
        return recompute(stored, inputs, set.set());
    }

    /**
     * The ledger's method, its input layers' versions and the counties version of the boundaries held: what kept
     * totals must have been computed for. The two counties versions differ for the moment between a new version
     * being stored and the boundaries following it; totals computed then are never read back.
     */
    private static String inputs(Map<String, Optional<LayerInfo>> stored, CurrentBoundaries.Current set) {
        return ControlLineLedger.METHOD + " " + stored.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().map(LayerInfo::version).orElse("-")).toList()
                + " boundaries=" + set.version();
    }

    /** The three lines, the counties (the boundaries the lines are cut by) and the town groups, in that order. */
    private Map<String, Optional<LayerInfo>> storedInputs() {
        Map<String, LayerInfo> catalog = new LinkedHashMap<>();
        layers.layers().forEach(l -> catalog.put(l.id(), l));
        Map<String, Optional<LayerInfo>> stored = new LinkedHashMap<>();
        INPUTS.forEach(id -> stored.put(id, Optional.ofNullable(catalog.get(id))));
        return stored;
    }

    private Computed recompute(Map<String, Optional<LayerInfo>> stored, String inputs, BoundarySet boundaries) {
        long start = System.nanoTime();
        computations.incrementAndGet();
        // county by county through the store's spatial index: 500 000 stored polygons are never all in memory
        List<ControlLineLedger.CountyResult> counties = ControlLineLedger.perCounty(boundaries, (line, box) ->
                stored.get(line.layerId()).isEmpty() ? List.of() : geometries(FeatureQuery.of(line.layerId()).bbox(box)));
        List<Optional<LayerInfo>> lines = Arrays.stream(ControlLine.values()).map(l -> stored.get(l.layerId())).toList();
        boolean demonstration = lines.stream().flatMap(Optional::stream).anyMatch(DemoControlLines::isDemonstration);
        String lineVersions = lines.stream().map(o -> o.map(LayerInfo::version).orElse("-")).toList().toString();
        // timed before the conflicts layer is stored: storing it tells the writer's listeners, which draw its tiles
        long computedMs = (System.nanoTime() - start) / 1_000_000;
        publisher.publish(ConflictLayer.of(counties, demonstration, lineVersions));
        List<ControlLineLedger.CountyTotals> totals = counties.stream().map(ControlLineLedger.CountyResult::totals).toList();
        // kept after the conflicts layer: a crash between the two only means computing again at the next start
        writer.keepDerived(KeptLedger.KEY, KeptLedger.text(inputs, totals));
        current = new Computed(inputs, rows(totals, boundaries));
        log.info("control-line ledger recomputed for {} in {} ms", inputs, computedMs);
        return current;
    }

    private Map<Level, List<ControlLineLedger.Row>> rows(List<ControlLineLedger.CountyTotals> counties,
            BoundarySet boundaries) {
        Map<Level, List<ControlLineLedger.Row>> computed = new EnumMap<>(Level.class);
        computed.put(Level.COUNTY, ControlLineLedger.rows(counties, names(counties), selfMembership(counties)));
        Map<String, String> cityNames = new LinkedHashMap<>();
        Map<String, List<String>> cityCounties = new LinkedHashMap<>();
        for (Feature city : boundaries.cities()) {
            cityNames.put(city.id(), String.valueOf(city.properties().get("name")));
            cityCounties.put(city.id(), counties.stream().filter(c -> c.cityAdcode().equals(city.id()))
                    .map(ControlLineLedger.CountyTotals::adcode).toList());
        }
        computed.put(Level.CITY, ControlLineLedger.rows(counties, cityNames, cityCounties));
        Map<String, String> groupNames = new LinkedHashMap<>();
        Map<String, List<String>> groupCounties = new LinkedHashMap<>();
        for (Feature group : read(FeatureQuery.of(StructureLayers.TOWN_GROUPS))) {
            groupNames.put(group.id(), String.valueOf(group.properties().get("name")));
            List<String> members = new ArrayList<>(list(group, "core"));
            members.addAll(list(group, "radiated"));
            groupCounties.put(group.id(), members);
        }
        computed.put(Level.GROUP, ControlLineLedger.rows(counties, groupNames, groupCounties));
        return computed;
    }

    /**
     * The county rows of the control lines as they were in the kept versions {@code versions} names (layer id to
     * version; the lines it does not name as they are now), cut by the boundaries in force: what an atlas of last
     * year's lines gives as its figures. Computed for the asker, neither kept nor published; without versions, the
     * ledger's own rows.
     */
    public List<ControlLineLedger.Row> countyRows(Map<String, Integer> versions) {
        if (Arrays.stream(ControlLine.values()).noneMatch(l -> versions.containsKey(l.layerId()))) {
            return rows(Level.COUNTY);
        }
        Map<String, Optional<LayerInfo>> stored = storedInputs();
        List<ControlLineLedger.CountyTotals> totals = ControlLineLedger.perCounty(boundaries.get().set(), (line, box) ->
                stored.get(line.layerId()).isEmpty() ? List.of()
                        : geometries(FeatureQuery.of(line.layerId()).bbox(box).version(versions.get(line.layerId()))))
                .stream().map(ControlLineLedger.CountyResult::totals).toList();
        return ControlLineLedger.rows(totals, names(totals), selfMembership(totals));
    }

    /** The geometries a query of a line finds, without properties: all the ledger reads of the lines. */
    private List<Geometry> geometries(FeatureQuery query) {
        return read(query.withoutProperties()).stream().map(Feature::geometry).filter(Objects::nonNull).toList();
    }

    /**
     * The features of a small answer (one county's lines, the town groups), the page closed whatever happens: a
     * recompute reads one page per county and line, and a page left open holds one of the store's read connections.
     */
    private List<Feature> read(FeatureQuery query) {
        try (FeaturePage page = layers.page(query)) {
            return page.features().toList();
        }
    }

    private static Map<String, String> names(List<ControlLineLedger.CountyTotals> counties) {
        Map<String, String> names = new LinkedHashMap<>();
        counties.forEach(c -> names.put(c.adcode(), c.name()));
        return names;
    }

    private static Map<String, List<String>> selfMembership(List<ControlLineLedger.CountyTotals> counties) {
        Map<String, List<String>> members = new LinkedHashMap<>();
        counties.forEach(c -> members.put(c.adcode(), List.of(c.adcode())));
        return members;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Feature f, String property) {
        return (List<String>) f.properties().get(property);
    }
}

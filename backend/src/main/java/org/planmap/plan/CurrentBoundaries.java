package org.planmap.plan;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.planmap.boundary.BoundaryLayers;
import org.planmap.boundary.BoundarySet;
import org.planmap.boundary.OfficialCounties;
import org.planmap.layer.FeaturePage;
import org.planmap.layer.LayerChanged;
import org.planmap.layer.LayerContent;
import org.planmap.layer.LayerPublisher;
import org.planmap.layer.LayerService;
import org.planmap.layer.LayerWriter;
import org.planmap.store.FeatureQuery;
import org.planmap.store.LayerInfo;
import org.planmap.store.LayerVersion;
import org.planmap.store.VersionNote;

/**
 * The county boundaries in force and what is made of them: the DataV set planmap carries, or a department's own
 * set once an admin imported it. The stored {@code counties} layer is the one record of which it is, so a restart,
 * a restore of a version and an import through another server sharing the store all lead here the same way: a
 * {@link LayerChanged} of {@code counties}, after which the directory (tiers and areas) is rebuilt and the layers
 * made of the counties (cities, province, town groups, regions) are republished, each telling its own change in
 * turn. Whoever reads the boundaries (the ledger, the diff, {@code /api/counties}) asks this holder each time.
 *
 * <p>The demonstration control lines are not among the followers: they stay drawn on the DataV layout.
 */
public final class CurrentBoundaries implements LayerWriter.Listener {

    /**
     * @param source  the stored {@code counties} layer's source when the set is official (it names the file); null
     *                for the DataV set, whose layer says where DataV comes from
     * @param version the stored {@code counties} layer's version this set was read at (null before it is stored):
     *                what state derived from the set is kept under
     * @param origin  for an official set, the file as the layers made of it name it ({@link #origin}); null for DataV
     */
    public record Current(BoundarySet set, CountyDirectory directory, String source, String version, String origin) {

        public boolean official() {
            return source != null;
        }

        /** Where the counties come from as the layers and cards made of them say: the official file in force, or DataV. */
        public String boundarySource() {
            return official() ? origin : BoundaryLayers.DATAV;
        }
    }

    /** The day an official file was imported is told as the department that sent it counts days. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final BoundarySet dataV;
    private final CountyDirectory dataVDirectory;
    private final PlanTables tables;
    private final LayerWriter writer;
    private final LayerService layers;
    private volatile Current current;

    public CurrentBoundaries(BoundarySet dataV, CountyDirectory dataVDirectory, PlanTables tables, LayerWriter writer,
            LayerService layers) {
        this.dataV = dataV;
        this.dataVDirectory = dataVDirectory;
        this.tables = tables;
        this.writer = writer;
        this.layers = layers;
        this.current = new Current(dataV, dataVDirectory, null, null, null);
    }

    public Current current() {
        return current;
    }

    public BoundarySet set() {
        return current.set();
    }

    public CountyDirectory directory() {
        return current.directory();
    }

    /** The DataV set, whose names the plan was written with: what the plan's lists of places are resolved against. */
    public BoundarySet planNamed() {
        return dataV;
    }

    /** At start, before the base layers are published from {@link #layers()}: the set the store says is in force. */
    public void load() {
        current = read();
    }

    /** At start, once {@link #layers()} are published: the set is the one the stored counties now are. */
    public void published() {
        Current c = current;
        current = new Current(c.set(), c.directory(), c.source(), storedVersion(writer), c.origin());
    }

    /** The counties (with their tiers), the cities, the province, the neighbours, the town groups and the regions. */
    public List<LayerContent> layers() {
        Current c = current;
        boolean official = c.official();
        List<LayerContent> all = new ArrayList<>(BoundaryLayers.all(c.set(), c.boundarySource()));
        all.add(counties(c.set(), c.directory(), c.source()));
        all.add(PlanLayers.cities(c.set(), tables, official ? c.origin() : PlanLayers.DATAV_COUNTIES));
        all.addAll(new StructureLayers(c.set(), dataV).all(tables));
        return all;
    }

    /**
     * The {@code counties} layer of a set: the DataV layer as planmap publishes it, or with {@code officialSource}
     * as its source (which must begin with {@link OfficialCounties#SOURCE_PREFIX}).
     */
    static LayerContent counties(BoundarySet set, CountyDirectory directory, String officialSource) {
        LayerContent layer = PlanLayers.counties(set, directory);
        if (officialSource == null) {
            return layer;
        }
        LayerInfo i = layer.info();
        return new LayerContent(new LayerInfo(i.id(), i.title(), i.geometryType(), i.crs(), officialSource,
                i.featureCount(), i.bbox(), i.fields(), i.version()), layer.features());
    }

    /** A new version of the counties, from wherever it came: the set, the directory and the derived layers follow. */
    @Override
    public void layerChanged(LayerChanged change) {
        if (!PlanLayers.COUNTIES.equals(change.layerId()) || change.newVersion() == null) {
            return;
        }
        current = read();
        LayerPublisher publisher = new LayerPublisher(writer);
        layers().stream().filter(l -> !l.info().id().equals(PlanLayers.COUNTIES)).forEach(publisher::publish);
    }

    private Current read() {
        Optional<LayerInfo> stored = writer.stored(PlanLayers.COUNTIES);
        String version = stored.map(LayerInfo::version).orElse(null);
        if (stored.isEmpty() || !OfficialCounties.isOfficial(stored.get().source())) {
            return new Current(dataV, dataVDirectory, null, version, null);
        }
        BoundarySet set;
        try (FeaturePage page = layers.page(FeatureQuery.of(PlanLayers.COUNTIES))) {
            set = OfficialCounties.fromStored(page.features().toList(), dataV);
        }
        return new Current(set, new CountyDirectory(set, dataV, tables), stored.get().source(), version,
                origin(writer.versions(PlanLayers.COUNTIES), version));
    }

    /**
     * The official file in force as the cities and the province, unions of its counties, name their source, in
     * Chinese and English: its file name, the version of {@code counties} it was imported as and the day (China
     * time). A restore of it names the import it restores, so that a planner finds that version in the history.
     */
    static String origin(List<LayerVersion> versions, String layerVersion) {
        Optional<LayerVersion> imported = versions.stream()
                .filter(v -> v.layer().version().equals(layerVersion) && VersionNote.IMPORT.equals(v.note().action()))
                .min(Comparator.comparingInt(LayerVersion::version))
                .or(() -> versions.stream().filter(LayerVersion::current).findFirst());
        if (imported.isEmpty()) {
            return "正式县界 / official county boundaries";
        }
        LayerVersion v = imported.get();
        String file = v.note().fileName();
        LocalDate day = LocalDate.ofInstant(v.created(), CHINA);
        return "正式县界 " + file + "（县界第 " + v.version() + " 版，" + day + " 导入）/ official county boundaries " + file
                + " (counties version " + v.version() + ", imported " + day + ")";
    }

    private static String storedVersion(LayerWriter writer) {
        return writer.stored(PlanLayers.COUNTIES).map(LayerInfo::version).orElse(null);
    }
}

package org.planmap.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.planmap.boundary.AdminUnit;

/**
 * The seed documents as a reader and a search sees them: their passages, which places each passage
 * mentions, and the 吕梁 key tasks. Read-only; the places as other boundaries name them are another
 * instance ({@link #naming}), which shares the seeds read once.
 */
public final class PlanDocuments {

    /** A seed document: file name in seeds/, its title as printed, and its kind. */
    public record DocumentInfo(String file, String title, SeedPassages.Layout kind) {
    }

    public static final String PLAN_SEED = "003_73e80744cce0764a.txt";

    public static final List<DocumentInfo> SEEDS = List.of(
            new DocumentInfo(PLAN_SEED, "山西省“十四五”新型城镇化规划", SeedPassages.Layout.PLAN),
            new DocumentInfo(LuliangTasks.SEED, "吕梁市2021年新型城镇化建设和城乡融合发展重点任务",
                    SeedPassages.Layout.TASK_LIST));

    /** A block of a document for reading: {@code type} is "heading", "paragraph" or "table". */
    public sealed interface ReaderBlock permits HeadingBlock, PassageBlock {
        String type();
    }

    public record HeadingBlock(String type, int level, String text) implements ReaderBlock {
    }

    /** A passage with the places it mentions, so that a reader can link each hit to the map. */
    public record PassageBlock(String type, List<String> headingPath, String text, List<List<String>> rows,
                               int start, int end, List<PassageIndex.PlaceMention> mentions) implements ReaderBlock {
    }

    public record ReaderDocument(String file, String title, SeedPassages.Layout kind, List<ReaderBlock> blocks) {
    }

    public record PlacePassages(Place place, List<PassageIndex.PassageMention> passages) {
    }

    private final Map<String, SeedPassages> byFile;
    private final List<SeedPassage> passages;
    private final List<LuliangTask> luliangTasks;
    /** The units as the seeds were written about them: their names are what the text says. */
    private final List<AdminUnit> seedUnits;
    private final PlaceCatalog places;
    private final PassageIndex index;

    /**
     * @param seeds opens a seed by file name
     * @param units the units the seeds name (the DataV set planmap carries, whose names are the plan's)
     */
    public PlanDocuments(Function<String, SeedDocument> seeds, List<AdminUnit> units, PlanTables tables) {
        Map<String, SeedPassages> read = new LinkedHashMap<>();
        List<SeedPassage> all = new ArrayList<>();
        for (DocumentInfo info : SEEDS) {
            SeedPassages document = SeedPassages.of(seeds.apply(info.file()), info.kind());
            read.put(info.file(), document);
            all.addAll(document.passages());
        }
        this.byFile = read;
        this.passages = List.copyOf(all);
        this.luliangTasks = LuliangTasks.read(read.get(LuliangTasks.SEED));
        this.seedUnits = List.copyOf(units);
        this.places = new PlaceCatalog(units, tables);
        this.index = new PassageIndex(passages, places);
    }

    private PlanDocuments(PlanDocuments seeds, PlaceCatalog places) {
        this.byFile = seeds.byFile;
        this.passages = seeds.passages;
        this.luliangTasks = seeds.luliangTasks;
        this.seedUnits = seeds.seedUnits;
        this.places = places;
        this.index = new PassageIndex(passages, places);
    }

    /**
     * The same documents with the places as {@code units} name them (a department's boundaries in force): a unit
     * renamed since the plan was written is still found under the name the text gives it.
     */
    public PlanDocuments naming(List<AdminUnit> units, PlanTables tables) {
        return new PlanDocuments(this, new PlaceCatalog(units, tables, seedUnits));
    }

    public static PlanDocuments fromClasspath(List<AdminUnit> units, PlanTables tables) {
        return new PlanDocuments(SeedDocument::fromClasspath, units, tables);
    }

    public List<DocumentInfo> documents() {
        return SEEDS;
    }

    public Optional<ReaderDocument> document(String file) {
        return SEEDS.stream().filter(info -> info.file().equals(file)).findFirst().map(info -> {
            List<ReaderBlock> blocks = byFile.get(file).blocks().stream().map(this::readerBlock).toList();
            return new ReaderDocument(info.file(), info.title(), info.kind(), blocks);
        });
    }

    /** The passages mentioning a place given by adcode, town-group id or region id. */
    public Optional<PlacePassages> passages(String placeId) {
        return places.byId(placeId).map(place -> new PlacePassages(place, index.passagesMentioning(place.id())));
    }

    public List<LuliangTask> luliangTasks() {
        return luliangTasks;
    }

    /** The town groups with their members resolved to units, in table order. */
    public List<ResolvedTownGroup> townGroups() {
        return places.townGroups();
    }

    /** The printed title of a seed. */
    public String titleOf(String file) {
        return SEEDS.stream().filter(info -> info.file().equals(file)).findFirst().map(DocumentInfo::title)
                .orElseThrow(() -> new IllegalArgumentException("not a seed document: " + file));
    }

    /** A table row's source as a reader is shown it: 《title》 and section. */
    public Citation cite(SourceRef source) {
        return new Citation(source.document(), titleOf(source.document()), source.section());
    }

    private ReaderBlock readerBlock(SeedBlock block) {
        if (block instanceof SeedBlock.Heading h) {
            return new HeadingBlock("heading", h.level(), h.text());
        }
        SeedPassage p = (SeedPassage) block;
        return new PassageBlock(p.kind().code(), p.headingPath(), p.text(), p.rows(), p.start(), p.end(),
                index.placesIn(p));
    }
}

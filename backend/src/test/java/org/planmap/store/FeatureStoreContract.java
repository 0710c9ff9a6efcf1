package org.planmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.planmap.boundary.BoundaryFiles;
import org.planmap.boundary.BoundarySet;

/**
 * What every {@link FeatureStore} must do, run on the real county boundaries. Each store's test
 * extends this and says how to open a fresh store.
 */
public abstract class FeatureStoreContract {

    static final BoundarySet BOUNDARIES = BoundaryFiles.fromClasspath();
    protected static final List<Field> FIELDS = List.of(
            new Field("adcode", Field.Type.STRING, "code"),
            new Field("name", Field.Type.STRING, "name"),
            new Field("areaKm2", Field.Type.REAL, "area"),
            new Field("rank", Field.Type.INTEGER, "position"),
            new Field("seat", Field.Type.BOOLEAN, "is 离石区"),
            new Field("neighbours", Field.Type.JSON, "a list"));
    protected static final LayerInfo LAYER = new LayerInfo("test-counties", "测试", "MULTIPOLYGON", "EPSG:4326",
            "test", 0, List.of(), FIELDS, "v1");

    protected FeatureStore store;

    protected abstract FeatureStore openFresh();

    @BeforeEach
    void open() {
        store = openFresh();
    }

    @AfterEach
    void close() {
        store.close();
    }

    protected static List<Feature> counties() {
        List<Feature> out = new ArrayList<>();
        int rank = 0;
        for (Feature c : BOUNDARIES.counties()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("adcode", c.id());
            p.put("name", c.properties().get("name"));
            p.put("areaKm2", c.properties().get("areaKm2"));
            p.put("rank", (long) rank++);
            p.put("seat", c.id().equals("141102"));
            p.put("neighbours", rank % 2 == 0 ? List.of("a", "b") : null);
            out.add(new Feature(c.id(), c.geometry(), p));
        }
        return out;
    }

    /** The same features in the same order: ids, properties and geometries to the last bit. */
    public static void assertSameFeatures(List<Feature> actual, List<Feature> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).id()).isEqualTo(expected.get(i).id());
            assertThat(actual.get(i).properties()).isEqualTo(expected.get(i).properties());
            assertThat(actual.get(i).geometry().equalsExact(expected.get(i).geometry())).as(expected.get(i).id()).isTrue();
        }
    }

    protected List<Feature> readAll(FeatureQuery q) {
        List<Feature> out = new ArrayList<>();
        out.addAll(store.query(q).toList());
        return out;
    }

    /** What the ledger keeps between starts: text under a key, replaced whole, beside the layers. */
    @Test
    void derivedTextIsKeptAndReplaced() {
        assertThat(store.derived("control-line-ledger")).isEmpty();
        String ledger = "[a=1, b=-]\n141181\t孝义市\t141100\t吕梁市\t9.412345678901234E8";
        store.keepDerived("control-line-ledger", ledger);
        store.keepDerived("other", "x");
        assertThat(store.derived("control-line-ledger")).contains(ledger);
        store.keepDerived("control-line-ledger", "[a=2]");
        assertThat(store.derived("control-line-ledger")).contains("[a=2]");
        assertThat(store.derived("other")).contains("x");
        assertThat(store.layers()).as("no layer").isEmpty();
    }

    @Test
    void whatIsWrittenIsReadBackExactly() {
        List<Feature> written = counties();
        store.replace(LAYER, written);
        List<Feature> read = readAll(FeatureQuery.of(LAYER.id()));
        assertThat(read).hasSize(117);
        assertSameFeatures(read, written);
    }

    @Test
    void theCatalogEntryRecordsCountExtentAndCrs() {
        store.replace(LAYER, counties());
        LayerInfo info = store.layer(LAYER.id()).orElseThrow();
        assertThat(info.featureCount()).isEqualTo(117);
        assertThat(info.crs()).isEqualTo("EPSG:4326");
        assertThat(info.fields()).isEqualTo(FIELDS);
        assertThat(info.bbox().get(0)).isBetween(110.1, 110.3);
        assertThat(info.bbox().get(3)).isBetween(40.6, 40.8);
        assertThat(store.layers()).extracting(LayerInfo::id).containsExactly(LAYER.id());
        assertThat(store.layer("nope")).isEmpty();
    }

    @Test
    void bboxLimitAndOffsetSelect() {
        store.replace(LAYER, counties());
        // A small box on 孝义市's town: 孝义 itself and no county of 大同 (north of 39.5°).
        FeatureQuery near = FeatureQuery.of(LAYER.id()).bbox(new Envelope(111.77, 111.79, 37.14, 37.15));
        List<Feature> hits = readAll(near);
        assertThat(hits).extracting(Feature::id).contains("141181").allSatisfy(id -> assertThat(id).doesNotStartWith("1402"));
        assertThat(store.count(near)).isEqualTo(hits.size());
        List<Feature> page = readAll(FeatureQuery.of(LAYER.id()).limit(10).offset(20));
        assertThat(page).extracting(Feature::id).containsExactlyElementsOf(
                counties().subList(20, 30).stream().map(Feature::id).toList());
        assertThat(store.count(FeatureQuery.of(LAYER.id()).limit(10).offset(20))).isEqualTo(117);
    }

    /** The ledger's read: the same features as with their properties, geometries to the last bit, properties none. */
    @Test
    void aQueryWithoutPropertiesLeavesThemOut() {
        store.replace(LAYER, counties());
        FeatureQuery box = FeatureQuery.of(LAYER.id()).bbox(new Envelope(111, 112, 37, 37.5));
        List<Feature> full = readAll(box);
        List<Feature> bare = readAll(box.withoutProperties());
        assertThat(bare).hasSize(11).allSatisfy(f -> assertThat(f.properties()).isEmpty());
        assertSameFeatures(bare, full.stream().map(f -> new Feature(f.id(), f.geometry(), Map.of())).toList());
        assertThat(readAll(FeatureQuery.of(LAYER.id()).withoutProperties().adcodePrefix("1411")))
                .extracting(Feature::id).containsExactlyElementsOf(readAll(FeatureQuery.of(LAYER.id()).adcodePrefix("1411"))
                        .stream().map(Feature::id).toList()).isNotEmpty();
    }

    /**
     * The OGC items page's read: the same features, in the same order and with the same properties, none carrying a
     * geometry, whether the box is tested (bbox) or the rows are paged in SQL.
     */
    @Test
    void aQueryWithoutGeometryLeavesItOut() {
        store.replace(LAYER, counties());
        for (FeatureQuery q : List.of(FeatureQuery.of(LAYER.id()).bbox(new Envelope(111, 112, 37, 37.5)),
                FeatureQuery.of(LAYER.id()).adcodePrefix("1411").limit(5).offset(2))) {
            List<Feature> full = readAll(q);
            List<Feature> listed = readAll(q.withoutGeometry());
            assertThat(listed).as(q.toString()).isNotEmpty().allSatisfy(f -> assertThat(f.geometry()).isNull());
            assertThat(listed).as(q.toString())
                    .containsExactlyElementsOf(full.stream().map(f -> new Feature(f.id(), null, f.properties())).toList());
            assertThat(store.count(q.withoutGeometry())).isEqualTo(store.count(q));
        }
    }

    /**
     * bbox means the geometry intersects the box (OGC API – Features), not that the boxes overlap: 沁源县's box
     * reaches into 111,37,112,37.5 but its polygon stays 0.06° away. GDAL ({@code ogrinfo -spat 111 37 112 37.5}
     * on data/boundaries/counties.geojson) answers the same 11 counties.
     */
    @Test
    void bboxKeepsOnlyGeometriesThatIntersectTheBox() {
        store.replace(LAYER, counties());
        FeatureQuery box = FeatureQuery.of(LAYER.id()).bbox(new Envelope(111, 112, 37, 37.5));
        List<Feature> hits = readAll(box);
        assertThat(hits).hasSize(11).extracting(f -> f.properties().get("name")).doesNotContain("沁源县")
                .contains("孝义市");
        Feature qinyuan = counties().stream().filter(f -> f.properties().get("name").equals("沁源县")).findFirst().orElseThrow();
        assertThat(qinyuan.geometry().getEnvelopeInternal().intersects(new Envelope(111, 112, 37, 37.5)))
                .as("its box does reach in").isTrue();
        assertThat(store.count(box)).isEqualTo(11);
        // Paging counts what intersects: the second page of four is the answer's fifth to eighth.
        assertThat(readAll(box.limit(4).offset(4))).extracting(Feature::id)
                .containsExactlyElementsOf(hits.subList(4, 8).stream().map(Feature::id).toList());
        assertThat(store.count(box.limit(4).offset(4))).isEqualTo(11);
        assertThat(readAll(box.offset(11))).isEmpty();
    }

    /**
     * A CQL2 filter selects in the store's SQL exactly what the resident layers' Java evaluation selects, for every
     * kind of condition, with some names and ranks null (SQL's unknown: {@code NOT name = 'x'} keeps no feature
     * without a name in either).
     */
    @Test
    void cql2FiltersSelectInSqlWhatJavaSelects() {
        List<Feature> written = countiesWithGaps();
        store.replace(LAYER, written);
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("name = '孝义市'", 1);
        expected.put("'孝义市' = name", 1);
        expected.put("NOT name = '孝义市'", 117 - 1 - 11);
        expected.put("name IS NULL", 11);
        expected.put("name IS NOT NULL AND rank IS NULL", -1);
        expected.put("areaKm2 > 1500 AND rank < 50", -1);
        expected.put("name LIKE '%县' OR seat = TRUE", -1);
        expected.put("NOT name LIKE '孝%'", -1);
        expected.put("name LIKE '_义_'", -1);
        expected.put("name like '%区'", -1);
        expected.put("adcode IN ('141181', '141102', '140105', '999999')", 3);
        expected.put("adcode NOT IN ('141181', '141102')", 115);
        expected.put("rank BETWEEN 10 AND 20", -1);
        expected.put("rank NOT BETWEEN 10.5 AND 100", -1);
        expected.put("adcode >= '1411' AND adcode < '1412'", 13);
        expected.put("name > '孝' OR name <= '大同'", -1);
        expected.put("seat <> TRUE", 116);
        expected.put("S_INTERSECTS(geometry, POINT(111.78 37.14))", 1);
        expected.put("S_INTERSECTS(geometry, LINESTRING(111 37, 112 37.5)) AND NOT S_INTERSECTS(geometry, "
                + "POINT(111.78 37.14))", -1);
        expected.put("S_INTERSECTS(geometry, BBOX(111, 37, 112, 37.5)) OR adcode LIKE '1402%'", -1);
        expected.put("NOT (S_INTERSECTS(geometry, POLYGON((110 36, 114 36, 114 40, 110 40, 110 36))) OR rank > 100)", -1);
        expected.forEach((cql, count) -> {
            org.planmap.store.filter.Filter filter = org.planmap.store.filter.Cql2Text.parse(cql);
            FeatureQuery q = FeatureQuery.of(LAYER.id()).filter(filter);
            List<String> inJava = written.stream().filter(org.planmap.store.filter.FilterPredicate.of(filter))
                    .map(Feature::id).toList();
            assertThat(readAll(q)).as(cql).extracting(Feature::id).containsExactlyElementsOf(inJava);
            assertThat(store.count(q)).as(cql).isEqualTo(inJava.size());
            if (count >= 0) {
                assertThat(inJava).as(cql).hasSize(count);
            } else {
                assertThat(inJava).as(cql + " selects some but not all").isNotEmpty().hasSizeLessThan(117);
            }
        });
        assertThat(readAll(FeatureQuery.of(LAYER.id()).filter(org.planmap.store.filter.Cql2Text.parse(
                "S_INTERSECTS(geometry, POINT(111.78 37.14))")))).extracting(f -> f.properties().get("name"))
                .containsExactly("孝义市");
    }

    /** The filter goes with the bbox, the division prefix and paging: the page is of what all of them keep. */
    @Test
    void aFilterCombinesWithBboxPrefixAndPaging() {
        List<Feature> written = countiesWithGaps();
        store.replace(LAYER, written);
        org.planmap.store.filter.Filter filter = org.planmap.store.filter.Cql2Text.parse("rank >= 30 OR name LIKE '%市'");
        Envelope box = new Envelope(110.5, 113.5, 36, 39);
        FeatureQuery q = FeatureQuery.of(LAYER.id()).filter(filter).bbox(box).adcodePrefix("14");
        List<String> all = readAll(q).stream().map(Feature::id).toList();
        List<String> expected = written.stream().filter(org.planmap.store.filter.FilterPredicate.of(filter))
                .filter(f -> f.geometry() != null && f.geometry().intersects(new org.locationtech.jts.geom.GeometryFactory()
                        .toGeometry(box))).map(Feature::id).toList();
        assertThat(all).isEqualTo(expected).hasSizeGreaterThan(8);
        assertThat(readAll(q.limit(3).offset(5))).extracting(Feature::id).containsExactlyElementsOf(all.subList(5, 8));
        assertThat(store.count(q.limit(3).offset(5))).isEqualTo(all.size());
    }

    /**
     * A filter is answered where the features are, never by loading the layer and testing every feature: asked
     * through {@link org.planmap.layer.LayerService} (the one road of /api, /ogc and the exports) for a page of a
     * layer too large to be kept resident, the store receives the filter with every query and count, and its
     * cursors hand over only the matching rows, 6 of 6000.
     */
    @Test
    void aFilteredPageReadsOnlyTheMatchingRowsFromTheStore() {
        LayerInfo grid = new LayerInfo("test-grid", "格网", "POLYGON", "EPSG:4326", "test", 0, List.of(), FIELDS, "v1");
        List<Feature> cells = new ArrayList<>();
        org.locationtech.jts.geom.GeometryFactory geometries = new org.locationtech.jts.geom.GeometryFactory();
        for (int i = 0; i < 6000; i++) {   // over ResidentLayers.MAX_FEATURES (5000): read from the store each time
            double x = 110 + (i % 100) * 0.04;
            double y = 35 + (i / 100) * 0.06;
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("adcode", "14" + i);
            p.put("name", "格" + i);
            p.put("areaKm2", 10.0 + i);
            p.put("rank", (long) i);
            p.put("seat", i % 1000 == 0);
            p.put("neighbours", null);
            cells.add(new Feature(String.valueOf(i), geometries.toGeometry(new Envelope(x, x + 0.03, y, y + 0.05)), p));
        }
        store.replace(grid, cells);
        List<FeatureQuery> asked = new ArrayList<>();
        int[] handedOver = {0};
        FeatureStore spy = (FeatureStore) java.lang.reflect.Proxy.newProxyInstance(FeatureStore.class.getClassLoader(),
                new Class<?>[] {FeatureStore.class}, (proxy, method, args) -> {
                    Object answer;
                    try {
                        answer = method.invoke(store, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (args != null && args.length == 1 && args[0] instanceof FeatureQuery q) {
                        asked.add(q);
                    }
                    return answer instanceof FeatureCursor cursor ? cursor.map(f -> {
                        handedOver[0]++;
                        return f;
                    }) : answer;
                });
        org.planmap.store.filter.Filter filter = org.planmap.store.filter.Cql2Text.parse(
                "rank BETWEEN 100 AND 104 OR S_INTERSECTS(geometry, POINT(113.97 38.57))");
        org.planmap.layer.LayerService layers = new org.planmap.layer.LayerService(spy);
        List<String> ids;
        try (org.planmap.layer.FeaturePage page = layers.page(FeatureQuery.of(grid.id()).filter(filter).limit(10))) {
            ids = page.features().toList().stream().map(Feature::id).toList();
            assertThat(page.matched()).hasValue(6);
        }
        assertThat(ids).containsExactly("100", "101", "102", "103", "104", "5999");
        assertThat(asked).as("every read of the grid carried the filter").isNotEmpty()
                .allSatisfy(q -> assertThat(q.filter()).isEqualTo(filter));
        assertThat(handedOver[0]).as("features the store handed over").isEqualTo(6);
        assertThat(layers.count(FeatureQuery.of(grid.id()).filter(org.planmap.store.filter.Cql2Text.parse(
                "name LIKE '格59%' AND seat = FALSE")))).isEqualTo(111);   // 格59, 格590-599, 格5900-5999
        assertThat(handedOver[0]).as("a count hands over no feature").isEqualTo(6);
    }

    /** The counties with every tenth name (11, 孝义市's kept) and every eighth rank left null. */
    private static List<Feature> countiesWithGaps() {
        List<Feature> out = new ArrayList<>();
        for (Feature f : counties()) {
            Map<String, Object> p = new LinkedHashMap<>(f.properties());
            long rank = (Long) p.get("rank");
            if (rank % 10 == 5 && !f.id().equals("141181")) {
                p.put("name", null);
            }
            if (rank % 8 == 3) {
                p.put("rank", null);
            }
            out.add(new Feature(f.id(), f.geometry(), p));
        }
        return out;
    }

    /** A cursor gives its read connection back on close, read to the end or not: many more than the store holds. */
    @Test
    void cursorsGiveTheirConnectionBackWhenClosed() {
        store.replace(LAYER, counties());
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 40; i++) {
                try (FeatureCursor c = store.query(FeatureQuery.of(LAYER.id()))) {
                    assertThat(c.next().id()).isEqualTo(counties().get(0).id());
                }
            }
            for (int i = 0; i < 40; i++) {
                assertThat(store.query(FeatureQuery.of(LAYER.id()).limit(3)).toList()).hasSize(3);
            }
        });
    }

    /** A cursor reads the version it started on to its end, while a replace commits beside it. */
    @Test
    void aCursorReadsOneVersionWhileAReplaceCommits() throws Exception {
        store.replace(LAYER, counties());
        Thread replace;
        int read = 0;
        try (FeatureCursor c = store.query(FeatureQuery.of(LAYER.id()))) {
            c.next();
            read++;
            replace = new Thread(() -> store.replace(LAYER, counties().subList(0, 5)));
            replace.start();
            replace.join(2_000);   // the embedded store commits now; PostGIS waits for the cursor's lock to go
            while (c.hasNext()) {
                c.next();
                read++;
            }
        }
        replace.join(30_000);
        assertThat(replace.isAlive()).isFalse();
        assertThat(read).isEqualTo(117);
        assertThat(readAll(FeatureQuery.of(LAYER.id()))).hasSize(5);
    }

    @Test
    void adcodePrefixSelectsOneCitysUnitsAlongsideTheBbox() {
        store.replace(LAYER, counties());
        // 吕梁市 has 13 county-level units, 1411xx; 孝义市 is one of them.
        FeatureQuery luliang = FeatureQuery.of(LAYER.id()).adcodePrefix("1411");
        assertThat(readAll(luliang)).hasSize(13).extracting(Feature::id).allSatisfy(id -> assertThat(id).startsWith("1411"));
        assertThat(store.count(luliang)).isEqualTo(13);
        FeatureQuery xiaoyiTown = FeatureQuery.of(LAYER.id()).bbox(new Envelope(111.77, 111.79, 37.14, 37.15)).adcodePrefix("1411");
        assertThat(readAll(xiaoyiTown)).extracting(Feature::id).contains("141181").allSatisfy(id -> assertThat(id).startsWith("1411"));
        assertThat(readAll(FeatureQuery.of(LAYER.id()).adcodePrefix("1411").limit(5).offset(10))).hasSize(3);
        assertThat(readAll(FeatureQuery.of(LAYER.id()).adcodePrefix("1499"))).isEmpty();
    }

    @Test
    void oneFeatureIsFoundByItsIdAndNoOtherIs() {
        store.replace(LAYER, counties());
        List<Feature> xiaoyi = readAll(FeatureQuery.byId(LAYER.id(), "141181"));
        assertThat(xiaoyi).singleElement().satisfies(f -> assertThat(f.properties().get("name")).isEqualTo("孝义市"));
        assertThat(store.count(FeatureQuery.byId(LAYER.id(), "141181"))).isEqualTo(1);
        // An id is matched whole: neither a prefix nor a LIKE pattern finds anything.
        assertThat(readAll(FeatureQuery.byId(LAYER.id(), "1411"))).isEmpty();
        assertThat(readAll(FeatureQuery.byId(LAYER.id(), "14118%"))).isEmpty();
        assertThat(store.count(FeatureQuery.byId(LAYER.id(), "nope"))).isZero();
        // Combined with the other filters, it is one more condition.
        assertThat(readAll(FeatureQuery.of(LAYER.id()).adcodePrefix("1402").featureId("141181"))).isEmpty();
    }

    @Test
    void replacingServesTheNewVersionOnly() {
        store.replace(LAYER, counties());
        store.replace(LAYER.withContents(0, List.of(), "v2"), counties().subList(0, 5));
        assertThat(readAll(FeatureQuery.of(LAYER.id()))).hasSize(5);
        assertThat(store.layer(LAYER.id()).orElseThrow().version()).isEqualTo("v2");
    }

    @Test
    void aFailedReplaceLeavesThePreviousVersion() {
        store.replace(LAYER, counties());
        List<Feature> broken = new ArrayList<>(counties());
        Map<String, Object> bad = new LinkedHashMap<>(broken.get(50).properties());
        bad.put("rank", "not a number");
        broken.set(50, new Feature(broken.get(50).id(), broken.get(50).geometry(), bad));
        assertThatThrownBy(() -> store.replace(LAYER.withContents(0, List.of(), "v2"), broken))
                .isInstanceOf(StoreException.class).hasMessageContaining(LAYER.id());
        assertThat(readAll(FeatureQuery.of(LAYER.id()))).hasSize(117);
        assertThat(store.layer(LAYER.id()).orElseThrow().version()).isEqualTo("v1");
    }

    @Test
    void aSourceThatFailsMidwayLeavesThePreviousVersionAndItsOwnError() {
        store.replace(LAYER, counties());
        IllegalStateException refusal = new IllegalStateException("the file ends early");
        List<Feature> all = counties();
        FeatureSource failing = sink -> {
            all.subList(0, 60).forEach(sink);
            throw refusal;
        };
        assertThatThrownBy(() -> store.replace(LAYER.withContents(0, List.of(), "v2"), failing)).isSameAs(refusal);
        assertThat(readAll(FeatureQuery.of(LAYER.id()))).hasSize(117);
        assertThat(store.layer(LAYER.id()).orElseThrow().version()).isEqualTo("v1");
        assertThat(store.layers()).hasSize(1);
    }

    @Test
    void aStreamedLayerIsDescribedByWhatWasWritten() {
        List<Feature> some = counties().subList(10, 30);
        store.replace(LAYER, sink -> some.forEach(sink));
        LayerInfo stored = store.layer(LAYER.id()).orElseThrow();
        assertThat(stored.featureCount()).isEqualTo(20);
        Envelope extent = new Envelope();
        some.forEach(f -> extent.expandToInclude(f.geometry().getEnvelopeInternal()));
        assertThat(stored.bbox()).containsExactly(extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY());
        assertThat(stored.version()).isEqualTo(LAYER.version());
    }

    /**
     * Readers go on while a replace is half-written (the source waits until they have read), and each read
     * sees a whole version: the old 117 features or the new 5, never a mix.
     */
    @Test
    void readersAreServedWholeVersionsWhileAReplaceIsWriting() throws Exception {
        store.replace(LAYER, counties());
        List<Feature> next = counties().subList(0, 5);
        CountDownLatch readDuringWrite = new CountDownLatch(8);
        AtomicBoolean writing = new AtomicBoolean(true);
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                readers.add(pool.submit(() -> {
                    while (writing.get()) {
                        seen.add(readAll(FeatureQuery.of(LAYER.id())).size());
                        readDuringWrite.countDown();
                    }
                    return null;
                }));
            }
            store.replace(LAYER.withContents(0, List.of(), "v2"), sink -> {
                next.subList(0, 2).forEach(sink);
                try {
                    assertThat(readDuringWrite.await(60, TimeUnit.SECONDS)).as("reads answered during the write").isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                next.subList(2, 5).forEach(sink);
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!seen.contains(5) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            writing.set(false);
            for (Future<?> r : readers) {
                r.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        assertThat(seen).containsExactlyInAnyOrder(117, 5);
    }

    /** Issue 15 finding 3: names that close a quote or open a comment are stored as names, not as SQL. */
    @Test
    void fieldNamesWithQuotesAndCommentMarksAreOnlyNames() {
        List<Field> fields = List.of(new Field("a\"/*", Field.Type.STRING, null),
                new Field("*/, \"b", Field.Type.INTEGER, null), new Field("c", Field.Type.STRING, null));
        LayerInfo layer = new LayerInfo("odd-names", "odd", "MULTIPOLYGON", "EPSG:4326", "test", 0, List.of(), fields,
                "v1");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("a\"/*", "x");
        p.put("*/, \"b", 7L);
        p.put("c", "y");
        List<Feature> written = List.of(new Feature("1", counties().get(0).geometry(), p));
        store.replace(layer, written);
        assertThat(store.layer("odd-names").orElseThrow().fields()).extracting(Field::name)
                .containsExactly("a\"/*", "*/, \"b", "c");
        assertSameFeatures(readAll(FeatureQuery.of("odd-names")), written);
    }

    @Test
    void aFeatureWithoutGeometryIsKept() {
        List<Feature> features = new ArrayList<>(counties().subList(0, 3));
        features.add(new Feature("nowhere", null, counties().get(3).properties()));
        store.replace(LAYER, features);
        List<Feature> read = readAll(FeatureQuery.of(LAYER.id()));
        assertThat(read).hasSize(4);
        assertThat(read.get(3).geometry()).isNull();
        assertThat(readAll(FeatureQuery.of(LAYER.id()).bbox(new Envelope(100, 120, 30, 45)))).hasSize(3);
    }

    @Test
    void aDeletedLayerIsGoneAndDeletingTwiceIsHarmless() {
        store.replace(LAYER, counties());
        store.delete(LAYER.id());
        assertThat(store.layer(LAYER.id())).isEmpty();
        assertThat(store.layers()).isEmpty();
        assertThatThrownBy(() -> store.query(FeatureQuery.of(LAYER.id())).close()).isInstanceOf(StoreException.class);
        store.delete(LAYER.id());
        store.replace(LAYER, counties().subList(0, 2));
        assertThat(readAll(FeatureQuery.of(LAYER.id()))).hasSize(2);
    }

    @Test
    void anUnknownLayerIsAClearError() {
        assertThatThrownBy(() -> store.query(FeatureQuery.of("nope")).close())
                .isInstanceOf(StoreException.class).hasMessageContaining("nope");
    }

    private static java.util.function.Supplier<VersionNote> note(String action, String file) {
        return () -> new VersionNote(action, "wang", file, file == null ? null : "sha-" + file, "GeoJSON", "EPSG:4326", 1, 0);
    }

    private LayerInfo contents(String hash) {
        return LAYER.withContents(0, List.of(), hash);
    }

    @Test
    void aReplaceWithANoteKeepsThePreviousVersionReadable() {
        List<Feature> first = counties();
        List<Feature> second = counties().subList(0, 10);
        store.replace(contents("h1"), FeatureSource.of(first), note(VersionNote.DEMO, null));
        store.replace(contents("h2"), FeatureSource.of(second), note(VersionNote.IMPORT, "a.geojson"));

        List<LayerVersion> versions = store.versions(LAYER.id());
        assertThat(versions).extracting(LayerVersion::version).containsExactly(2, 1);
        assertThat(versions).extracting(LayerVersion::current).containsExactly(true, false);
        assertThat(versions.get(0).note()).isEqualTo(note(VersionNote.IMPORT, "a.geojson").get());
        assertThat(versions.get(1).note().action()).isEqualTo(VersionNote.DEMO);
        assertThat(versions.get(1).layer().version()).isEqualTo("h1");
        assertThat(versions.get(1).layer().featureCount()).isEqualTo(117);
        assertThat(versions.get(0).created()).isAfterOrEqualTo(versions.get(1).created());

        assertSameFeatures(readAll(FeatureQuery.of(LAYER.id()).version(1)), first);
        assertSameFeatures(readAll(FeatureQuery.of(LAYER.id()).version(2)), second);
        assertSameFeatures(readAll(FeatureQuery.of(LAYER.id())), second);
        Envelope xiaoyi = new Envelope(111.77, 111.79, 37.14, 37.15);
        assertThat(store.count(FeatureQuery.of(LAYER.id()).version(1).bbox(xiaoyi)))
                .isEqualTo(readAll(FeatureQuery.of(LAYER.id()).version(1).bbox(xiaoyi)).size()).isPositive();
        assertThatThrownBy(() -> store.query(FeatureQuery.of(LAYER.id()).version(3)).close())
                .isInstanceOf(UnknownVersionException.class);
    }

    @Test
    void aRestoreIsANewVersionWithTheSameFeaturesAndHash() {
        List<Feature> first = counties();
        store.replace(contents("h1"), FeatureSource.of(first), note(VersionNote.IMPORT, "a.geojson"));
        store.replace(contents("h2"), FeatureSource.of(first.subList(0, 5)), note(VersionNote.IMPORT, "b.geojson"));
        store.restore(LAYER.id(), 1, note(VersionNote.IMPORT, "a.geojson").get().restoredBy("li"));

        assertThat(store.layer(LAYER.id()).orElseThrow().version()).isEqualTo("h1");
        assertThat(store.layer(LAYER.id()).orElseThrow().featureCount()).isEqualTo(117);
        assertSameFeatures(readAll(FeatureQuery.of(LAYER.id())), first);
        List<LayerVersion> versions = store.versions(LAYER.id());
        assertThat(versions).extracting(LayerVersion::version).containsExactly(3, 2, 1);
        assertThat(versions).extracting(LayerVersion::current).containsExactly(true, false, false);
        assertThat(versions.get(0).note().action()).isEqualTo(VersionNote.RESTORE);
        assertThat(versions.get(0).note().user()).isEqualTo("li");
        assertThat(versions.get(0).note().fileName()).isEqualTo("a.geojson");
        assertSameFeatures(readAll(FeatureQuery.of(LAYER.id()).version(3)), first);
        assertThatThrownBy(() -> store.restore(LAYER.id(), 9, versions.get(0).note()))
                .isInstanceOf(UnknownVersionException.class);
        assertThat(store.versions(LAYER.id())).hasSize(3);
    }

    @Test
    void pruningKeepsTheNewestAndAlwaysTheCurrent() {
        for (int i = 1; i <= 4; i++) {
            store.replace(contents("h" + i), FeatureSource.of(counties().subList(0, i)), note(VersionNote.IMPORT, i + ".geojson"));
        }
        store.prune(LAYER.id(), 2);
        assertThat(store.versions(LAYER.id())).extracting(LayerVersion::version).containsExactly(4, 3);
        assertThatThrownBy(() -> store.query(FeatureQuery.of(LAYER.id()).version(1)).close())
                .isInstanceOf(UnknownVersionException.class);

        // the current one is kept even when it is not among the newest: here the last write kept no version
        store.restore(LAYER.id(), 3, note(VersionNote.IMPORT, "3.geojson").get().restoredBy("li"));
        store.replace(contents("plain"), FeatureSource.of(counties().subList(0, 7)), note(VersionNote.IMPORT, "6.geojson"));
        store.restore(LAYER.id(), 4, note(VersionNote.IMPORT, "4.geojson").get().restoredBy("li"));
        store.prune(LAYER.id(), 1);
        assertThat(store.versions(LAYER.id())).extracting(LayerVersion::version).containsExactly(7);
        assertThat(readAll(FeatureQuery.of(LAYER.id()))).hasSize(4);
        // version 4's table is shared with the restore (7): pruning 4 must not take the rows of 7 with it
        assertThat(readAll(FeatureQuery.of(LAYER.id()).version(7))).hasSize(4);

        store.prune(LAYER.id(), 1);
        store.replace(contents("plain"), counties().subList(0, 2));
        assertThat(store.versions(LAYER.id())).extracting(LayerVersion::current).containsExactly(false);
        store.prune(LAYER.id(), 1);
        assertThat(readAll(FeatureQuery.of(LAYER.id()).version(7))).as("a kept version outlives a plain replace").hasSize(4);
    }

    @Test
    void aDeletedLayerKeepsItsVersionsNoneCurrent() {
        store.replace(contents("h1"), FeatureSource.of(counties()), note(VersionNote.IMPORT, "a.geojson"));
        store.delete(LAYER.id());
        assertThat(store.layer(LAYER.id())).isEmpty();
        assertThat(store.versions(LAYER.id())).extracting(LayerVersion::current).containsExactly(false);
        assertThat(readAll(FeatureQuery.of(LAYER.id()).version(1))).hasSize(117);
        store.restore(LAYER.id(), 1, note(VersionNote.IMPORT, "a.geojson").get().restoredBy("li"));
        assertThat(store.layer(LAYER.id()).orElseThrow().featureCount()).isEqualTo(117);
        assertThat(store.versions(LAYER.id())).extracting(LayerVersion::current).containsExactly(true, false);
    }

    @Test
    void aFailedVersionedReplaceLeavesNoVersion() {
        store.replace(contents("h1"), FeatureSource.of(counties()), note(VersionNote.IMPORT, "a.geojson"));
        assertThatThrownBy(() -> store.replace(contents("h2"), sink -> {
            sink.accept(counties().get(0));
            throw new IllegalStateException("the file ends early");
        }, note(VersionNote.IMPORT, "b.geojson"))).isInstanceOf(IllegalStateException.class);
        assertThat(store.versions(LAYER.id())).extracting(LayerVersion::version).containsExactly(1);
        assertThat(store.versions(LAYER.id()).get(0).current()).isTrue();
        assertThat(store.versions("other")).isEmpty();
    }

    @Test
    void aLayerStoredWithoutVersionsIsKeptOnceAsItsFirstVersion() {
        store.replace(contents("old"), counties());
        store.keepCurrent(LAYER.id(), VersionNote.generated(VersionNote.IMPORT, VersionNote.SYSTEM));
        store.keepCurrent(LAYER.id(), VersionNote.generated(VersionNote.IMPORT, VersionNote.SYSTEM));
        store.keepCurrent("absent", VersionNote.generated(VersionNote.IMPORT, VersionNote.SYSTEM));
        assertThat(store.versions(LAYER.id())).extracting(LayerVersion::version).containsExactly(1);
        store.replace(contents("new"), FeatureSource.of(counties().subList(0, 1)), note(VersionNote.IMPORT, "a.geojson"));
        assertThat(store.versions(LAYER.id())).extracting(LayerVersion::current).containsExactly(true, false);
        assertSameFeatures(readAll(FeatureQuery.of(LAYER.id()).version(1)), counties());
        assertThat(store.versions("absent")).isEmpty();
    }
}

package org.planmap;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import org.planmap.boundary.BoundaryFiles;
import org.planmap.boundary.BoundarySet;
import org.planmap.controlline.ControlLine;
import org.planmap.controlline.DemoControlLinePublisher;
import org.planmap.controlline.DemoControlLines;
import org.planmap.controlline.DemoScale;
import org.planmap.layer.LayerContent;
import org.planmap.layer.LayerPublisher;
import org.planmap.layer.LayerWriter;
import org.planmap.plan.CountyDirectory;
import org.planmap.plan.PlanLayers;
import org.planmap.plan.PlanTables;
import org.planmap.plan.StructureLayers;
import org.planmap.store.Feature;
import org.planmap.store.FeatureCursor;
import org.planmap.store.FeatureStore;
import org.planmap.store.gpkg.GeoPackageStore;

/**
 * Stores holding real layers, for the tests that read them without a server. Each kind is built once per test JVM
 * (the plan's layers take about a second and a half, the demonstration control lines about three) and every test
 * gets a copy of it, which it may change.
 */
public final class TestStores {

    private static Path planLayers;
    private static Path demonstrationLines;
    private static Map<ControlLine, LayerContent> demonstrationLayers;

    private TestStores() {
    }

    /** A GeoPackage store in {@code dir} with the plan's layers (counties with their tiers, cities, …) published. */
    public static GeoPackageStore withPlanLayers(Path dir) {
        return GeoPackageStore.open(TestDirectories.copy(planLayers(), dir));
    }

    /**
     * A GeoPackage store in {@code dir} with the plan's layers, the structure layers and the demonstration control
     * lines (default seed): what a first start stores before it computes the ledger and draws the overview tiles.
     */
    public static GeoPackageStore withDemonstrationLines(Path dir) {
        return GeoPackageStore.open(TestDirectories.copy(demonstrationLines(), dir));
    }

    /**
     * The demonstration control lines of the default seed and scale as the generator makes them (a few seconds),
     * generated once per test JVM for the tests that only read them.
     */
    public static synchronized Map<ControlLine, LayerContent> demonstrationLayers() {
        if (demonstrationLayers == null) {
            BoundarySet boundaries = BoundaryFiles.fromClasspath();
            demonstrationLayers = Collections.unmodifiableMap(DemoControlLines.generate(boundaries,
                    new CountyDirectory(boundaries, PlanTables.fromClasspath()), DemoControlLines.DEFAULT_SEED,
                    DemoScale.DEFAULT));
        }
        return demonstrationLayers;
    }

    /** What a test does around one call of a store: before, after or instead of {@code proceed}, the real call. */
    @FunctionalInterface
    public interface Around {
        Object call(Method method, Proceed proceed) throws Throwable;
    }

    @FunctionalInterface
    public interface Proceed {
        Object call() throws Throwable;
    }

    /**
     * {@code store} with a test's hand on every call (to hold a read at a door, count cursors, fail as a store that is
     * down); what the real store throws comes out unchanged.
     */
    public static FeatureStore intercepted(FeatureStore store, Around around) {
        return (FeatureStore) Proxy.newProxyInstance(FeatureStore.class.getClassLoader(), new Class<?>[] {FeatureStore.class},
                (proxy, method, args) -> around.call(method, () -> {
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }

    /** {@code cursor}, running {@code then} after it is closed (to see when a read is over). */
    public static FeatureCursor whenClosed(FeatureCursor cursor, Runnable then) {
        return new FeatureCursor() {
            @Override
            public boolean hasNext() {
                return cursor.hasNext();
            }

            @Override
            public Feature next() {
                return cursor.next();
            }

            @Override
            public void close() {
                cursor.close();
                then.run();
            }
        };
    }

    private static synchronized Path planLayers() {
        if (planLayers == null) {
            Path dir = TestDirectories.temporary("planmap-plan-layers-");
            BoundarySet boundaries = BoundaryFiles.fromClasspath();
            PlanTables tables = PlanTables.fromClasspath();
            // Closed before it is copied, so that the copies hold a whole SQLite file.
            try (GeoPackageStore store = GeoPackageStore.open(dir)) {
                LayerPublisher publisher = new LayerPublisher(new LayerWriter(store));
                PlanLayers.all(boundaries, tables, new CountyDirectory(boundaries, tables)).forEach(publisher::publish);
            }
            planLayers = dir;
        }
        return planLayers;
    }

    /** The directory {@link #withDemonstrationLines} copies, made on first use. */
    static synchronized Path demonstrationLines() {
        if (demonstrationLines == null) {
            Path dir = TestDirectories.temporary("planmap-demonstration-lines-");
            BoundarySet boundaries = BoundaryFiles.fromClasspath();
            PlanTables tables = PlanTables.fromClasspath();
            try (GeoPackageStore store = withPlanLayers(dir)) {
                LayerWriter writer = new LayerWriter(store);
                new StructureLayers(boundaries).all(tables).forEach(new LayerPublisher(writer)::publish);
                new DemoControlLinePublisher(writer).publish(boundaries, new CountyDirectory(boundaries, tables),
                        DemoControlLines.DEFAULT_SEED);
            }
            demonstrationLines = dir;
        }
        return demonstrationLines;
    }
}

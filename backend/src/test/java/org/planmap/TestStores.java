package org.planmap;

import java.nio.file.Path;
import org.planmap.boundary.BoundaryFiles;
import org.planmap.boundary.BoundarySet;
import org.planmap.layer.LayerPublisher;
import org.planmap.layer.LayerWriter;
import org.planmap.plan.CountyDirectory;
import org.planmap.plan.PlanLayers;
import org.planmap.plan.PlanTables;
import org.planmap.store.gpkg.GeoPackageStore;

/** Stores holding real layers, for the tests that read them without a server. */
public final class TestStores {

    private TestStores() {
    }

    /** A GeoPackage store in {@code dir} with the plan's layers (counties with their tiers, cities, …) published. */
    public static GeoPackageStore withPlanLayers(Path dir) {
        BoundarySet boundaries = BoundaryFiles.fromClasspath();
        PlanTables tables = PlanTables.fromClasspath();
        GeoPackageStore store = GeoPackageStore.open(dir);
        LayerPublisher publisher = new LayerPublisher(new LayerWriter(store));
        PlanLayers.all(boundaries, tables, new CountyDirectory(boundaries, tables)).forEach(publisher::publish);
        return store;
    }
}

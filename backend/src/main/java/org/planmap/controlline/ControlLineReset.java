package org.planmap.controlline;

import org.planmap.boundary.BoundarySet;
import org.planmap.plan.CountyDirectory;
import org.planmap.store.FeatureStore;

/**
 * What deleting a control line means: the imported file goes, and the line falls back to the demonstration
 * set, so the map and the ledger never show a line as simply missing.
 */
public final class ControlLineReset {

    private final FeatureStore store;
    private final BoundarySet boundaries;
    private final CountyDirectory directory;
    private final LedgerService ledger;
    private final Runnable afterReset;

    /** @param afterReset told once the line and the ledger are back in step (e.g. to draw tiles ahead) */
    public ControlLineReset(FeatureStore store, BoundarySet boundaries, CountyDirectory directory, LedgerService ledger,
            Runnable afterReset) {
        this.store = store;
        this.boundaries = boundaries;
        this.directory = directory;
        this.ledger = ledger;
        this.afterReset = afterReset;
    }

    public void reset(ControlLine line) {
        store.delete(line.layerId());
        new DemoControlLinePublisher(store).publish(boundaries, directory, DemoControlLines.DEFAULT_SEED);
        ledger.refresh();
        afterReset.run();
    }
}

package org.planmap.controlline;

import org.planmap.boundary.BoundarySet;
import org.planmap.plan.CountyDirectory;
import org.planmap.store.VersionNote;

/**
 * What deleting a control line means: the imported file goes, and the line falls back to the demonstration
 * set in one replace, so the map and the ledger never show a line as simply missing. The ledger and the
 * overview tiles follow as after any change of a layer ({@link org.planmap.layer.LayerWriter}).
 */
public final class ControlLineReset {

    private final DemoControlLinePublisher demonstration;
    private final BoundarySet boundaries;
    private final CountyDirectory directory;

    public ControlLineReset(DemoControlLinePublisher demonstration, BoundarySet boundaries, CountyDirectory directory) {
        this.demonstration = demonstration;
        this.boundaries = boundaries;
        this.directory = directory;
    }

    /** The line's previous contents stay as a version; the fallback is version n + 1, a delete by {@code user}. */
    public void reset(ControlLine line, String user) {
        demonstration.replace(line, boundaries, directory, DemoControlLines.DEFAULT_SEED,
                VersionNote.generated(VersionNote.DELETE, user));
    }
}

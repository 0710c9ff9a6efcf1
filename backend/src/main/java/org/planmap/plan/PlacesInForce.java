package org.planmap.plan;

import org.planmap.boundary.BoundarySet;
import org.planmap.layer.LayerChanged;
import org.planmap.layer.LayerWriter;

/**
 * The plan's places as the boundaries in force name and measure them: the documents' place index (which passage
 * names which unit) and the county cards (name, area, tier, passages). Both are made of the {@link CurrentBoundaries}
 * set and made again when it changes, in this listener, subscribed after the holder so that it reads the set the
 * new version of {@code counties} is; a reader never sees cards of other boundaries than the ones in force.
 *
 * <p>What is made is kept with the set it was made of (the DataV set's once for the process: a restore of the DataV
 * version costs nothing), and made on first use: a restart makes only the cards of the set the store holds.
 */
public final class PlacesInForce implements LayerWriter.Listener {

    /** The documents and cards of one boundary set; {@code version} is the {@code counties} version it was read at. */
    public record Made(BoundarySet set, String version, PlanDocuments documents, CountyCards cards) {
    }

    private final CurrentBoundaries boundaries;
    private final PlanDocuments seeds;
    private final PlanTables tables;
    private volatile Made dataV;
    private volatile Made latest;

    /** @param seeds the documents with the DataV units' places, whose seeds every other set's documents share */
    public PlacesInForce(CurrentBoundaries boundaries, PlanDocuments seeds, PlanTables tables) {
        this.boundaries = boundaries;
        this.seeds = seeds;
        this.tables = tables;
    }

    public PlanDocuments documents() {
        return made().documents();
    }

    public CountyCards cards() {
        return made().cards();
    }

    /** What the boundaries in force make, made now if they changed since. */
    public Made made() {
        CurrentBoundaries.Current current = boundaries.current();
        Made m = latest;
        if (m != null && m.set() == current.set()) {
            return m;
        }
        synchronized (this) {
            m = latest;
            if (m == null || m.set() != current.set()) {
                m = make(current);
                latest = m;
            }
            return m;
        }
    }

    /** A new version of the counties: the cards are made now, by the change, not by the next reader. */
    @Override
    public void layerChanged(LayerChanged change) {
        if (PlanLayers.COUNTIES.equals(change.layerId()) && change.newVersion() != null) {
            made();
        }
    }

    private Made make(CurrentBoundaries.Current current) {
        if (!current.official()) {
            Made d = dataV;
            if (d == null || d.set() != current.set()) {
                d = new Made(current.set(), current.version(), seeds,
                        new CountyCards(current.directory(), tables, seeds, current.boundarySource()));
                dataV = d;
            }
            return d;
        }
        PlanDocuments documents = seeds.naming(current.set().units(), tables);
        return new Made(current.set(), current.version(),
                documents, new CountyCards(current.directory(), tables, documents, current.boundarySource()));
    }
}

package org.planmap.layer;

import java.util.concurrent.CancellationException;

/**
 * Work whose client has gone: the thread doing it was interrupted (the web layer does so when it sees the
 * connection closed), and the loops over features stop at the next feature instead of finishing a map image or
 * an export nobody will receive.
 */
public final class Abandoned extends CancellationException {

    private Abandoned() {
        super("the work was interrupted: its client has gone");
    }

    /** Between features: cheap enough for every one (a flag read). */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new Abandoned();
        }
    }
}

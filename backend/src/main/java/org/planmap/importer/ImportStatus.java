package org.planmap.importer;

import java.time.Instant;
import java.util.List;
import org.planmap.ClientFault;

/**
 * Where an import stands, as the job-status endpoint and the viewer's progress bar see it.
 *
 * @param progress 0–1, by stage (reading, reprojecting, validating, storing)
 * @param error    set when {@code state} is FAILED
 * @param report   set when {@code state} is DONE
 */
public record ImportStatus(String id, String layerId, String fileName, State state, double progress, String stage,
        Instant started, Instant finished, Error error, Report report) {

    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /** Why an import failed: {@code fault} names the kind of refusal when the file is at fault, null when the server is. */
    public record Error(String code, String messageZh, String messageEn, ClientFault.Kind fault) {

        public boolean clientError() {
            return fault != null;
        }
    }

    /** What an import stored and changed on the way. */
    public record Report(String format, String sourceCrs, long features, long repaired, long droppedEmpty,
            List<String> notes) {
    }
}

package org.planmap.web;

import java.net.URI;
import org.planmap.importer.ImportStatus;

/**
 * An import the request waited for and saw fail. Thrown rather than answered in the controller so that its problem
 * document comes from {@link ApiErrors} like every other refusal: the status the error's {@code ClientFault} kind
 * names when the file was at fault, 507 or 500 when the server was.
 */
final class ImportFailed extends RuntimeException {

    private final transient ImportStatus status;

    ImportFailed(ImportStatus status) {
        super(status.error().messageEn(), null, false, false);
        this.status = status;
    }

    ImportStatus status() {
        return status;
    }

    /** Where a client polls this job, as the 200 and 202 answers name it. */
    static URI job(ImportStatus status) {
        return URI.create("/api/import-jobs/" + status.id());
    }
}

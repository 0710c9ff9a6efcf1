package org.planmap.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.planmap.account.AuditEntry;
import org.planmap.account.AuditQuery;
import org.planmap.account.AuditTrail;
import org.planmap.encode.CsvWriter;

/** The audit log as a CSV file an auditor opens in Excel: a header, then one row per entry as the trail reads it. */
final class AuditCsv {

    static final List<String> HEADER = List.of("id", "time", "user", "address", "action", "layer", "version",
            "layerVersion", "fileName", "sha256", "status", "outcome", "detail");

    private AuditCsv() {
    }

    /** Writes the entries {@code query} selects to {@code out} as they are read (the log may be long). */
    static void write(AuditTrail trail, AuditQuery query, OutputStream out) throws IOException {
        CsvWriter csv = new CsvWriter(out); // with the BOM Excel needs for UTF-8
        csv.row(HEADER);
        try {
            trail.read(query, e -> {
                try {
                    csv.row(cells(e));
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();   // the client left: what a servlet write says, not a failure of the log
        }
        csv.flush();
    }

    static List<String> cells(AuditEntry e) {
        return List.of(Long.toString(e.id()), e.time().toString(), e.user(), nz(e.address()), e.action(),
                nz(e.layer()), e.version() == null ? "" : e.version().toString(), nz(e.layerVersion()),
                nz(e.fileName()), nz(e.sha256()), Integer.toString(e.status()), e.outcome(), nz(e.detail()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

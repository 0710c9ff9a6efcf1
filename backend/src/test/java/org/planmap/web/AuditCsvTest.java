package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.planmap.account.AuditEntry;
import org.planmap.account.AuditQuery;
import org.planmap.account.AuditTrail;

/** The audit log's CSV file, written without a server from a log of a few entries. */
class AuditCsvTest {

    static final AuditQuery ALL = new AuditQuery(null, null, null, null, 10);

    static AuditEntry entry(long id) {
        return new AuditEntry(id, Instant.parse("2026-12-05T08:00:00Z"), "editor", null, "import",
                "urban-development-boundary", id == 1 ? 3 : null, null, "红线.zip", null, 200, AuditEntry.OK, null);
    }

    /** A log of {@code n} entries that counts how many it was asked for. */
    static AuditTrail log(int n, AtomicInteger read) {
        return new AuditTrail() {
            @Override
            public void append(AuditEntry entry) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void read(AuditQuery query, java.util.function.Consumer<AuditEntry> each) {
                for (int i = 1; i <= n; i++) {
                    read.incrementAndGet();
                    each.accept(entry(i));
                }
            }
        };
    }

    @Test
    void aHeaderThenOneRowPerEntryWithEmptyCellsForWhatIsNotKnown() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditCsv.write(log(2, new AtomicInteger()), ALL, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF" + String.join(",", AuditCsv.HEADER));
        assertThat(text.lines()).hasSize(3);
        assertThat(text.lines().skip(1)).containsExactly(
                "1,2026-12-05T08:00:00Z,editor,,import,urban-development-boundary,3,,红线.zip,,200,ok,",
                "2,2026-12-05T08:00:00Z,editor,,import,urban-development-boundary,,,红线.zip,,200,ok,");
    }

    /** A client that left stops the reading of the log at the failed write, and the write's failure is what is told. */
    @Test
    void aFailedWriteStopsReadingTheLog() {
        AtomicInteger read = new AtomicInteger();
        OutputStream gone = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        assertThatThrownBy(() -> AuditCsv.write(log(100_000, read), ALL, gone)).isInstanceOf(IOException.class)
                .hasMessage("Broken pipe");
        assertThat(read.get()).isLessThan(100_000);
    }
}

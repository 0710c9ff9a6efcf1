package org.planmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    private static FeatureSource numbered(long count, AtomicLong read, AtomicBoolean running) {
        return sink -> {
            running.set(true);
            try {
                for (long i = 0; i < count; i++) {
                    read.incrementAndGet();
                    sink.accept(new Feature("f" + i, null, Map.of()));
                }
            } finally {
                running.set(false);
            }
        };
    }

    @Test
    void everyFeatureArrivesInOrderOnTheCallersThread() {
        List<String> ids = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        new ReadAhead(numbered(10_001, new AtomicLong(), new AtomicBoolean()), "test-read").forEach(f -> {
            ids.add(f.id());
            threads.add(Thread.currentThread());
        });
        assertThat(ids).hasSize(10_001).startsWith("f0", "f1").endsWith("f10000");
        assertThat(threads).containsOnly(Thread.currentThread());
    }

    @Test
    void whatTheSourceThrowsComesOutAsItWasThrown() {
        IllegalStateException refusal = new IllegalStateException("the file holds no usable polygon");
        List<String> written = new ArrayList<>();
        FeatureSource failing = sink -> {
            sink.accept(new Feature("a", null, Map.of()));
            throw refusal;
        };
        assertThatThrownBy(() -> new ReadAhead(failing, "test-read").forEach(f -> written.add(f.id()))).isSameAs(refusal);
        // the batch the failure cut short is never handed over: the store has nothing of it to undo
        assertThat(written).isEmpty();
    }

    /** The writer failing stops the reading thread, which is over by the time the failure reaches the caller. */
    @Test
    void aWriterThatFailsStopsTheReadingBeforeTheFailureIsTold() {
        AtomicLong read = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean();
        IllegalStateException full = new IllegalStateException("disk full");
        long[] written = {0};
        assertThatThrownBy(() -> new ReadAhead(numbered(10_000_000, read, running), "test-read").forEach(f -> {
            if (++written[0] == 1000) {
                throw full;
            }
        })).isSameAs(full);
        assertThat(running).isFalse();
        assertThat(read.get()).isLessThan(100_000);
    }
}

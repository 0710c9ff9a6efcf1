package org.planmap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.planmap.store.Feature;
import org.planmap.store.FeatureSource;

class ReadAheadTest {

    private static Feature feature(int i) {
        return new Feature("f" + i, null, Map.of("n", (long) i));
    }

    @Test
    void theStoreGetsEveryFeatureInTheSourcesOrderFromAnotherThread() {
        AtomicReference<Thread> readBy = new AtomicReference<>();
        FeatureSource source = sink -> {
            readBy.set(Thread.currentThread());
            for (int i = 0; i < 10_000; i++) {
                sink.accept(feature(i));
            }
        };
        List<String> ids = new ArrayList<>();
        new ReadAhead(source, 16).forEach(f -> ids.add(f.id()));
        assertThat(ids).hasSize(10_000).startsWith("f0", "f1").endsWith("f9999");
        assertThat(ids).isEqualTo(java.util.stream.IntStream.range(0, 10_000).mapToObj(i -> "f" + i).toList());
        assertThat(readBy.get()).isNotEqualTo(Thread.currentThread());
        assertThat(readBy.get().isAlive()).as("ended before forEach returned").isFalse();
    }

    @Test
    void whatTheSourceThrowsReachesTheCallerUnchanged() {
        ImportException refusal = new ImportException("empty", "文件中没有要素", "the file holds no features");
        FeatureSource source = sink -> {
            sink.accept(feature(1));
            throw refusal;
        };
        List<Feature> got = new ArrayList<>();
        assertThatThrownBy(() -> new ReadAhead(source, 4).forEach(got::add)).isSameAs(refusal);
        assertThat(got).hasSize(1);
    }

    @Test
    void whenTheStoreFailsTheReadingStopsAndHasEndedOnReturn() {
        AtomicInteger read = new AtomicInteger();
        AtomicReference<Thread> readBy = new AtomicReference<>();
        FeatureSource endless = sink -> {
            readBy.set(Thread.currentThread());
            for (int i = 0; ; i++) {
                read.incrementAndGet();
                sink.accept(feature(i));
            }
        };
        IllegalStateException full = new IllegalStateException("disk full");
        assertThatThrownBy(() -> new ReadAhead(endless, 8).forEach(f -> {
            if (f.id().equals("f100")) {
                throw full;
            }
        })).isSameAs(full);
        assertThat(readBy.get().isAlive()).isFalse();
        assertThat(read.get()).as("at most the queue and one more beyond what was taken").isLessThanOrEqualTo(101 + 8 + 1);
    }
}

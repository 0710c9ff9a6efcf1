package org.planmap.importer;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.planmap.store.Feature;
import org.planmap.store.FeatureSource;

/**
 * A source read on a thread of its own, a bounded queue ahead of the store that writes what it gave: reading
 * the file, reprojecting and repairing (half an import's time in a profile of 100 000 polygons) go on beside the
 * store's encoding and inserting instead of before each of them, on a second core. The order is the source's;
 * at most {@code capacity} features wait in memory. What the source throws is thrown here, unchanged; when the
 * store stops taking features (it failed), the reading thread stops at its next feature, and {@link #forEach}
 * returns only once it has ended, so whatever it counted is seen complete by the caller.
 */
final class ReadAhead implements FeatureSource {

    private static final Feature END = new Feature("", null, Map.of());

    /** Thrown inside the source's loop to leave it once the store stopped taking features. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private final FeatureSource source;
    private final int capacity;

    ReadAhead(FeatureSource source, int capacity) {
        this.source = source;
        this.capacity = capacity;
    }

    @Override
    public void forEach(Consumer<Feature> sink) {
        BlockingQueue<Feature> queue = new ArrayBlockingQueue<>(capacity);
        RuntimeException[] failure = {null};
        Thread reader = new Thread(() -> {
            try {
                source.forEach(f -> put(queue, f));
            } catch (Stopped e) {
                return;
            } catch (RuntimeException e) {
                failure[0] = e;
            }
            try {
                queue.put(END);
            } catch (InterruptedException e) {
                // the store stopped taking features: nobody waits for the end
            }
        }, Thread.currentThread().getName() + "-read");
        reader.setDaemon(true);
        reader.start();
        try {
            for (Feature f = take(queue); f != END; f = take(queue)) {
                sink.accept(f);
            }
        } finally {
            reader.interrupt();
            join(reader);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static void put(BlockingQueue<Feature> queue, Feature f) {
        try {
            queue.put(f);
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }

    private static Feature take(BlockingQueue<Feature> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the import was interrupted");
        }
    }

    /** Waits for the reading thread even when interrupted meanwhile, and keeps the interrupt for the caller. */
    private static void join(Thread reader) {
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

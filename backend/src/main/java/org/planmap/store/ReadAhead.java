package org.planmap.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A source read on a thread of its own, a few hundred features ahead of the one writing them: an import's reading,
 * reprojecting and validating and the store's writing were half and half of one thread's time, and on two cores
 * they overlap. Features cross in batches, so handing them over costs next to nothing per feature, and at most
 * {@value #BATCHES} batches wait, so memory stays bounded whatever the file's size. Whatever the source throws comes
 * out of {@link #forEach} as it was thrown; when the writer fails, the reading thread stops at its next feature and
 * is waited for, so it never outlives the load (it may hold the file open).
 */
public final class ReadAhead implements FeatureSource {

    private static final int BATCH = 256;
    private static final int BATCHES = 8;
    private static final List<Feature> END = List.of();

    private final FeatureSource source;
    private final String threadName;

    public ReadAhead(FeatureSource source, String threadName) {
        this.source = source;
        this.threadName = threadName;
    }

    @Override
    public void forEach(Consumer<Feature> sink) {
        Reading reading = new Reading();
        Thread reader = new Thread(reading, threadName);
        reader.setDaemon(true);
        reader.start();
        try {
            for (List<Feature> batch = reading.queue.take(); batch != END; batch = reading.queue.take()) {
                batch.forEach(sink);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while reading the features to store", e);
        } finally {
            reading.stopped = true;
            joinUninterruptibly(reader);
        }
        // the join above makes what the reading thread wrote (the failure, the source's own counts) visible here
        if (reading.failure instanceof RuntimeException e) {
            throw e;
        }
        if (reading.failure instanceof Error e) {
            throw e;
        }
    }

    /** The reading thread's loop: the source's features in batches into the queue, then {@link #END}. */
    private final class Reading implements Runnable {
        final BlockingQueue<List<Feature>> queue = new ArrayBlockingQueue<>(BATCHES);
        volatile boolean stopped;
        Throwable failure;
        private List<Feature> batch = new ArrayList<>(BATCH);

        @Override
        public void run() {
            try {
                source.forEach(f -> {
                    batch.add(f);
                    if (batch.size() == BATCH) {
                        hand(batch);
                        batch = new ArrayList<>(BATCH);
                    }
                });
                hand(batch);
            } catch (Stopped e) {
                return;
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            try {
                hand(END);
            } catch (Stopped e) {
                // the writer is gone: nobody waits for the end
            }
        }

        /** Puts {@code features} in the queue, waiting while it is full, unless the writer has stopped. */
        private void hand(List<Feature> features) {
            try {
                while (!queue.offer(features, 50, TimeUnit.MILLISECONDS)) {
                    if (stopped) {
                        throw new Stopped();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped();
            }
        }
    }

    /** Thrown inside the reading thread to end the source's loop once the writer has given up. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("the writer stopped", null, false, false);
        }
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

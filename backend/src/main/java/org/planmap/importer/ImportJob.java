package org.planmap.importer;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** One import's changing state, written by the import thread and read by status requests. */
final class ImportJob {

    private final String id;
    private final String layerId;
    private final String fileName;
    private final Instant started = Instant.now();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile ImportStatus status;

    ImportJob(String id, String layerId, String fileName) {
        this.id = id;
        this.layerId = layerId;
        this.fileName = fileName;
        this.status = new ImportStatus(id, layerId, fileName, ImportStatus.State.QUEUED, 0, "排队中", started, null,
                null, null);
    }

    String id() {
        return id;
    }

    String fileName() {
        return fileName;
    }

    ImportStatus status() {
        return status;
    }

    void stage(double progress, String stage) {
        status = new ImportStatus(id, layerId, fileName, ImportStatus.State.RUNNING, progress, stage, started, null,
                null, null);
    }

    void done(ImportStatus.Report report) {
        status = new ImportStatus(id, layerId, fileName, ImportStatus.State.DONE, 1, "完成", started, Instant.now(),
                null, report);
        ended.countDown();
    }

    void failed(ImportStatus.Error error) {
        status = new ImportStatus(id, layerId, fileName, ImportStatus.State.FAILED, status.progress(), "失败", started,
                Instant.now(), error, null);
        ended.countDown();
    }

    void awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        ended.await(timeout, unit);
    }
}

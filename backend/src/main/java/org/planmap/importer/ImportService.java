package org.planmap.importer;

import org.planmap.ClientFault.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.planmap.ClientFault;
import org.planmap.crs.CrsRef;
import org.planmap.crs.Reprojector;
import org.planmap.layer.LayerWriter;
import org.planmap.store.Feature;
import org.planmap.store.FeatureSource;
import org.planmap.store.Field;
import org.planmap.store.LayerInfo;
import org.planmap.store.StoreFullException;
import org.planmap.store.VersionNote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The import road: uploaded file → format reader → CRS (declared, or named by the editor) → EPSG:4326 →
 * repair → the store, which replaces the layer all at once or not at all. Imports run one at a time on their
 * own thread; each is a job whose status the viewer polls. The uploaded file is deleted when the job ends,
 * whatever the outcome.
 */
public final class ImportService implements AutoCloseable {

    private static final int KEPT_JOBS = 100;
    /** The error code of an import that found no room to store its layer. */
    public static final String DISK_FULL = "disk-full";
    /** The error code of an import whose file held a feature too large for the server's memory. */
    public static final String OUT_OF_MEMORY = "import-out-of-memory";

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final List<FormatReader> readers;
    private final LayerWriter writer;
    private final ImportLimits limits;
    private final Map<String, ImportTarget> targets;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "planmap-import");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, ImportJob> jobs = new LinkedHashMap<>();

    /**
     * @param writer stores each import; its listeners (the ledger, the overview tiles) have followed the change
     *               when it returns, so a job reported done leaves nothing behind it to catch up
     */
    public ImportService(List<FormatReader> readers, LayerWriter writer, ImportLimits limits, List<ImportTarget> targets) {
        this.readers = List.copyOf(readers);
        this.writer = writer;
        this.limits = limits;
        this.targets = new LinkedHashMap<>();
        targets.forEach(t -> this.targets.put(t.layerId(), t));
    }

    public ImportLimits limits() {
        return limits;
    }

    public Optional<ImportTarget> target(String layerId) {
        return Optional.ofNullable(targets.get(layerId));
    }

    /** The reader for an uploaded file name, or a refusal naming the formats planmap takes. */
    public FormatReader readerFor(String fileName) {
        return readers.stream().filter(r -> r.accepts(fileName)).findFirst().orElseThrow(() -> new ImportException(Kind.UNSUPPORTED_TYPE,
                "unsupported-format", "不支持的文件类型：" + fileName + "。请上传 GeoJSON（.geojson/.json）、Shapefile 压缩包（.zip）、GeoPackage（.gpkg）或 KML（.kml）",
                "unsupported file type: " + fileName + "; upload GeoJSON (.geojson/.json), a zipped Shapefile (.zip) a GeoPackage (.gpkg) or KML (.kml)"));
    }

    /**
     * Starts importing {@code upload} (which the service now owns and deletes) into {@code target}; the layer's
     * previous contents are kept as a version, the new one noted with the file and who imported it.
     *
     * @param crs    the CRS the editor names for a file that declares none; null to rely on the file
     * @param sha256 the uploaded file's SHA-256, hex
     * @param user   the account importing it
     */
    public synchronized ImportStatus submit(ImportTarget target, Path upload, String fileName, CrsRef crs,
            String sha256, String user) {
        FormatReader reader = readerFor(fileName);
        ImportJob job = new ImportJob(UUID.randomUUID().toString(), target.layerId(), fileName);
        jobs.put(job.id(), job);
        while (jobs.size() > KEPT_JOBS) {
            jobs.remove(jobs.keySet().iterator().next());
        }
        worker.submit(() -> run(job, target, reader, upload, crs, sha256, user));
        return job.status();
    }

    public synchronized Optional<ImportStatus> status(String jobId) {
        return Optional.ofNullable(jobs.get(jobId)).map(ImportJob::status);
    }

    /** Waits up to {@code seconds} for a job to end; returns its status either way. */
    public ImportStatus await(String jobId, long seconds) throws InterruptedException {
        ImportJob job;
        synchronized (this) {
            job = jobs.get(jobId);
        }
        job.awaitEnd(seconds, TimeUnit.SECONDS);
        return job.status();
    }

    private void run(ImportJob job, ImportTarget target, FormatReader reader, Path upload, CrsRef crs, String sha256,
            String user) {
        try {
            job.stage(0.05, "读取文件");
            FileContents source = reader.read(upload, limits);
            FieldNames.check(source.fields());
            CrsRef from = sourceCrs(crs, source);
            job.stage(0.35, "写入数据库");
            Conversion conversion = new Conversion(from);
            LayerInfo info = new LayerInfo(target.layerId(), target.title(), target.geometryType(), CrsRef.WGS84.code(),
                    "导入 imported: " + job.fileName() + " (" + reader.format() + ", " + from.code() + "), " + Instant.now(),
                    0, List.of(), source.fields(), UUID.randomUUID().toString());
            writer.replace(info, sink -> conversion.run(source.features(), sink),
                    () -> new VersionNote(VersionNote.IMPORT, user, job.fileName(), sha256, reader.format(), from.code(),
                            conversion.repaired, 0));
            deleteUpload(upload);
            job.done(new ImportStatus.Report(reader.format(), from.code(), conversion.kept, conversion.repaired,
                    conversion.dropped, source.notes()));
        } catch (ClientFault e) {
            fail(job, upload, new ImportStatus.Error(e.code(), e.messageZh(), e.messageEn(), e.kind()));
        } catch (StoreFullException e) {
            fail(job, upload, new ImportStatus.Error(DISK_FULL,
                    "磁盘空间不足（或数据库已达容量上限），导入未写入，原有数据未改变。请释放空间后重试",
                    "the disk (or the store's size limit) is full: nothing was written and the previous data are "
                            + "unchanged; free some space and import again", null));
        } catch (RuntimeException e) {
            fail(job, upload, new ImportStatus.Error("import-failed", "导入失败，数据未改变：" + e.getMessage(),
                    "the import failed and nothing was changed: " + e.getMessage(), null));
        } catch (OutOfMemoryError e) {
            // One GeoJSON polygon of 3 million vertices outgrows a 1 GB heap while it is read. What it filled is
            // garbage once the stack has unwound, so the server goes on; uncaught, the Error would die unseen in
            // the worker's Future, leaving the job RUNNING for ever and its upload on disk.
            log.warn("import {} of {} ran out of memory", job.id(), job.fileName(), e);
            fail(job, upload, new ImportStatus.Error(OUT_OF_MEMORY,
                    "文件中的要素过大，服务器内存不足以读取（如一个面有数百万个顶点）；数据未改变。请简化或拆分后再导入",
                    "a feature of the file is too large for the server's memory (such as a polygon of millions of "
                            + "vertices); nothing was changed. Simplify or split it and import again",
                    ClientFault.Kind.TOO_LARGE));
        }
    }

    /**
     * A file read along the road up to the store: its features in EPSG:4326, repaired and reduced to polygons,
     * for a caller that assembles them itself before anything is stored (the official county boundaries).
     */
    public record ReadFile(String format, CrsRef sourceCrs, List<Field> fields, List<Feature> features, long repaired,
            long dropped, List<String> notes) {
    }

    /**
     * Reads {@code upload} (which the service now owns and deletes) as an import would, without storing it.
     *
     * @param crs the CRS the planner names for a file that declares none; null to rely on the file
     */
    public ReadFile read(Path upload, String fileName, CrsRef crs) {
        return look(upload, fileName, source -> {
            CrsRef from = sourceCrs(crs, source);
            Conversion conversion = new Conversion(from);
            List<Feature> features = new ArrayList<>();
            conversion.run(source.features(), features::add);
            return new ReadFile(source.format(), from, source.fields(), features, conversion.repaired,
                    conversion.dropped, source.notes());
        });
    }

    /**
     * What {@code upload} (which the service now owns and deletes) holds as the reader an import would use finds it,
     * looked at by {@code look}: its schema, and its features in the file's own coordinates, for a form that lets the
     * planner pick the file's fields before the import proper. Nothing is reprojected or stored.
     */
    public <T> T look(Path upload, String fileName, Function<FileContents, T> look) {
        try {
            FileContents source = readerFor(fileName).read(upload, limits);
            FieldNames.check(source.fields());
            return look.apply(source);
        } finally {
            deleteUpload(upload);
        }
    }

    /** The CRS the planner named, else the one the file declares; a file with neither is refused. */
    public static CrsRef sourceCrs(CrsRef named, FileContents source) {
        CrsRef from = named != null ? named : source.declaredCrs();
        if (from == null) {
            throw new ImportException("crs-missing", "文件未声明坐标系（如缺少 .prj）。请补充 .prj，或在上传时指定坐标系，如 EPSG:4547",
                    "the file declares no coordinate system (e.g. no .prj); add one, or name it with the upload, e.g. EPSG:4547");
        }
        return from;
    }

    /** The upload goes before the job is reported ended, so whoever waits for the job finds it gone. */
    private static void fail(ImportJob job, Path upload, ImportStatus.Error error) {
        deleteUpload(upload);
        job.failed(error);
    }

    private static void deleteUpload(Path upload) {
        try {
            Files.deleteIfExists(upload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The features on their way from the reader to the store: reprojected to EPSG:4326, repaired, reduced to
     * their polygons, counted. A file with nothing usable is refused at its end, before the store commits.
     */
    private static final class Conversion {
        private final CrsRef from;
        private final Reprojector reprojector = new Reprojector(Reprojector.SHANXI);
        private long read;
        private long kept;
        private long repaired;
        private long dropped;

        Conversion(CrsRef from) {
            this.from = from;
        }

        void run(FeatureSource source, Consumer<Feature> sink) {
            read = kept = repaired = dropped = 0;
            source.forEach(f -> {
                read++;
                Feature converted = convert(f);
                if (converted == null) {
                    dropped++;
                } else {
                    kept++;
                    sink.accept(converted);
                }
            });
            if (read == 0) {
                throw new ImportException("empty", "文件中没有要素", "the file holds no features");
            }
            if (kept == 0) {
                throw new ImportException("empty", "文件中没有有效的面要素", "the file holds no usable polygon");
            }
        }

        private Feature convert(Feature f) {
            PolygonalFeatures.Converted c = PolygonalFeatures.toWgs84(f, from, reprojector);
            if (c == null) {
                return null;
            }
            if (c.repaired()) {
                repaired++;
            }
            return new Feature(f.id(), c.polygons(), f.properties());
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}

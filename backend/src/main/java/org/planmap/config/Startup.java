package org.planmap.config;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.planmap.boundary.BoundarySet;
import org.planmap.controlline.DemoControlLinePublisher;
import org.planmap.controlline.DemoControlLines;
import org.planmap.controlline.LedgerService;
import org.planmap.encode.CachedLayers;
import org.planmap.layer.LayerContent;
import org.planmap.layer.LayerPublisher;
import org.planmap.layer.LayerWriter;
import org.planmap.plan.CountyDirectory;
import org.planmap.plan.CurrentBoundaries;
import org.planmap.plan.PlacesInForce;
import org.planmap.style.MapStyles;
import org.planmap.render.OverviewWarmer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.FileSystemUtils;

/**
 * What a start does, in order. Before the port opens ({@link #prepare}): the project's own layers, the
 * demonstration control lines, then what is derived from them (the ledger and its conflicts layer, read back
 * when kept for the same versions), and only then the listeners that follow later changes. Once the port
 * accepts requests ({@link #ready}): the ready line, then the caches warmed in the background.
 *
 * <p>Each step writes only what changed (content hashes, versions), so a restart on the same data writes and
 * computes nothing; {@code docs/performance.md} has the figures ({@code bench/restart}).
 */
final class Startup {

    private static final Logger log = LoggerFactory.getLogger(Startup.class);
    /** The store's derived text naming what the base layers were last published from. */
    private static final String BASE_LAYERS = "base-layers";

    private final LayerWriter writer;
    /** The DataV set and its directory: what the demonstration lines are drawn on, whatever set is in force. */
    private final BoundarySet boundaries;
    private final CountyDirectory directory;
    private final CurrentBoundaries current;
    private final PlacesInForce places;
    private final DemoControlLinePublisher demonstration;
    private final LedgerService ledger;
    private final CachedLayers cachedLayers;
    private final boolean warmSmallLayers;
    private final OverviewWarmer overviews;
    private final String host;
    private final Path uploads;

    /**
     * @param warmSmallLayers whether {@code cachedLayers} builds its answers once the server is ready
     *                        ({@code planmap.small-layers.warm})
     * @param host            the host the ready line names ({@code server.address}, or localhost)
     * @param uploads         where uploads spool and zips are extracted ({@code <data-dir>/uploads})
     */
    Startup(LayerWriter writer, BoundarySet boundaries, CountyDirectory directory, CurrentBoundaries current,
            PlacesInForce places, DemoControlLinePublisher demonstration, LedgerService ledger, CachedLayers cachedLayers,
            boolean warmSmallLayers, OverviewWarmer overviews, String host, Path uploads) {
        this.writer = writer;
        this.boundaries = boundaries;
        this.directory = directory;
        this.current = current;
        this.places = places;
        this.demonstration = demonstration;
        this.ledger = ledger;
        this.cachedLayers = cachedLayers;
        this.warmSmallLayers = warmSmallLayers;
        this.overviews = overviews;
        this.host = host;
        this.uploads = uploads;
    }

    /**
     * Runs while the application context is built, before the web server opens its port. The listeners come
     * last: the ledger is brought up to date once here, not once per demonstration line stored. Servers starting
     * together on one PostGIS take turns: the first writes and computes, the next finds it all in place. Then
     * each follows the changes the others make.
     */
    void prepare() {
        clearLeftoverUploads();
        writer.exclusively("start-up", () -> {
            step("boundaries in force", current::load);
            step("base layers", this::publishBaseLayers);
            current.published();
            step("demonstration control lines", this::publishDemonstrationLines);
            step("ledger and conflicts", ledger::refresh);
            return null;
        });
        // first: whoever follows a change of the counties reads the boundaries they now are
        writer.subscribe(current);
        writer.subscribe(places);
        writer.subscribe(ledger);
        writer.subscribe(cachedLayers);
        writer.subscribe(overviews);
        writer.followChangesElsewhere();
    }

    /**
     * Building the base layers (unions, areas, label points) and hashing them was most of planmap's own work in a
     * restart, so they are built only when planmap's classes or data files differ from those they were last
     * published from; {@link LayerPublisher#publish} still writes only layers whose content changed.
     */
    private void publishBaseLayers() {
        List<LayerContent> stored = new LayerPublisher(writer).publishAll(BASE_LAYERS, "classes and data " + codeAndData(),
                current::layers);
        for (LayerContent layer : stored) {
            log.info("stored layer {} ({} features)", layer.info().id(), layer.features().size());
        }
    }

    /**
     * A digest of planmap's classes and of the data files and map styles the jar carries (≈ 2.5 MB, tens of
     * milliseconds, once per process): what the base layers and the kept overview tiles were made by.
     */
    static String codeAndData() {
        return CodeAndData.DIGEST;
    }

    private static final class CodeAndData {
        static final String DIGEST = digest();

        private static String digest() {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
                List<Resource> files = new ArrayList<>(List.of(resolver.getResources("classpath*:org/planmap/**/*.class")));
                files.addAll(List.of(resolver.getResources("classpath*:data/**/*.*")));
                files.addAll(List.of(resolver.getResources("classpath*:" + MapStyles.RESOURCE)));
                files.sort(Comparator.comparing(Startup::location));
                for (Resource file : files) {
                    sha.update(location(file).getBytes(StandardCharsets.UTF_8));
                    try (InputStream in = file.getInputStream()) {
                        sha.update(in.readAllBytes());
                    }
                }
                return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read planmap's classes and data files", e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Where a file is within the classpath, the same from the jar and from the build's directories. */
    private static String location(Resource file) {
        String url = file.getDescription();
        int root = Math.max(Math.max(url.lastIndexOf("org/planmap/"), url.lastIndexOf("data/")),
                url.lastIndexOf("META-INF/resources/"));
        return url.substring(Math.max(root, 0));
    }

    /**
     * Before the port opens no import or site review can be running, so whatever is in the uploads directory was
     * left by one a crash or kill interrupted (a spooled upload, an extracted zip): tens of MB each, never read again.
     */
    private void clearLeftoverUploads() {
        if (!Files.isDirectory(uploads)) {
            return;
        }
        long files = 0;
        long bytes = 0;
        try (Stream<Path> left = Files.walk(uploads)) {
            for (Path file : (Iterable<Path>) left.filter(Files::isRegularFile)::iterator) {
                files++;
                bytes += Files.size(file);
            }
            try (Stream<Path> entries = Files.list(uploads)) {
                for (Path entry : (Iterable<Path>) entries::iterator) {
                    FileSystemUtils.deleteRecursively(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the leftover uploads in " + uploads, e);
        }
        if (files > 0) {
            log.info("start-up: removed {} files ({} bytes) left in {} by interrupted imports", files, bytes, uploads);
        }
    }

    private void publishDemonstrationLines() {
        DemoControlLinePublisher.Outcome outcome = demonstration.publish(boundaries, directory,
                DemoControlLines.DEFAULT_SEED);
        if (!outcome.stored().isEmpty()) {
            log.info("stored demonstration control lines {} (示意数据，非官方; seed {})", outcome.stored(),
                    DemoControlLines.DEFAULT_SEED);
        }
        if (!outcome.keptOfficial().isEmpty()) {
            log.info("kept imported control lines {}: demonstration data never replaces them", outcome.keptOfficial());
        }
    }

    /**
     * The server accepts requests: said once, then the dense layers' overview tiles and (unless
     * {@code planmap.small-layers.warm} is false) the small layers' answers (≈ 1–2 s of simplifying and compressing)
     * are built off the start-up path. A request that comes first builds what it needs itself, or waits for the
     * same build.
     */
    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            log.info("planmap ready on http://{}:{}", host, web.getWebServer().getPort());
            log.info("start-up: ready after {} s of process CPU", String.format("%.1f", processCpuSeconds()));
        }
        overviews.layersChanged();
        if (!warmSmallLayers) {
            return;
        }
        Thread warm = new Thread(() -> {
            try {
                step("small layers cached", cachedLayers::warm);
            } catch (RuntimeException e) {
                // Not fatal: each request builds what it needs and reports its own error.
                log.warn("could not build the layer cache ahead of requests: {}", e.toString());
            }
        }, "layer-cache-warm");
        warm.setDaemon(true);
        warm.start();
    }

    /** Plain timestamps of where a start spends its time, and the process's CPU seconds so far (JIT and GC too). */
    private static void step(String name, Runnable step) {
        long start = System.nanoTime();
        step.run();
        log.info("start-up: {} in {} ms (process CPU {} s so far)", name, (System.nanoTime() - start) / 1_000_000,
                String.format("%.1f", processCpuSeconds()));
    }

    private static double processCpuSeconds() {
        return ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class).getProcessCpuTime() / 1e9;
    }
}

package org.planmap.encode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.planmap.layer.FeaturePage;
import org.planmap.layer.LayerChanged;
import org.planmap.layer.LayerService;
import org.planmap.layer.LayerWriter;
import org.planmap.layer.ZoomBand;
import org.planmap.crs.CrsRef;
import org.planmap.encode.GeoJsonEncoder;
import org.planmap.store.Feature;
import org.planmap.store.FeatureCursor;
import org.planmap.store.FeatureQuery;
import org.planmap.store.LayerInfo;

/**
 * The encoded answers for the small layers the viewer loads whole (counties, cities, province, …): the
 * full-precision GeoJSON and one generalised copy per {@link ZoomBand}, each as bytes and gzip bytes with
 * a strong ETag, built once and served many times. Encoding and compressing per request costs two hundred
 * times what sending cached bytes does (docs: bench/, README 性能).
 * <p>
 * The cache follows the store: at most every {@code versionCheck} it reads the layer versions, and when
 * any of its layers has a new version (a release republished it, another instance on the same PostGIS
 * changed it) every answer is rebuilt on demand. A band is built for all layers at once, because the
 * generalised cities are unions of the generalised counties.
 */
public final class CachedLayers implements LayerWriter.Listener {

    /** One encoded answer: identity and gzip bytes of the same GeoJSON, and its quoted strong ETag. */
    public record EncodedLayer(byte[] body, byte[] gzip, String etag) {
        public String mediaType() {
            return GeoJsonEncoder.MEDIA_TYPE;
        }
    }

    private static final String FULL = "full";

    private final LayerService layers;
    private final String baseLayer;
    private final Set<String> ids;
    private final Map<String, List<String>> bandProperties;
    private final long checkNanos;
    private final LongSupplier clock;
    private final AtomicLong nextCheck;
    private final Executor refresher;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    /** Clock time of the last version read; {@link #ready} trusts a generation for two intervals after it. */
    private volatile long checkedAt;
    private volatile Snapshot current;

    /**
     * @param baseLayer    the coverage the others are unions of (counties)
     * @param ids            the layers to cache, {@code baseLayer} among them
     * @param bandProperties for a layer whose generalised copies carry fewer properties than the full one:
     *                       the properties they keep (layers not named keep all)
     * @param versionCheck   how stale a layer version may be; zero checks on every call
     */
    public CachedLayers(LayerService layers, String baseLayer, List<String> ids,
            Map<String, List<String>> bandProperties, Duration versionCheck) {
        this(layers, baseLayer, ids, bandProperties, versionCheck, System::nanoTime, backgroundThread());
    }

    CachedLayers(LayerService layers, String baseLayer, List<String> ids, Map<String, List<String>> bandProperties,
            Duration versionCheck, LongSupplier clock, Executor refresher) {
        this.layers = layers;
        this.baseLayer = baseLayer;
        this.ids = Set.copyOf(ids);
        this.bandProperties = Map.copyOf(bandProperties);
        this.checkNanos = versionCheck.toNanos();
        this.clock = clock;
        this.nextCheck = new AtomicLong(clock.getAsLong());
        this.refresher = refresher;
        if (!this.ids.contains(baseLayer)) {
            throw new IllegalArgumentException("the base layer " + baseLayer + " must be one of " + ids);
        }
    }

    /**
     * The whole layer for a map in {@code band} (empty: full precision), or empty when this is not a
     * cached layer or the store does not hold it; the caller then asks {@link LayerService} as usual.
     */
    public Optional<EncodedLayer> answer(String layerId, Optional<ZoomBand> band) {
        if (!ids.contains(layerId)) {
            return Optional.empty();
        }
        Snapshot generation = generation();
        if (!generation.versions.containsKey(layerId)
                || (band.isPresent() && !generation.versions.containsKey(baseLayer))) {
            return Optional.empty();
        }
        String key = band.map(ZoomBand::id).orElse(FULL);
        return Optional.ofNullable(generation.answers.computeIfAbsent(key, k -> build(generation, band)).get(layerId));
    }

    /**
     * The answer if it is built already and its layer versions were read less than two {@code versionCheck}
     * intervals ago; never reads the store nor builds anything, so a server's I/O threads may call it. When the
     * check is due it is made in the background, and the answer in hand is given meanwhile: the requests of that
     * moment then need not wait for it. Empty means: ask {@link #answer} (which may block) instead.
     */
    public Optional<EncodedLayer> ready(String layerId, Optional<ZoomBand> band) {
        Snapshot generation = current;
        if (generation == null) {
            return Optional.empty();
        }
        long now = clock.getAsLong();
        if (now - nextCheck.get() >= 0 && refreshing.compareAndSet(false, true)) {
            refresher.execute(this::checkInBackground);
        }
        // A check that ended after 'now' was read (the background thread is quick) counts as made now.
        if (Math.max(0, now - checkedAt) >= 2 * checkNanos) {
            return Optional.empty(); // the check is late (a slow or failing store): let a blocking caller meet it
        }
        Map<String, EncodedLayer> built = generation.answers.get(band.map(ZoomBand::id).orElse(FULL));
        return built == null ? Optional.empty() : Optional.ofNullable(built.get(layerId));
    }

    private void checkInBackground() {
        try {
            generation();
        } catch (RuntimeException e) {
            // Not this thread's to report: ready() stops answering once the check is late, and the request that
            // then asks answer() meets the same fault and reports it.
        } finally {
            refreshing.set(false);
        }
    }

    private static Executor backgroundThread() {
        // One thread at most, gone when idle: a check every second under load, none otherwise.
        return new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "layer-version-check");
            t.setDaemon(true);
            return t;
        });
    }

    /** A change made through this server's writer is served at once, not after the next version check. */
    @Override
    public void layerChanged(LayerChanged change) {
        if (ids.contains(change.layerId())) {
            refresh();
        }
    }

    /** Builds every answer now rather than on the first request for it. */
    public void warm() {
        ids.forEach(id -> answer(id, Optional.empty()));
        for (ZoomBand band : ZoomBand.values()) {
            answer(baseLayer, Optional.of(band));
        }
    }

    private Snapshot generation() {
        Snapshot g = current;
        long now = clock.getAsLong();
        long due = nextCheck.get();
        // One caller re-reads the versions when they are due; the others go on with the current generation.
        if (g != null && (now - due < 0 || !nextCheck.compareAndSet(due, now + checkNanos))) {
            return g;
        }
        return refresh();
    }

    /** Synchronized so that callers arriving together before the first generation build it once. */
    private synchronized Snapshot refresh() {
        long now = clock.getAsLong();
        // The first refresh too starts the interval, so that ready() answers right after warm().
        nextCheck.set(now + checkNanos);
        Map<String, String> versions = layers.layers().stream().filter(l -> ids.contains(l.id()))
                .collect(Collectors.toMap(LayerInfo::id, LayerInfo::version));
        Snapshot g = current;
        if (g == null || !g.versions.equals(versions)) {
            g = new Snapshot(versions);
            current = g;
        }
        checkedAt = now;
        return g;
    }

    private Map<String, EncodedLayer> build(Snapshot generation, Optional<ZoomBand> band) {
        Map<String, EncodedLayer> answers = new LinkedHashMap<>();
        if (band.isEmpty()) {
            generation.versions.keySet().forEach(id -> answers.put(id,
                    encode(generation.pages.get(id), generation.pages.get(id).features(), new GeoJsonEncoder(), FULL)));
            return answers;
        }
        Map<String, List<Feature>> generalised = generation.generalizer().generalize(band.get());
        generalised.forEach((id, features) -> answers.put(id, encode(generation.pages.get(id),
                keepProperties(features, bandProperties.get(id)), new GeoJsonEncoder(band.get().decimals()),
                band.get().id())));
        return answers;
    }

    private static List<Feature> keepProperties(List<Feature> features, List<String> keep) {
        if (keep == null) {
            return features;
        }
        return features.stream().map(f -> {
            Map<String, Object> p = new LinkedHashMap<>();
            keep.forEach(name -> p.put(name, f.properties().get(name)));
            return new Feature(f.id(), f.geometry(), p);
        }).toList();
    }

    private static EncodedLayer encode(Loaded page, List<Feature> features, GeoJsonEncoder encoder, String band) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            encoder.write(new FeaturePage(page.layer(), FeatureCursor.of(features), OptionalLong.empty(), page.crs()), body);
            byte[] bytes = body.toByteArray();
            ByteArrayOutputStream gzip = new ByteArrayOutputStream(bytes.length / 3);
            // Compressed once per version, so the slowest, smallest level is worth it.
            try (GZIPOutputStream out = new GZIPOutputStream(gzip) {
                {
                    def.setLevel(Deflater.BEST_COMPRESSION);
                }
            }) {
                out.write(bytes);
            }
            String etag = "\"" + page.layer().version() + "-" + band + "-" + digest(bytes) + "\"";
            return new EncodedLayer(bytes, gzip.toByteArray(), etag);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Part of the ETag: a generalised layer also changes when the base it is cut from does. */
    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A small layer read whole, in its own CRS: what its answers are encoded and generalised from. */
    private record Loaded(LayerInfo layer, CrsRef crs, List<Feature> features) {
    }

    /** Everything built from one set of layer versions. */
    private final class Snapshot {
        final Map<String, String> versions;
        final Map<String, Map<String, EncodedLayer>> answers = new ConcurrentHashMap<>();
        final Map<String, Loaded> pages = new ConcurrentHashMap<>();
        private CoverageGeneralizer generalizer;

        Snapshot(Map<String, String> versions) {
            this.versions = Map.copyOf(versions);
            versions.keySet().forEach(id -> {
                LayerInfo layer = layers.layer(id);
                CrsRef crs = CrsRef.parse(layer.crs());
                pages.put(id, new Loaded(layer, crs, layers.features(FeatureQuery.of(id), crs).toList()));
            });
        }

        synchronized CoverageGeneralizer generalizer() {
            if (generalizer == null) {
                Map<String, List<Feature>> features = new LinkedHashMap<>();
                versions.keySet().stream().sorted().forEach(id -> features.put(id, pages.get(id).features()));
                generalizer = new CoverageGeneralizer(baseLayer, features);
            }
            return generalizer;
        }
    }
}

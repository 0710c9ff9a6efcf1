import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Requests a planner's session worth of control-line tiles from a running planmap, cold (first request of
 * each tile) then warm (the same tiles again), and prints p50/p95/max per phase. Starts nothing itself.
 * With {@code first-screen}: only the overview tiles (z0-z8), once, as a viewer opened right after an import
 * asks them.
 * Run by bench/tiles; a single-file program (java TileBench.java), so it needs no build.
 */
public class TileBench {

    static final String[] LAYERS = {"ecological-protection-redline", "permanent-basic-farmland",
            "urban-development-boundary", "control-line-conflicts"};
    /** Shanxi's extent, lon/lat. */
    static final double[] SHANXI = {110.2, 34.5, 114.6, 40.8};
    /** Places planners zoom into: 太原, 大同, 孝义, 长治, 运城. */
    static final double[][] PLACES = {{112.55, 37.87}, {113.30, 40.08}, {111.78, 37.14}, {113.12, 36.20}, {111.0, 35.03}};

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: bench/tiles BASE_URL [threads] [first-screen]   e.g. bench/tiles http://localhost:8080 2");
            System.exit(2);
        }
        String base = args[0].replaceAll("/+$", "");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        if (args.length > 2 && args[2].equals("first-screen")) {
            List<String> paths = paths(overview());
            System.out.printf("%d overview tiles (%d layers, z0-z8 over Shanxi), %d threads, %s%n", paths.size(),
                    LAYERS.length, threads, base);
            run("first screen (z0-z8, first request of each)", http, base, paths, threads);
            return;
        }
        List<String> paths = paths(tiles());
        System.out.printf("%d tiles (%d layers, z7-z12 over Shanxi), %d threads, %s%n", paths.size(), LAYERS.length,
                threads, base);
        run("cold", http, base, paths, threads);
        run("warm", http, base, paths, threads);
    }

    static List<String> paths(Set<String> tiles) {
        List<String> paths = new ArrayList<>();
        for (String layer : LAYERS) {
            for (String zxy : tiles) {
                paths.add("/api/tiles/" + layer + "/" + zxy + ".png");
            }
        }
        return paths;
    }

    /**
     * What a viewer opening on the province asks first, and what zooming out or in one step asks next: every
     * tile over Shanxi from z7 (the province fills a window at about 7), then z6 and z8, then z5 down to z0.
     */
    static Set<String> overview() {
        Set<String> out = new LinkedHashSet<>();
        for (int z : new int[] {7, 6, 8, 5, 4, 3, 2, 1, 0}) {
            shanxi(z, out);
        }
        return out;
    }

    static void shanxi(int z, Set<String> out) {
        int x0 = x(SHANXI[0], z), x1 = x(SHANXI[2], z), y0 = y(SHANXI[3], z), y1 = y(SHANXI[1], z);
        for (int x = x0; x <= x1; x++) {
            for (int y = y0; y <= y1; y++) {
                out.add(z + "/" + x + "/" + y);
            }
        }
    }

    /** z7-z9: every tile over Shanxi (overview); z10-z12: a 1400x900 view (6x4 tiles) round each place. */
    static Set<String> tiles() {
        Set<String> out = new LinkedHashSet<>();
        for (int z = 7; z <= 9; z++) {
            shanxi(z, out);
        }
        for (int z = 10; z <= 12; z++) {
            for (double[] p : PLACES) {
                int cx = x(p[0], z), cy = y(p[1], z);
                for (int x = cx - 3; x < cx + 3; x++) {
                    for (int y = cy - 2; y < cy + 2; y++) {
                        out.add(z + "/" + x + "/" + y);
                    }
                }
            }
        }
        return out;
    }

    static int x(double lon, int z) {
        return (int) Math.floor((lon + 180) / 360 * (1 << z));
    }

    static int y(double lat, int z) {
        double phi = Math.toRadians(lat);
        return (int) Math.floor((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2 * (1 << z));
    }

    static void run(String phase, HttpClient http, String base, List<String> paths, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (String path : paths) {
            results.add(pool.submit(() -> {
                long t = System.nanoTime();
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                return new long[] {System.nanoTime() - t, r.statusCode(), r.body().length};
            }));
        }
        long[] nanos = new long[paths.size()];
        long bytes = 0;
        int failed = 0;
        for (int i = 0; i < nanos.length; i++) {
            long[] r = results.get(i).get();
            nanos[i] = r[0];
            bytes += r[2];
            failed += r[1] == 200 ? 0 : 1;
        }
        pool.shutdown();
        double wall = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        System.out.printf("%s: n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms, %.0f tiles/s, %d KB, non-200: %d%n", phase,
                nanos.length, ms(nanos, 0.50), ms(nanos, 0.95), nanos[nanos.length - 1] / 1e6, nanos.length / wall,
                bytes / 1024, failed);
    }

    static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}

package org.planmap.settings;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The pool that runs expensive requests (map images, exports, large feature queries; {@code --planmap.expensive.*}),
 * apart from Jetty's workers, so that cached layers, tiles and single features never wait behind them.
 *
 * @param threads         expensive requests worked on at once: each may hold a map image's raster (up to
 *                        {@code planmap.render.max-pixels} × 4 bytes, 32 MB) or an export being built, so this
 *                        is sized from the heap (two fit a 1 GB heap with room to spare) and from the cores
 *                        (rendering and encoding are CPU-bound; more threads than cores only add memory)
 * @param queue           expensive requests waiting in turn (first come, first served); a waiting request holds
 *                        no memory beyond its connection, so this is sized for latency: 32 holds a 32-connection
 *                        run of map images (bench/peers) without a refusal, while 64 huge ones on a busy machine
 *                        meant minutes of waiting (bench/abuse); beyond it a request is answered 503 with
 *                        {@code Retry-After} at once
 * @param retryAfter      what that 503 tells the client to wait
 * @param smallLimit      a feature query (API or OGC items) asking for at most this many features, or of a layer
 *                        holding at most this many, is cheap; so is an export of such a layer
 * @param smallImage      a map image of at most this many pixels (width × height) drawing only layers of at most
 *                        {@code smallLimit} features is cheap: the default, a 512×512, is a 1 MB raster drawn from
 *                        geometries kept in memory, like a tile; bigger ones, or of larger layers, go to the pool
 * @param disconnectCheck how often waiting and running requests look whether their client is still connected
 */
@ConfigurationProperties("planmap.expensive")
public record ExpensiveProperties(@DefaultValue("2") int threads, @DefaultValue("32") int queue,
        @DefaultValue("5s") Duration retryAfter, @DefaultValue("1000") int smallLimit,
        @DefaultValue("262144") long smallImage, @DefaultValue("200ms") Duration disconnectCheck) {
}

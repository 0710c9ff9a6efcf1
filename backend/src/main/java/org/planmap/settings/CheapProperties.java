package org.planmap.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many cheap requests (everything not cached in front and not expensive: feature queries, single items, tiles,
 * identify, plan tables; {@code --planmap.cheap.*}) the application works on at once, and how many wait in turn.
 *
 * @param atOnce cheap requests worked on at once; 0 (the default) means one per core. Sized from the cores, not from
 *               the clients: with Jetty's 200 workers a crowd of 200 shared the cores evenly, so a 15 ms answer
 *               took a hundred times that and the costlier answers made the tail, while in turn every request
 *               waits about the same and then runs at full speed. One per core rather than the earlier 8: on the
 *               2-core machine each further request worked on at once cost CPU of its own (an OGC item took
 *               0.17 ms of server CPU at 2, 0.25–0.31 at 16, 0.40–0.52 with no limit) and so gave fewer answers
 *               and a longer tail, in every dynamic query and in the 200-client mix (docs/performance.md). A
 *               store on another machine (PostGIS) leaves cores idle while a request waits on it: raise it there
 * @param queue  cheap requests waiting in turn (first come, first served, holding no thread, a few kilobytes of
 *               parsed headers each); beyond it a request is answered 503 with {@code Retry-After} at once
 */
@ConfigurationProperties("planmap.cheap")
public record CheapProperties(@DefaultValue("0") int atOnce, @DefaultValue("1024") int queue) {

    public CheapProperties {
        if (atOnce < 0 || queue < 0) {
            throw new IllegalArgumentException("planmap.cheap.at-once and planmap.cheap.queue must not be negative");
        }
        if (atOnce == 0) {
            atOnce = Runtime.getRuntime().availableProcessors();
        }
    }
}

package org.planmap.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many cheap requests (everything not cached in front and not expensive: feature queries, single items, tiles,
 * identify, plan tables; {@code --planmap.cheap.*}) the application works on at once, and how many wait in turn.
 *
 * @param atOnce cheap requests worked on at once; sized from the cores (8 per core on the 2-core machine), not from
 *               the clients: with Jetty's 200 workers a crowd of 200 shared the cores evenly, so a 15 ms answer
 *               took a hundred times that and the costlier answers made the tail, while in turn every request
 *               waits about the same and then runs at full speed; 8 per core still keeps the cores busy while
 *               some requests wait on the database or the disk
 * @param queue  cheap requests waiting in turn (first come, first served, holding no thread, a few kilobytes of
 *               parsed headers each); beyond it a request is answered 503 with {@code Retry-After} at once
 */
@ConfigurationProperties("planmap.cheap")
public record CheapProperties(@DefaultValue("16") int atOnce, @DefaultValue("1024") int queue) {
}

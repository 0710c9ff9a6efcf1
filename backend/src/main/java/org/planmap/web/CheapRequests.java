package org.planmap.web;

import java.time.Duration;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.planmap.settings.CheapProperties;

/**
 * Works on at most {@code atOnce} cheap requests at a time; the others wait in turn without holding a thread (Jetty's
 * {@link QoSHandler} suspends them and resumes the oldest when one finishes), up to {@code queue} of them, beyond
 * which a request is answered 503 with {@code Retry-After} ({@link JettyErrorReport}). The queue sets no time limit of
 * its own; only the connection's idle timeout can end a wait.
 * <p>
 * Why: with one of Jetty's 200 workers per request, a crowd shares the two cores evenly, so each answer takes as
 * long as its own cost times the crowd, and the costlier cheap answers (a bbox page of counties, 50 OGC items)
 * made the tail; and the two threads of {@link ExpensiveRequests} got two of ~200 runnable threads' share. Taken in
 * turn, every request waits about as long as the others and then runs at full speed.
 * <p>
 * Only bodyless reads are counted: expensive requests have their own pool and queue, and uploads and logins
 * (POST) must not wait behind a crowd of readers.
 */
public final class CheapRequests extends QoSHandler {

    /** In front of {@code expensive}, which sends on what it does not take itself. */
    public CheapRequests(CheapProperties properties, ExpensiveRequests expensive) {
        super(expensive);
        setMaxRequestCount(properties.atOnce());
        setMaxSuspendedRequestCount(properties.queue());
        setMaxSuspend(Duration.ZERO); // zero: the queue never expires a waiting request
        includeMethod(HttpMethod.GET.asString(), HttpMethod.HEAD.asString());
        exclude(expensive::expensive);
    }
}

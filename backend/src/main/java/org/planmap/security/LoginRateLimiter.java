package org.planmap.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing: a client (an IP address) that failed to log in {@code maxFailures} times
 * within {@code window} is refused until the oldest of those failures leaves the window. In memory only,
 * so a restart forgets it, and bounded: past {@code maxClients} tracked addresses the expired ones are
 * dropped, and if that is not enough the whole table is (guessing from very many addresses is a
 * firewall's job, not this class's). No Spring; the clock is injectable for tests.
 */
public final class LoginRateLimiter {

    private final int maxFailures;
    private final Duration window;
    private final int maxClients;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    public LoginRateLimiter(int maxFailures, Duration window, int maxClients, Clock clock) {
        if (maxFailures < 1 || window.isNegative() || window.isZero() || maxClients < 1) {
            throw new IllegalArgumentException("maxFailures, window and maxClients must be positive");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.maxClients = maxClients;
        this.clock = clock;
    }

    /** 5 failures per minute, 10 000 addresses, the system clock. */
    public static LoginRateLimiter standard() {
        return new LoginRateLimiter(5, Duration.ofMinutes(1), 10_000, Clock.systemUTC());
    }

    public int maxFailures() {
        return maxFailures;
    }

    /** How long {@code client} must wait before its next attempt is looked at; empty when it may try now. */
    public synchronized Optional<Duration> blockedFor(String client) {
        Deque<Instant> recent = recent(client, clock.instant());
        if (recent == null || recent.size() < maxFailures) {
            return Optional.empty();
        }
        // The attempt becomes possible when enough failures have left the window to go below the limit.
        Instant oldestThatCounts = recent.stream().skip(recent.size() - maxFailures).findFirst().orElseThrow();
        Duration wait = Duration.between(clock.instant(), oldestThatCounts.plus(window));
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }

    public synchronized void recordFailure(String client) {
        Instant now = clock.instant();
        if (!failures.containsKey(client) && failures.size() >= maxClients) {
            evictExpired(now);
            if (failures.size() >= maxClients) {
                failures.clear();
            }
        }
        Deque<Instant> recent = failures.computeIfAbsent(client, c -> new ArrayDeque<>());
        recent.addLast(now);
        while (recent.size() > maxFailures) {
            recent.removeFirst();
        }
    }

    /** A successful login forgets the client's earlier failures. */
    public synchronized void recordSuccess(String client) {
        failures.remove(client);
    }

    synchronized int trackedClients() {
        return failures.size();
    }

    private Deque<Instant> recent(String client, Instant now) {
        Deque<Instant> recent = failures.get(client);
        if (recent == null) {
            return null;
        }
        Instant cutoff = now.minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(cutoff)) {
            recent.removeFirst();
        }
        if (recent.isEmpty()) {
            failures.remove(client);
            return null;
        }
        return recent;
    }

    private void evictExpired(Instant now) {
        Instant cutoff = now.minus(window);
        for (Iterator<Deque<Instant>> it = failures.values().iterator(); it.hasNext(); ) {
            Deque<Instant> recent = it.next();
            if (recent.isEmpty() || !recent.peekLast().isAfter(cutoff)) {
                it.remove();
            }
        }
    }
}

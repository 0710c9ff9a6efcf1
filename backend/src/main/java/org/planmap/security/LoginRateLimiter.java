package org.planmap.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing, per client address and per account. No Spring; the clock is injectable.
 * <ul>
 * <li><b>Address and account:</b> an address that failed {@code maxFailures} times on one account within
 * {@code window} is refused that account until the oldest of those failures leaves the window. Other accounts
 * from the same address may still try: a planning institute's staff share one NAT address, and one colleague's
 * typos must not lock out the others.</li>
 * <li><b>Address:</b> an address that failed {@code ACCOUNTS_PER_ADDRESS × maxFailures} times within {@code window},
 * on any accounts, is refused whichever account it tries, so one address cannot spray guesses over many names.</li>
 * <li><b>Account:</b> after {@code maxFailures} failures in a row on one account (from any addresses) the account
 * backs off: it waits 1 s after the next failure, then 2 s, 4 s … up to {@code maxBackoff}. During that wait the
 * account refuses the addresses that failed on it within the current back-off, so a guesser spread over many
 * addresses gets one try per address per back-off; an address that has not failed (the editor at their own
 * desk) is never locked out by someone else's guessing. A success resets the account.</li>
 * </ul>
 * {@link #attempt} checks and counts in one step: a try is booked as a failure before its password is checked
 * and {@link #succeeded} refunds it, so parallel guesses cannot all pass one check before any is counted.
 * In memory only (a restart forgets) and bounded: past {@code maxTracked} addresses or accounts the stale entries
 * are dropped, and if that is not enough the table is (guessing from very many addresses is a firewall's job).
 */
public final class LoginRateLimiter {

    /** How many accounts' worth of failures one address may spend in a window: a busy office's, not a sprayer's. */
    static final int ACCOUNTS_PER_ADDRESS = 4;

    private final int maxFailures;
    private final Duration window;
    private final Duration maxBackoff;
    private final int maxTracked;
    private final Clock clock;
    private final Map<String, Deque<Instant>> addresses = new HashMap<>();
    /** Failures by address and account, keyed {@code address + '\n' + account}. */
    private final Map<String, Deque<Instant>> pairs = new HashMap<>();
    private final Map<String, Account> accounts = new HashMap<>();
    /** When each address last failed: an address is "unknown" to an account's back-off unless it failed within it. */
    private final Map<String, Instant> lastFailure = new HashMap<>();

    private static final class Account {
        int failuresInARow;
        Instant lastFailure;

        Duration backoff(int free, Duration max) {
            int over = failuresInARow - free;
            if (over <= 0) {
                return Duration.ZERO;
            }
            long seconds = over > 30 ? Long.MAX_VALUE : 1L << (over - 1);
            return seconds >= max.toSeconds() ? max : Duration.ofSeconds(seconds);
        }
    }

    public LoginRateLimiter(int maxFailures, Duration window, Duration maxBackoff, int maxTracked, Clock clock) {
        if (maxFailures < 1 || !positive(window) || !positive(maxBackoff) || maxTracked < 1) {
            throw new IllegalArgumentException("maxFailures, window, maxBackoff and maxTracked must be positive");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.maxBackoff = maxBackoff;
        this.maxTracked = maxTracked;
        this.clock = clock;
    }

    /** 5 failures per minute per address, account back-off up to 15 minutes, 10 000 entries, the system clock. */
    public static LoginRateLimiter standard() {
        return new LoginRateLimiter(5, Duration.ofMinutes(1), Duration.ofMinutes(15), 10_000, Clock.systemUTC());
    }

    public int maxFailures() {
        return maxFailures;
    }

    /**
     * Books a login attempt by {@code address} on {@code account} as a failure, unless one of the limits refuses
     * it: then nothing is booked and the answer is how long to wait.
     */
    public synchronized Optional<Duration> attempt(String address, String account) {
        Instant now = clock.instant();
        Optional<Duration> wait = blockedFor(address, account, now);
        if (wait.isEmpty()) {
            recordFailure(address, account, now);
        }
        return wait;
    }

    /**
     * The attempt booked by {@link #attempt} succeeded: the account, and the address on it, start afresh. The
     * address keeps its failures on other accounts, less the refunded attempt: logging in to one's own account
     * must not reset a count of guesses at others.
     */
    public synchronized void succeeded(String address, String account) {
        Deque<Instant> recent = addresses.get(address);
        if (recent != null) {
            recent.pollLast();
        }
        pairs.remove(pair(address, account));
        lastFailure.remove(address);
        accounts.remove(account);
    }

    /** How long {@code address} must wait before trying {@code account}; empty when it may try now. */
    public synchronized Optional<Duration> blockedFor(String address, String account) {
        return blockedFor(address, account, clock.instant());
    }

    private Optional<Duration> blockedFor(String address, String account, Instant now) {
        Duration wait = later(waitForWindow(addresses, address, maxFailures * ACCOUNTS_PER_ADDRESS, now),
                waitForWindow(pairs, pair(address, account), maxFailures, now));
        Account a = accounts.get(account);
        if (a != null) {
            Duration backoff = a.backoff(maxFailures, maxBackoff);
            Instant until = a.lastFailure.plus(backoff);
            Instant addressFailed = lastFailure.get(address);
            boolean failedDuringBackoff = addressFailed != null && !addressFailed.isBefore(now.minus(backoff));
            if (now.isBefore(until) && failedDuringBackoff) {
                wait = later(wait, Duration.between(now, until));
            }
        }
        return positive(wait) ? Optional.of(wait) : Optional.empty();
    }

    private void recordFailure(String address, String account, Instant now) {
        keepBounded(addresses, address, now);
        keepBounded(pairs, pair(address, account), now);
        keepBounded(accounts, account, now);
        book(addresses, address, maxFailures * ACCOUNTS_PER_ADDRESS, now);
        book(pairs, pair(address, account), maxFailures, now);
        lastFailure.put(address, now);
        Account a = accounts.computeIfAbsent(account, n -> new Account());
        a.failuresInARow++;
        a.lastFailure = now;
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    synchronized int trackedClients() {
        return addresses.size();
    }

    synchronized int trackedAccounts() {
        return accounts.size();
    }

    /** How long until fewer than {@code limit} of {@code key}'s failures are within the window. */
    private Duration waitForWindow(Map<String, Deque<Instant>> table, String key, int limit, Instant now) {
        Deque<Instant> recent = recent(table, key, now);
        if (recent == null || recent.size() < limit) {
            return Duration.ZERO;
        }
        Instant oldestThatCounts = recent.stream().skip(recent.size() - limit).findFirst().orElseThrow();
        return Duration.between(now, oldestThatCounts.plus(window));
    }

    private static void book(Map<String, Deque<Instant>> table, String key, int limit, Instant now) {
        Deque<Instant> recent = table.computeIfAbsent(key, k -> new ArrayDeque<>());
        recent.addLast(now);
        while (recent.size() > limit) {
            recent.removeFirst();
        }
    }

    private static Duration later(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String pair(String address, String account) {
        return address + '\n' + account;
    }

    private Deque<Instant> recent(Map<String, Deque<Instant>> table, String key, Instant now) {
        Deque<Instant> recent = table.get(key);
        if (recent == null) {
            return null;
        }
        Instant cutoff = now.minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(cutoff)) {
            recent.removeFirst();
        }
        if (recent.isEmpty()) {
            table.remove(key);
            return null;
        }
        return recent;
    }

    /** Before a new entry goes into a full table: drop what no longer counts, or everything. */
    private void keepBounded(Map<String, ?> table, String key, Instant now) {
        if (table.containsKey(key) || table.size() < maxTracked) {
            return;
        }
        Instant windowCutoff = now.minus(window);
        Instant backoffCutoff = now.minus(maxBackoff);
        addresses.values().removeIf(r -> r.isEmpty() || !r.peekLast().isAfter(windowCutoff));
        pairs.values().removeIf(r -> r.isEmpty() || !r.peekLast().isAfter(windowCutoff));
        accounts.values().removeIf(a -> !a.lastFailure.isAfter(backoffCutoff));
        lastFailure.values().removeIf(t -> !t.isAfter(backoffCutoff));
        if (table.size() >= maxTracked) {
            table.clear();
        }
        if (lastFailure.size() >= maxTracked) {
            lastFailure.clear();
        }
    }
}

package org.planmap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The login limits: per address, per account with back-off, atomic, bounded. */
class LoginRateLimiterTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    final ManualClock clock = new ManualClock();
    final LoginRateLimiter limiter = new LoginRateLimiter(5, Duration.ofMinutes(1), Duration.ofMinutes(15), 3, clock);

    /** A wrong password: the attempt is booked and never refunded. */
    void fail(String address) {
        assertThat(limiter.attempt(address, "editor")).as(address + " may try").isEmpty();
    }

    @Test
    void fiveFailuresInAMinuteBlockTheSixthAttempt() {
        for (int i = 0; i < 4; i++) {
            fail("10.0.0.1");
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(limiter.blockedFor("10.0.0.1", "editor")).isEmpty();
        fail("10.0.0.1"); // 5th, at t = 4 s; the 1st (t = 0) leaves the window at 60 s
        assertThat(limiter.attempt("10.0.0.1", "editor")).contains(Duration.ofSeconds(56));
        assertThat(limiter.blockedFor("10.0.0.1", "colleague")).as("a colleague behind the same NAT address").isEmpty();
        assertThat(limiter.blockedFor("10.0.0.2", "editor")).as("other addresses are not affected").isEmpty();
    }

    @Test
    void oneAddressSprayingManyAccountsIsRefusedWhicheverAccountItTries() {
        int allowed = 5 * LoginRateLimiter.ACCOUNTS_PER_ADDRESS;
        for (int i = 0; i < allowed; i++) {
            assertThat(limiter.attempt("10.0.0.9", "user" + (i % 10))).as("guess " + i).isEmpty();
        }
        assertThat(limiter.attempt("10.0.0.9", "never-tried")).as("the address's own limit").isPresent();
        assertThat(limiter.blockedFor("10.0.0.10", "never-tried")).isEmpty();
    }

    @Test
    void loggingInToOnesOwnAccountDoesNotResetGuessesAtOthers() {
        int allowed = 5 * LoginRateLimiter.ACCOUNTS_PER_ADDRESS;
        for (int i = 0; i < allowed - 1; i++) {
            assertThat(limiter.attempt("10.0.0.9", "user" + (i % 10))).isEmpty();
        }
        assertThat(limiter.attempt("10.0.0.9", "mine")).isEmpty();
        limiter.succeeded("10.0.0.9", "mine"); // refunds that one attempt only
        assertThat(limiter.attempt("10.0.0.9", "user-x")).isEmpty();
        assertThat(limiter.attempt("10.0.0.9", "user-y")).as("the guesses at others still count").isPresent();
    }

    @Test
    void theBlockLiftsWhenTheOldestFailureLeavesTheWindow() {
        for (int i = 0; i < 5; i++) {
            fail("10.0.0.1");
            clock.advance(Duration.ofSeconds(10));
        }
        // failures at 0, 10, 20, 30, 40 s; now 50 s: the one at 0 s expires at 60 s
        assertThat(limiter.blockedFor("10.0.0.1", "editor")).contains(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(10));
        assertThat(limiter.blockedFor("10.0.0.1", "editor")).isEmpty();
        fail("10.0.0.1"); // back to five within the minute
        assertThat(limiter.blockedFor("10.0.0.1", "editor")).contains(Duration.ofSeconds(10));
    }

    @Test
    void successForgetsTheFailures() {
        for (int i = 0; i < 5; i++) {
            fail("10.0.0.1");
        }
        limiter.succeeded("10.0.0.1", "editor");
        assertThat(limiter.blockedFor("10.0.0.1", "editor")).isEmpty();
    }

    @Test
    void theAccountBacksOffExponentiallyForAddressesThatFailedButNotForOthers() {
        LoginRateLimiter limiter = new LoginRateLimiter(5, Duration.ofMinutes(1), Duration.ofMinutes(15), 100, clock);
        java.util.function.Consumer<String> fail = a -> assertThat(limiter.attempt(a, "editor")).as(a).isEmpty();
        for (int i = 0; i < 5; i++) {
            fail.accept("10.0.1." + i); // five addresses, one failure each: no address limit reached
        }
        fail.accept("10.0.1.5"); // the 6th failure in a row on the account: 1 s back-off
        assertThat(limiter.blockedFor("10.0.1.5", "editor")).contains(Duration.ofSeconds(1));
        assertThat(limiter.blockedFor("10.0.1.0", "editor")).as("failed within the back-off")
                .contains(Duration.ofSeconds(1));
        assertThat(limiter.blockedFor("10.9.9.9", "editor")).as("an address that never failed").isEmpty();
        assertThat(limiter.blockedFor("10.0.1.5", "somebody")).as("other accounts").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        fail.accept("10.0.1.5"); // 7th: 2 s
        assertThat(limiter.blockedFor("10.0.1.5", "editor")).contains(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        fail.accept("10.0.2.1"); // 8th: 4 s
        assertThat(limiter.blockedFor("10.0.2.1", "editor")).contains(Duration.ofSeconds(4));
        for (int i = 0; i < 30; i++) {
            clock.advance(Duration.ofMinutes(20));
            fail.accept("10.0.3." + i);
        }
        assertThat(limiter.blockedFor("10.0.3.29", "editor")).as("capped").contains(Duration.ofMinutes(15));
        assertThat(limiter.blockedFor("10.8.8.8", "editor")).as("the editor at another desk").isEmpty();
        limiter.succeeded("10.8.8.8", "editor");
        assertThat(limiter.blockedFor("10.0.3.29", "editor")).as("a success resets the account").isEmpty();
    }

    @Test
    void parallelGuessesCannotAllPassOneCheck() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger admitted = new AtomicInteger();
        for (int i = 0; i < 100; i++) {
            pool.submit(() -> {
                start.await();
                if (limiter.attempt("10.0.0.7", "editor").isEmpty()) {
                    admitted.incrementAndGet();
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(admitted.get()).isEqualTo(5);
    }

    @Test
    void theTableStaysBounded() {
        fail("a");
        fail("b");
        fail("c");
        clock.advance(Duration.ofMinutes(20));
        fail("d"); // a, b, c have expired and are dropped
        assertThat(limiter.trackedClients()).isEqualTo(1);
        fail("e");
        fail("f");
        clock.advance(Duration.ofMinutes(1));
        fail("g"); // full of live entries: the table is cleared rather than grown
        assertThat(limiter.trackedClients()).isLessThanOrEqualTo(3);
        for (String account : new String[] {"u1", "u2", "u3", "u4", "u5"}) {
            limiter.attempt("h", account);
        }
        assertThat(limiter.trackedAccounts()).isLessThanOrEqualTo(3);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new LoginRateLimiter(0, Duration.ofMinutes(1), Duration.ofMinutes(1), 10, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginRateLimiter(5, Duration.ZERO, Duration.ofMinutes(1), 10, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

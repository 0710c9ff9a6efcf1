package org.planmap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

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
    final LoginRateLimiter limiter = new LoginRateLimiter(5, Duration.ofMinutes(1), 3, clock);

    @Test
    void fiveFailuresInAMinuteBlockTheSixthAttempt() {
        for (int i = 0; i < 4; i++) {
            limiter.recordFailure("10.0.0.1");
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(limiter.blockedFor("10.0.0.1")).isEmpty();
        limiter.recordFailure("10.0.0.1"); // 5th, at t = 4 s; the 1st (t = 0) leaves the window at 60 s
        assertThat(limiter.blockedFor("10.0.0.1")).contains(Duration.ofSeconds(56));
        assertThat(limiter.blockedFor("10.0.0.2")).as("other addresses are not affected").isEmpty();
    }

    @Test
    void theBlockLiftsWhenTheOldestFailureLeavesTheWindow() {
        for (int i = 0; i < 5; i++) {
            limiter.recordFailure("10.0.0.1");
            clock.advance(Duration.ofSeconds(10));
        }
        // failures at 0, 10, 20, 30, 40 s; now 50 s: the one at 0 s expires at 60 s
        assertThat(limiter.blockedFor("10.0.0.1")).contains(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(10));
        assertThat(limiter.blockedFor("10.0.0.1")).isEmpty();
        limiter.recordFailure("10.0.0.1"); // back to five within the minute
        assertThat(limiter.blockedFor("10.0.0.1")).contains(Duration.ofSeconds(10));
    }

    @Test
    void successForgetsTheFailures() {
        for (int i = 0; i < 5; i++) {
            limiter.recordFailure("10.0.0.1");
        }
        limiter.recordSuccess("10.0.0.1");
        assertThat(limiter.blockedFor("10.0.0.1")).isEmpty();
    }

    @Test
    void theTableStaysBounded() {
        limiter.recordFailure("a");
        limiter.recordFailure("b");
        limiter.recordFailure("c");
        clock.advance(Duration.ofMinutes(2));
        limiter.recordFailure("d"); // a, b, c have expired and are dropped
        assertThat(limiter.trackedClients()).isEqualTo(1);
        limiter.recordFailure("e");
        limiter.recordFailure("f");
        limiter.recordFailure("g"); // full of live entries: the table is cleared rather than grown
        assertThat(limiter.trackedClients()).isLessThanOrEqualTo(3);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new LoginRateLimiter(0, Duration.ofMinutes(1), 10, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginRateLimiter(5, Duration.ZERO, 10, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

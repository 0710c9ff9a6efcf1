package org.planmap.security;

import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every password check, by whatever road it came (HTTP Basic in any spelling Spring accepts, {@code POST
 * /api/session}), passes the {@link LoginRateLimiter} first: the limiter sits on the authentication manager, not on
 * the headers, so there is no way round it. The client address comes from the attempt's
 * {@link WebAuthenticationDetails}, which Basic authentication fills in and the session login sets.
 */
public final class ThrottledAuthentication implements AuthenticationManager {

    /** Too many failed logins: answered 429 with {@code Retry-After}. */
    public static final class TooManyAttempts extends AuthenticationException {
        private final transient Duration wait;

        TooManyAttempts(Duration wait) {
            super("too many failed logins");
            this.wait = wait;
        }

        public Duration waitFor() {
            return wait;
        }
    }

    private final AuthenticationManager passwords;
    private final LoginRateLimiter limiter;
    private final Auditor auditor;

    /** Every refused attempt is recorded by {@code auditor}; a success is recorded where a session starts. */
    public ThrottledAuthentication(AuthenticationManager passwords, LoginRateLimiter limiter, Auditor auditor) {
        this.passwords = passwords;
        this.limiter = limiter;
        this.auditor = auditor;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String address = attempt.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null
                ? d.getRemoteAddress() : "unknown";
        String account = attempt.getName() == null ? "" : attempt.getName();
        Optional<Duration> wait = limiter.attempt(address, account);
        if (wait.isPresent()) {
            auditor.loginRefused(account, address, 429);
            throw new TooManyAttempts(wait.get());
        }
        Authentication user;
        try {
            user = passwords.authenticate(attempt); // a failure stays booked
        } catch (AuthenticationException e) {
            auditor.loginRefused(account, address, 401);
            throw e;
        }
        limiter.succeeded(address, account);
        return user;
    }
}

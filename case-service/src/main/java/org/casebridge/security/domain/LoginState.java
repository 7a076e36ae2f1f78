package org.casebridge.security.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * The failed-login bookkeeping of one account.
 *
 * @param failedAttempts consecutive failed logins since the last success, unlock or expired lock
 * @param lockedUntil    when the current lock ends; null if the account was never locked or the lock was lifted
 */
public record LoginState(int failedAttempts, Instant lockedUntil) {

    /** An account without failed logins. */
    public static final LoginState CLEAN = new LoginState(0, null);

    public LoginState {
        if (failedAttempts < 0) {
            throw new IllegalArgumentException("failedAttempts must not be negative");
        }
    }

    public Optional<Instant> lockEnd() {
        return Optional.ofNullable(lockedUntil);
    }
}

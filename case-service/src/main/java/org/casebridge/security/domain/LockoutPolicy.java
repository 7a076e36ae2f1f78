package org.casebridge.security.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Locks an account after too many consecutive failed logins, for a fixed time.
 *
 * <p>Rules: the {@code maxFailures}-th consecutive failure locks the account until {@code now + lockDuration}. While
 * locked every attempt is refused, even with the right password, and attempts do not extend the lock (so an
 * attacker cannot keep an officer locked out indefinitely by guessing at the lock's end only). Once the lock has
 * expired the count starts again from zero. A successful login or an administrator's unlock clears the state.
 */
public final class LockoutPolicy {

    private final int maxFailures;
    private final Duration lockDuration;

    public LockoutPolicy(int maxFailures, Duration lockDuration) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1, was " + maxFailures);
        }
        Objects.requireNonNull(lockDuration, "lockDuration");
        if (lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("lockDuration must be positive, was " + lockDuration);
        }
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    public int maxFailures() {
        return maxFailures;
    }

    public Duration lockDuration() {
        return lockDuration;
    }

    /** True while a lock is in force at {@code now}. */
    public boolean isLocked(LoginState state, Instant now) {
        return state.lockedUntil() != null && now.isBefore(state.lockedUntil());
    }

    /**
     * The state after a failed attempt at {@code now}. A failure during a lock leaves the state as it is.
     */
    public LoginState afterFailure(LoginState state, Instant now) {
        if (isLocked(state, now)) {
            return state;
        }
        // An expired lock is forgiven: the next failures count from zero again.
        int previous = state.lockedUntil() == null ? state.failedAttempts() : 0;
        int failures = previous + 1;
        if (failures >= maxFailures) {
            return new LoginState(failures, now.plus(lockDuration));
        }
        return new LoginState(failures, null);
    }

    /** The state after a successful login (or an administrator's unlock). */
    public LoginState afterSuccess() {
        return LoginState.CLEAN;
    }
}

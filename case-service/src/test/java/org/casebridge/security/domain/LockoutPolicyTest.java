package org.casebridge.security.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LockoutPolicyTest {

    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    private final LockoutPolicy policy = new LockoutPolicy(5, Duration.ofMinutes(10));

    @Test
    void fourFailuresCountButDoNotLock() {
        LoginState state = failTimes(LoginState.CLEAN, 4, T0);

        assertThat(state.failedAttempts()).isEqualTo(4);
        assertThat(state.lockedUntil()).isNull();
        assertThat(policy.isLocked(state, T0)).isFalse();
    }

    @Test
    void fifthFailureLocksForTheLockDuration() {
        LoginState state = failTimes(LoginState.CLEAN, 5, T0);

        assertThat(state.lockedUntil()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        assertThat(policy.isLocked(state, T0)).isTrue();
        assertThat(policy.isLocked(state, T0.plus(Duration.ofMinutes(10)).minusMillis(1))).isTrue();
        assertThat(policy.isLocked(state, T0.plus(Duration.ofMinutes(10)))).isFalse();
    }

    @Test
    void failuresDuringALockDoNotExtendIt() {
        LoginState locked = failTimes(LoginState.CLEAN, 5, T0);

        LoginState after = policy.afterFailure(locked, T0.plus(Duration.ofMinutes(9)));

        assertThat(after).isEqualTo(locked);
    }

    @Test
    void countStartsAgainAfterAnExpiredLock() {
        LoginState locked = failTimes(LoginState.CLEAN, 5, T0);
        Instant later = T0.plus(Duration.ofMinutes(11));

        LoginState after = policy.afterFailure(locked, later);

        assertThat(after.failedAttempts()).isEqualTo(1);
        assertThat(policy.isLocked(after, later)).isFalse();
        assertThat(policy.isLocked(failTimes(after, 4, later), later)).isTrue();
    }

    @Test
    void successClearsTheCount() {
        assertThat(policy.afterSuccess()).isEqualTo(LoginState.CLEAN);
    }

    @Test
    void refusesNonsensicalSettings() {
        assertThatThrownBy(() -> new LockoutPolicy(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LockoutPolicy(3, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private LoginState failTimes(LoginState start, int times, Instant at) {
        LoginState state = start;
        for (int i = 0; i < times; i++) {
            state = policy.afterFailure(state, at);
        }
        return state;
    }
}

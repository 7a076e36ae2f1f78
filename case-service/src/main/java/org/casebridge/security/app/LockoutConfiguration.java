package org.casebridge.security.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.casebridge.security.domain.LockoutPolicy;

import java.time.Duration;

/** {@code casebridge.security.lockout}: how many failed logins lock an account, and for how long. */
@ConfigurationProperties("casebridge.security.lockout")
public class LockoutConfiguration {

    @Min(1)
    private int maxFailures = 5;

    @NotNull
    private Duration duration = Duration.ofMinutes(10);

    public int getMaxFailures() {
        return maxFailures;
    }

    public void setMaxFailures(int maxFailures) {
        this.maxFailures = maxFailures;
    }

    public Duration getDuration() {
        return duration;
    }

    public void setDuration(Duration duration) {
        this.duration = duration;
    }

    public LockoutPolicy toPolicy() {
        return new LockoutPolicy(maxFailures, duration);
    }
}

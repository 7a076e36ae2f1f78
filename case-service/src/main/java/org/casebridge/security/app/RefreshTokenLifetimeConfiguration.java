package org.casebridge.security.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code casebridge.security.refresh-token}: how long a refresh token may be used to get new access tokens. Twelve
 * hours covers a long shift; after that the officer logs in again.
 */
@ConfigurationProperties("casebridge.security.refresh-token")
public class RefreshTokenLifetimeConfiguration {

    @NotNull
    private Duration lifetime = Duration.ofHours(12);

    public Duration getLifetime() {
        return lifetime;
    }

    public void setLifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }
}

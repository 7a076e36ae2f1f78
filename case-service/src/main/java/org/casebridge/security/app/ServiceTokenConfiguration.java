package org.casebridge.security.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The shared secret this node's own services (the notification-service) present to read the user directory
 * ({@code casebridge.security.service-token}). Without one the directory endpoint is off.
 */
@ConfigurationProperties("casebridge.security")
public class ServiceTokenConfiguration {

    /** Shorter secrets are refused: the token is the only thing between a caller and the directory. */
    public static final int MIN_LENGTH = 32;

    @Nullable
    private String serviceToken;

    @Nullable
    public String getServiceToken() {
        return serviceToken;
    }

    public void setServiceToken(@Nullable String serviceToken) {
        this.serviceToken = serviceToken;
    }

    /** True when a token of sufficient length is configured. */
    public boolean enabled() {
        return serviceToken != null && serviceToken.length() >= MIN_LENGTH;
    }

    /** Compares in constant time, so the answer time does not reveal how much of a guess was right. */
    public boolean matches(@Nullable String presented) {
        if (!enabled() || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(serviceToken.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}

package org.casebridge.console.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.util.Optional;

/**
 * Where this node's notification-service answers ({@code casebridge.notification-service.url}). Without it the
 * console shows no notifications.
 */
@ConfigurationProperties("casebridge.notification-service")
public class NotificationServiceConfiguration {

    @Nullable
    private URI url;

    public Optional<URI> getUrl() {
        return Optional.ofNullable(url);
    }

    public void setUrl(@Nullable URI url) {
        this.url = url;
    }

    /** The service's origin ({@code http://localhost:8091}), for the content security policy. */
    public Optional<String> origin() {
        return getUrl().map(u -> u.getScheme() + "://" + u.getAuthority());
    }
}

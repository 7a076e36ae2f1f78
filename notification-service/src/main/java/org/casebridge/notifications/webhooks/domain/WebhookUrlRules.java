package org.casebridge.notifications.webhooks.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a webhook URL must look like: absolute, https (http only where the operator allows it, as in the demo), with a
 * host, without user information (secrets belong in the signature, not the URL) and without a fragment.
 */
public final class WebhookUrlRules {

    public static final int MAX_LENGTH = 2048;

    private WebhookUrlRules() {
    }

    /** Why the URL is unacceptable, or empty when it is fine. */
    public static Optional<String> problem(String url, boolean allowHttp) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("must be an absolute https URL");
        }
        if (scheme.equals("http") && !allowHttp) {
            return Optional.of("must use https");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain user information");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not contain a fragment");
        }
        return Optional.empty();
    }
}

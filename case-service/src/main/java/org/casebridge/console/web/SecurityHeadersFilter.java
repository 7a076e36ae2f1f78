package org.casebridge.console.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Security headers on every answer: a strict content security policy (scripts and styles only from this node, no
 * inline code, no framing), no MIME sniffing, no referrer outside the node, and no caching of console pages, which
 * show case data. Swagger UI, a third-party page with inline scripts, keeps its own rules apart from the CSP.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter {

    private final String contentSecurityPolicy;

    public SecurityHeadersFilter(NotificationServiceConfiguration notifications) {
        // The live notification stream comes straight from the node's notification-service.
        String connect = notifications.origin().map(origin -> "'self' " + origin).orElse("'self'");
        this.contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                + " font-src 'self'; connect-src " + connect + "; object-src 'none'; base-uri 'none';"
                + " form-action 'self'; frame-ancestors 'none'";
    }

    @ResponseFilter
    public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        var headers = response.getHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "same-origin");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        if (!request.getPath().startsWith("/swagger")) {
            headers.set("Content-Security-Policy", contentSecurityPolicy);
        }
        if (request.isSecure()) {
            headers.set("Strict-Transport-Security", "max-age=31536000");
        }
        boolean html = response.getContentType().map(type -> type.matches(MediaType.TEXT_HTML_TYPE)).orElse(false);
        if (html && !headers.contains("Cache-Control")) {
            headers.set("Cache-Control", "no-store");
        }
    }
}

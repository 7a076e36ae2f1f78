package org.casebridge.notifications.testkit;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.casebridge.infra.DatabaseCoordinates;
import org.casebridge.infra.junit.NodeTestProperties;

/**
 * A notification-service of one agency in this JVM, on its own database, with the node's case-service for tokens
 * and the user directory. Stopping and starting it again on the same database and consumer group is a restart.
 */
public final class NotificationNode implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final EmbeddedServer server;

    private NotificationNode(EmbeddedServer server) {
        this.server = server;
    }

    /** Properties for a node of the agency on the given database, consumer group and case-service. */
    public static Map<String, Object> properties(String agency, DatabaseCoordinates database, String consumerGroup,
                                                 CaseServiceProcess caseService, int smtpPort) {
        Map<String, Object> properties = new LinkedHashMap<>(NodeTestProperties.forAgency(agency, database));
        properties.put("casebridge.case-service.url", caseService.url());
        properties.put("casebridge.security.service-token", CaseServiceProcess.SERVICE_TOKEN);
        properties.put("casebridge.notifications.consumer-group", consumerGroup);
        properties.put("casebridge.notifications.console-url", "http://console.test");
        properties.put("javamail.properties.mail.smtp.host", "127.0.0.1");
        properties.put("javamail.properties.mail.smtp.port", Integer.toString(smtpPort));
        properties.put("casebridge.notifications.email.poll-interval", "300ms");
        properties.put("casebridge.notifications.email.retry-initial", "500ms");
        properties.put("casebridge.notifications.webhooks.poll-interval", "200ms");
        properties.put("casebridge.notifications.webhooks.allow-http", "true");
        properties.put("casebridge.notifications.webhooks.retry-initial", "300ms");
        properties.put("casebridge.notifications.webhooks.retry-maximum", "1s");
        properties.put("casebridge.notifications.webhooks.max-attempts", "4");
        properties.put("casebridge.notifications.webhooks.disable-after", "4");
        return properties;
    }

    public static NotificationNode start(Map<String, Object> properties) {
        return new NotificationNode(ApplicationContext.run(EmbeddedServer.class, properties, "test"));
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    public String url() {
        return server.getURL().toString();
    }

    /** A request to the service's API; body is JSON or null. */
    public HttpResponse<String> send(String method, String path, String bearer, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}

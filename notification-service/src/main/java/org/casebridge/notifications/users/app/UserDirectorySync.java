package org.casebridge.notifications.users.app;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.casebridge.notifications.rules.domain.Recipient;
import org.casebridge.notifications.users.persistence.DirectoryUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the node's users (ids, roles, e-mail addresses) in step with the case-service, which owns the accounts. The
 * case-service lists them at {@value #PATH} to callers presenting the node's service token; the copy here is replaced
 * at start and then every refresh interval, so rules and mail keep working while the case-service restarts.
 */
@Singleton
public class UserDirectorySync {

    /** The case-service's directory endpoint. */
    public static final String PATH = "/service/v1/user-directory";
    /** Header carrying the service token. */
    public static final String TOKEN_HEADER = "X-CaseBridge-Service-Token";

    private static final Logger LOG = LoggerFactory.getLogger(UserDirectorySync.class);

    private final DirectoryUsers store;
    private final JsonMapper json;
    private final Clock clock;
    private final URI directoryUri;
    private final String serviceToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public UserDirectorySync(DirectoryUsers store, JsonMapper json, Clock clock,
                             @Value("${casebridge.case-service.url}") String caseServiceUrl,
                             @Value("${casebridge.security.service-token:}") @Nullable String serviceToken) {
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.directoryUri = URI.create(caseServiceUrl.replaceAll("/+$", "") + PATH);
        this.serviceToken = serviceToken == null ? "" : serviceToken;
    }

    @Scheduled(fixedDelay = "${casebridge.notifications.directory.refresh-interval:60s}", initialDelay = "1s")
    void scheduledRefresh() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("User directory not refreshed from {}: {}", directoryUri, e.getMessage());
        }
    }

    /**
     * Reads the directory from the case-service and replaces the local copy.
     *
     * @return how many users it lists
     */
    public int refresh() {
        HttpRequest request = HttpRequest.newBuilder(directoryUri).timeout(Duration.ofSeconds(10))
                .header(TOKEN_HEADER, serviceToken).header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("the case-service directory is not reachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the case-service directory answered " + response.statusCode());
        }
        List<DirectoryEntry> entries;
        try {
            entries = json.readValue(response.body(), Argument.listOf(DirectoryEntry.class));
        } catch (IOException e) {
            throw new IllegalStateException("the case-service directory answered something unreadable", e);
        }
        List<Recipient> users = entries.stream().map(entry -> new Recipient(entry.username(), entry.id(),
                entry.displayName() == null ? entry.username() : entry.displayName(), entry.email(),
                entry.roles() == null ? new HashSet<>() : new HashSet<>(entry.roles()), entry.enabled())).toList();
        store.replaceAll(users, clock.instant());
        return users.size();
    }

    /** Loads the directory if it never was; does nothing if the case-service cannot be asked right now. */
    public void ensureLoaded() {
        if (store.lastSync().isEmpty()) {
            try {
                refresh();
            } catch (RuntimeException e) {
                LOG.warn("User directory not loaded from {}: {}", directoryUri, e.getMessage());
            }
        }
    }

    /**
     * The users as last synchronised.
     *
     * @throws IllegalStateException if the directory was never loaded: nobody could be addressed yet
     */
    public List<Recipient> users() {
        if (store.lastSync().isEmpty()) {
            throw new IllegalStateException("the user directory was never loaded from " + directoryUri);
        }
        return store.all();
    }

    /** One user as the case-service lists them. */
    @Serdeable
    public record DirectoryEntry(UUID id, String username, String displayName, @Nullable String email,
                                 List<String> roles, boolean enabled) {
    }
}

package org.casebridge.console.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.views.ModelAndView;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebridge.support.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's side of the node's notification-service. The browser holds its session token only in an HttpOnly
 * cookie, so this node calls the notification-service for it, server to server, with that token as a bearer token:
 * the notification list, marking read, and the one-time stream ticket with which the browser opens the live stream
 * (the notification-service's own design: an {@code EventSource} cannot send headers, and a ticket is used once and
 * lapses within a minute).
 */
@Controller("/notifications")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class NotificationsController {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationsController.class);

    private final NotificationServiceConfiguration configuration;
    private final ConsoleSession session;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public NotificationsController(NotificationServiceConfiguration configuration, ConsoleSession session,
                                   ObjectMapper json) {
        this.configuration = configuration;
        this.session = session;
        this.json = json;
    }

    /** The user's notifications, unread first. */
    @Get(produces = MediaType.TEXT_HTML)
    public MutableHttpResponse<?> list(HttpRequest<?> request) {
        Map<String, Object> model = ConsoleForms.model("section", "notifications");
        try {
            Map<?, ?> page = call(request, "GET", "/api/v1/notifications?page=0&size=50");
            model.put("notifications", page.get("items") == null ? List.of() : page.get("items"));
            model.put("unread", page.get("unread"));
            model.put("available", true);
        } catch (ProblemException e) {
            model.put("notifications", List.of());
            model.put("available", false);
            model.put("problem", e.getMessage());
        }
        return HttpResponse.ok(new ModelAndView<>("notifications", model));
    }

    @Post(value = "/{id}/read", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public MutableHttpResponse<?> markRead(@PathVariable UUID id, HttpRequest<?> request) {
        call(request, "POST", "/api/v1/notifications/" + id + "/read");
        return ConsoleForms.seeOther("/notifications");
    }

    @Post(value = "/read-all", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public MutableHttpResponse<?> markAllRead(HttpRequest<?> request) {
        call(request, "POST", "/api/v1/notifications/read-all");
        return ConsoleForms.seeOther("/notifications");
    }

    /**
     * A one-time ticket for the live stream and where to open it. Called by the console's script with the CSRF
     * header; answers 404 when the node has no notification-service configured.
     */
    @Post(value = "/stream-ticket", produces = MediaType.APPLICATION_JSON)
    public Map<String, Object> streamTicket(HttpRequest<?> request) {
        URI base = configuration.getUrl().orElseThrow(() -> ProblemException.notFound("a notification-service"));
        Map<?, ?> ticket = call(request, "POST", "/api/v1/notifications/stream-tickets");
        Object path = ticket.get("streamPath");
        return Map.of("ticket", ticket.get("ticket"), "streamUrl", base.resolve(String.valueOf(path)).toString());
    }

    private Map<?, ?> call(HttpRequest<?> request, String method, String path) {
        URI base = configuration.getUrl().orElseThrow(() -> new ProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                "NO_NOTIFICATION_SERVICE", "this node has no notification-service configured"));
        String token = session.sessionToken(request).or(() -> bearer(request))
                .orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, "NO_SESSION", "sign in first"));
        java.net.http.HttpRequest call = java.net.http.HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        try {
            java.net.http.HttpResponse<byte[]> answer = http.send(call,
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() >= 300) {
                LOG.info("notification-service answered {} to {} {}", answer.statusCode(), method, path);
                throw new ProblemException(HttpStatus.BAD_GATEWAY, "NOTIFICATION_SERVICE_REFUSED",
                        "the notification-service answered " + answer.statusCode());
            }
            return answer.body().length == 0 ? Map.of() : json.readValue(answer.body(), Map.class);
        } catch (IOException e) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "NOTIFICATION_SERVICE_UNREACHABLE",
                    "the notification-service cannot be reached just now");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "NOTIFICATION_SERVICE_UNREACHABLE",
                    "interrupted while calling the notification-service");
        }
    }

    private static java.util.Optional<String> bearer(HttpRequest<?> request) {
        String header = request.getHeaders().get("Authorization");
        return header != null && header.startsWith("Bearer ") ? java.util.Optional.of(header.substring(7))
                : java.util.Optional.empty();
    }
}

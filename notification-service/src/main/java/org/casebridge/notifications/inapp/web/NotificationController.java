package org.casebridge.notifications.inapp.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.casebridge.notifications.inapp.app.NotificationStream;
import org.casebridge.notifications.inapp.persistence.NotificationStore;
import org.casebridge.notifications.security.persistence.StreamTickets;
import org.casebridge.support.problem.ProblemException;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * The signed-in user's notifications: a paginated list (unread first), marking read, and a live stream of new ones
 * as server-sent events. Every user sees only their own notifications.
 */
@Controller("/api/v1/notifications")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class NotificationController {

    /** Path of the event stream. */
    public static final String STREAM_PATH = "/api/v1/notifications/stream";
    static final int MAX_PAGE_SIZE = 100;

    private final NotificationStore store;
    private final NotificationStream stream;
    private final StreamTickets tickets;
    private final Clock clock;
    private final Duration heartbeat;

    public NotificationController(NotificationStore store, NotificationStream stream, StreamTickets tickets,
                                  Clock clock,
                                  @Value("${casebridge.notifications.stream.heartbeat:25s}") Duration heartbeat) {
        this.store = store;
        this.stream = stream;
        this.tickets = tickets;
        this.clock = clock;
        this.heartbeat = heartbeat;
    }

    @Get
    public NotificationPage list(Authentication user, @QueryValue(defaultValue = "0") String page,
                                 @QueryValue(defaultValue = "20") String size) {
        int pageNumber = intParameter("page", page, 0, 1_000_000);
        int pageSize = intParameter("size", size, 1, MAX_PAGE_SIZE);
        String username = user.getName();
        return new NotificationPage(store.page(username, pageNumber, pageSize).stream()
                .map(NotificationView::of).toList(), pageNumber, pageSize, store.count(username, false),
                store.count(username, true));
    }

    @Post("/{id}/read")
    @Status(HttpStatus.NO_CONTENT)
    public void read(Authentication user, @PathVariable String id) {
        UUID notificationId = uuid("id", id);
        // Another user's notification answers the same as a missing one: ids reveal nothing.
        if (!store.markRead(notificationId, user.getName(), clock.instant())) {
            throw ProblemException.notFound("notification " + notificationId);
        }
    }

    @Post("/read-all")
    public ReadAllResult readAll(Authentication user) {
        return new ReadAllResult(store.markAllRead(user.getName(), clock.instant()));
    }

    /** A single-use ticket, valid for seconds, that opens the event stream from a browser. */
    @Post("/stream-tickets")
    public HttpResponse<StreamTicketView> streamTicket(Authentication user) {
        StreamTickets.Ticket ticket = tickets.issue(user.getName());
        return HttpResponse.created(new StreamTicketView(ticket.ticket(), ticket.expiresAt(), STREAM_PATH));
    }

    /**
     * New notifications as server-sent events: first {@code ready} (with the unread count), then one
     * {@code notification} event per new notification, and a {@code heartbeat} now and then. Opened with a stream
     * ticket ({@code ?ticket=}) from a browser, or with the bearer token from other clients.
     */
    @Get(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public Publisher<Event<?>> stream(@Nullable Authentication user, @QueryValue @Nullable String ticket) {
        String username;
        if (ticket != null) {
            username = tickets.redeem(ticket).orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED,
                    "UNAUTHORIZED", "the stream ticket is unknown, used or expired; request a new one"));
        } else if (user != null) {
            username = user.getName();
        } else {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED",
                    "open the stream with a ticket (POST /api/v1/notifications/stream-tickets) or a bearer token");
        }
        Event<?> ready = Event.of(new StreamReady(username, store.count(username, true))).name("ready");
        Flux<Event<?>> notifications = stream.of(username)
                .map(n -> Event.of(NotificationView.of(n)).name("notification").id(n.id().toString()));
        Flux<Event<?>> heartbeats = Flux.interval(heartbeat)
                .map(tick -> Event.of(new Heartbeat(Instant.now(clock))).name("heartbeat"));
        return Flux.concat(Flux.just(ready), Flux.merge(notifications, heartbeats));
    }

    private static int intParameter(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw ProblemException.invalidField(name, "must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(name, "must be a whole number");
        }
    }

    static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "must be a UUID");
        }
    }

    /** First event on a stream. */
    @Serdeable
    public record StreamReady(String username, long unread) {
    }

    /** Keeps proxies from closing an idle stream. */
    @Serdeable
    public record Heartbeat(Instant at) {
    }
}

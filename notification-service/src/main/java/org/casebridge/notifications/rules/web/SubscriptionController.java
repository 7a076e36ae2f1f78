package org.casebridge.notifications.rules.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.casebridge.notifications.rules.domain.EmailMode;
import org.casebridge.notifications.rules.domain.NotificationRules;
import org.casebridge.notifications.rules.domain.NotificationTypes;
import org.casebridge.notifications.rules.domain.UserPreferences;
import org.casebridge.notifications.rules.persistence.PreferenceStore;
import org.casebridge.support.problem.ProblemDetail;
import org.casebridge.support.problem.ProblemException;

/**
 * The signed-in user's subscriptions: add or mute notification types over the role defaults, follow or unfollow
 * cases, requests and joint actions, and choose how e-mail arrives.
 */
@Controller("/api/v1/subscriptions")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SubscriptionController {

    private final PreferenceStore preferences;
    private final Clock clock;

    public SubscriptionController(PreferenceStore preferences, Clock clock) {
        this.preferences = preferences;
        this.clock = clock;
    }

    @Get
    public SubscriptionView get(Authentication user) {
        return view(user);
    }

    @Put("/event-types/{type}")
    public SubscriptionView setType(Authentication user, @PathVariable String type,
                                    @Body @Nullable SubscriptionRequests.TypeChoice body) {
        if (!NotificationTypes.isSubscribable(type)) {
            throw ProblemException.invalidField("type", "unknown notification type; one of "
                    + NotificationTypes.SUBSCRIBABLE);
        }
        String choice = body == null || body.choice() == null ? null : body.choice().toUpperCase(Locale.ROOT);
        Boolean enabled = switch (choice == null ? "" : choice) {
            case "ADD" -> Boolean.TRUE;
            case "MUTE" -> Boolean.FALSE;
            case "DEFAULT" -> null;
            default -> throw ProblemException.invalidField("choice", "must be ADD, MUTE or DEFAULT");
        };
        if (Boolean.TRUE.equals(enabled) && NotificationTypes.isCaseContent(type) && !worksCases(user)) {
            throw forbidden("type", type + " is about cases, evidence requests or joint actions; only liaisons and"
                    + " supervisors may hear of them");
        }
        preferences.setEventType(user.getName(), type, enabled);
        return view(user);
    }

    @Put("/follows/{subjectId}")
    public SubscriptionView follow(Authentication user, @PathVariable String subjectId,
                                   @Body @Nullable SubscriptionRequests.FollowRequest body) {
        String reference = body == null ? null : body.caseReference();
        if (reference != null && (reference.isBlank() || reference.length() > 64)) {
            throw ProblemException.invalidField("caseReference", "must be 1 to 64 characters");
        }
        UUID subject = uuid(subjectId);
        if (!worksCases(user)) {
            throw forbidden("subjectId", "only liaisons and supervisors may follow cases, evidence requests or"
                    + " joint actions");
        }
        preferences.setFollow(user.getName(), subject, true, true, reference, clock.instant());
        return view(user);
    }

    /** Unfollows, and keeps it so: acting on the subject later does not follow it again. */
    @Delete("/follows/{subjectId}")
    public SubscriptionView unfollow(Authentication user, @PathVariable String subjectId) {
        preferences.setFollow(user.getName(), uuid(subjectId), false, true, null, clock.instant());
        return view(user);
    }

    @Put("/email")
    public SubscriptionView email(Authentication user, @Body @Nullable SubscriptionRequests.EmailChoice body) {
        EmailMode mode;
        try {
            mode = EmailMode.valueOf(body == null || body.mode() == null ? "" : body.mode().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("mode", "must be IMMEDIATE, DIGEST or OFF");
        }
        preferences.setEmailMode(user.getName(), mode);
        return view(user);
    }

    private SubscriptionView view(Authentication user) {
        UserPreferences prefs = preferences.of(user.getName());
        Set<String> roles = new HashSet<>(user.getRoles());
        List<SubscriptionView.TypeSetting> types = NotificationTypes.SUBSCRIBABLE.stream().map(type -> {
            boolean roleDefault = NotificationRules.isRoleDefault(roles, type);
            boolean allowed = !NotificationTypes.isCaseContent(type) || NotificationTypes.mayReceiveCaseContent(roles);
            Boolean choice = prefs.eventTypes().get(type);
            boolean active = allowed && (choice == null ? roleDefault : choice);
            return new SubscriptionView.TypeSetting(type, roleDefault,
                    choice == null ? null : choice ? "ADDED" : "MUTED", active, allowed);
        }).toList();
        List<SubscriptionView.FollowView> follows = preferences.follows(user.getName()).stream()
                .map(f -> new SubscriptionView.FollowView(f.subjectId(), f.caseReference(), f.source(), f.since()))
                .toList();
        return new SubscriptionView(prefs.emailMode().name(), types, follows);
    }

    /** Analysts see statistics, not personal data: case content is for the roles that work cases. */
    private static boolean worksCases(Authentication user) {
        return NotificationTypes.mayReceiveCaseContent(Set.copyOf(user.getRoles()));
    }

    private static ProblemException forbidden(String field, String message) {
        return new ProblemException(HttpStatus.FORBIDDEN, "FORBIDDEN", field + ": " + message,
                List.of(new ProblemDetail.FieldError(field, message)));
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("subjectId", "must be a UUID");
        }
    }
}

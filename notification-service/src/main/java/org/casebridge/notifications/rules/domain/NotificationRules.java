package org.casebridge.notifications.rules.domain;

import java.util.Set;

/**
 * Who is notified of an event. A user is notified when all of these hold:
 * <ul>
 *   <li>the account is enabled and the user did not cause the event themselves;</li>
 *   <li>the user has not muted the event's type;</li>
 *   <li>the type is a default of one of the user's roles, or the user added it, or the user follows the event's
 *       subject (case, evidence request or joint action).</li>
 * </ul>
 * A user follows a subject after causing an event about it (drafting a request, answering an invitation), unless they
 * unfollowed it; so decisions and information requests reach the liaison whose request it is.
 * <p>
 * Above all of these: news of a case, evidence request or joint action reaches only users who work cases (liaisons
 * and supervisors), whatever the others chose; analysts see statistics, not personal data.
 */
public final class NotificationRules {

    private NotificationRules() {
    }

    public static boolean notifies(Recipient user, UserPreferences preferences, EventFacts event) {
        if (!user.enabled() || user.isActor(event.actor())
                || !NotificationTypes.mayReceive(user.roles(), event.eventType(), event.subjectKind())) {
            return false;
        }
        Boolean typeChoice = preferences.eventTypes().get(event.eventType());
        if (Boolean.FALSE.equals(typeChoice)) {
            return false;
        }
        return Boolean.TRUE.equals(typeChoice) || isRoleDefault(user.roles(), event.eventType())
                || preferences.follows(event.subjectId());
    }

    public static boolean isRoleDefault(Set<String> roles, String eventType) {
        return roles.stream().anyMatch(role -> NotificationTypes.ROLE_DEFAULTS.getOrDefault(role, Set.of())
                .contains(eventType));
    }

    /** Whether the event makes its actor a follower of its subject (not when the user unfollowed it before). */
    public static boolean startsFollowing(Recipient user, UserPreferences preferences, EventFacts event) {
        return user.isActor(event.actor()) && !preferences.follows().containsKey(event.subjectId())
                && NotificationTypes.mayReceive(user.roles(), event.eventType(), event.subjectKind());
    }
}

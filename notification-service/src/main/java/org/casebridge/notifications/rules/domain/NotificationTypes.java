package org.casebridge.notifications.rules.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kinds of notification: every domain event type of the contract, plus the notification-service's own
 * {@link #WEBHOOK_DISABLED}. A test keeps the list equal to the contract's enum.
 */
public final class NotificationTypes {

    /** Raised by this service when it disables a webhook endpoint after repeated failure. */
    public static final String WEBHOOK_DISABLED = "WEBHOOK_DISABLED";

    /** An event type newer than this service; only followers of the subject hear of it. */
    public static final String UNKNOWN = "UNKNOWN";

    /** The domain event types of the contract, without UNKNOWN. */
    public static final List<String> EVENT_TYPES = List.of(
            "CASE_SHARED_WITH_US", "CASE_UPDATED", "CASE_SHARE_REVOKED", "CONTRIBUTION_ADDED", "DELIVERY_REFUSED",
            "REQUEST_RECEIVED", "REQUEST_AWAITING_APPROVAL", "REQUEST_DECIDED", "INFORMATION_REQUESTED",
            "INFORMATION_PROVIDED", "REQUEST_FULFILLED", "REQUEST_WITHDRAWN", "DEADLINE_APPROACHING",
            "DEADLINE_OVERDUE", "PRESERVATION_LAPSING", "JOINT_ACTION_INVITATION", "JOINT_ACTION_UPDATED",
            "JOINT_ACTION_DECISION", "JOINT_ACTION_OUTCOME", "SEQUENCE_GAP");

    /** Types a user may subscribe to or mute. */
    public static final List<String> SUBSCRIBABLE = concat(EVENT_TYPES, WEBHOOK_DISABLED);

    /**
     * What each role hears of without following anything: liaisons of new inbound work, supervisors of approvals
     * and every overdue request, administrators of the node's plumbing.
     */
    public static final Map<String, Set<String>> ROLE_DEFAULTS = Map.of(
            "LIAISON", Set.of("REQUEST_RECEIVED", "CASE_SHARED_WITH_US", "JOINT_ACTION_INVITATION"),
            "SUPERVISOR", Set.of("REQUEST_AWAITING_APPROVAL", "DEADLINE_OVERDUE"),
            "ADMIN", Set.of("DELIVERY_REFUSED", "SEQUENCE_GAP", WEBHOOK_DISABLED),
            "ANALYST", Set.of());

    private NotificationTypes() {
    }

    public static boolean isSubscribable(String type) {
        return SUBSCRIBABLE.contains(type);
    }

    private static List<String> concat(List<String> list, String extra) {
        List<String> all = new ArrayList<>(list);
        all.add(extra);
        return List.copyOf(all);
    }
}

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

    /**
     * The roles that work cases, evidence requests and joint actions: the case-service admits only these to them.
     * Only they hear of those subjects; analysts see statistics, not personal data.
     */
    public static final Set<String> CASE_ROLES = Set.of("LIAISON", "SUPERVISOR");

    /** Types about the node's plumbing rather than a case; everything else, unknown types included, is case content. */
    public static final Set<String> PLUMBING_TYPES = Set.of("DELIVERY_REFUSED", "SEQUENCE_GAP", WEBHOOK_DISABLED);

    /** Subject kinds whose events are case content whatever their type. */
    public static final Set<String> CASE_SUBJECTS = Set.of("CASE", "EVIDENCE_REQUEST", "JOINT_ACTION", "UNKNOWN");

    private NotificationTypes() {
    }

    /** Whether notifications of this type carry content of a case, request or joint action. */
    public static boolean isCaseContent(String type) {
        return !PLUMBING_TYPES.contains(type);
    }

    /** Whether a user with these roles may be told of an event of this type about a subject of this kind. */
    public static boolean mayReceive(Set<String> roles, String type, String subjectKind) {
        boolean caseContent = isCaseContent(type) || CASE_SUBJECTS.contains(subjectKind);
        return !caseContent || mayReceiveCaseContent(roles);
    }

    /** Whether a user with these roles works cases, and so may hear of them. */
    public static boolean mayReceiveCaseContent(Set<String> roles) {
        return roles.stream().anyMatch(CASE_ROLES::contains);
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

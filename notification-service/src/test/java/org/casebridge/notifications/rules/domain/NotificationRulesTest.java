package org.casebridge.notifications.rules.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.casebridge.events.v1.DomainEventType;
import org.junit.jupiter.api.Test;

class NotificationRulesTest {

    private static final UUID SUBJECT = UUID.randomUUID();
    private final Recipient liaison = user("liaison", "LIAISON");
    private final Recipient supervisor = user("supervisor", "SUPERVISOR");
    private final Recipient admin = user("admin", "ADMIN");

    @Test
    void liaisonsHearOfNewInboundWorkSupervisorsOfApprovalsAndOverdueRequests() {
        assertThat(NotificationRules.notifies(liaison, UserPreferences.DEFAULTS, event("REQUEST_RECEIVED", null))).isTrue();
        assertThat(NotificationRules.notifies(liaison, UserPreferences.DEFAULTS, event("CASE_SHARED_WITH_US", null))).isTrue();
        assertThat(NotificationRules.notifies(liaison, UserPreferences.DEFAULTS, event("JOINT_ACTION_INVITATION", null))).isTrue();
        assertThat(NotificationRules.notifies(liaison, UserPreferences.DEFAULTS, event("DEADLINE_OVERDUE", null))).isFalse();
        assertThat(NotificationRules.notifies(supervisor, UserPreferences.DEFAULTS, event("DEADLINE_OVERDUE", null))).isTrue();
        assertThat(NotificationRules.notifies(supervisor, UserPreferences.DEFAULTS, event("REQUEST_AWAITING_APPROVAL", null))).isTrue();
        assertThat(NotificationRules.notifies(supervisor, UserPreferences.DEFAULTS, event("REQUEST_RECEIVED", null))).isFalse();
        assertThat(NotificationRules.notifies(admin, UserPreferences.DEFAULTS, event("DELIVERY_REFUSED", null))).isTrue();
    }

    @Test
    void followersHearOfEverythingAboutTheirSubjectUnlessTheyMutedTheType() {
        UserPreferences following = new UserPreferences(Map.of(), Map.of(SUBJECT, true), EmailMode.IMMEDIATE);
        assertThat(NotificationRules.notifies(liaison, following, event("REQUEST_DECIDED", null))).isTrue();
        assertThat(NotificationRules.notifies(liaison, UserPreferences.DEFAULTS, event("REQUEST_DECIDED", null))).isFalse();
        UserPreferences muted = new UserPreferences(Map.of("REQUEST_DECIDED", false), Map.of(SUBJECT, true),
                EmailMode.IMMEDIATE);
        assertThat(NotificationRules.notifies(liaison, muted, event("REQUEST_DECIDED", null))).isFalse();
        UserPreferences unfollowed = new UserPreferences(Map.of(), Map.of(SUBJECT, false), EmailMode.IMMEDIATE);
        assertThat(NotificationRules.notifies(liaison, unfollowed, event("REQUEST_DECIDED", null))).isFalse();
    }

    @Test
    void usersCanAddAndMuteTypes() {
        UserPreferences added = new UserPreferences(Map.of("DEADLINE_OVERDUE", true), Map.of(), EmailMode.IMMEDIATE);
        assertThat(NotificationRules.notifies(liaison, added, event("DEADLINE_OVERDUE", null))).isTrue();
        UserPreferences muted = new UserPreferences(Map.of("REQUEST_RECEIVED", false), Map.of(), EmailMode.IMMEDIATE);
        assertThat(NotificationRules.notifies(liaison, muted, event("REQUEST_RECEIVED", null))).isFalse();
    }

    @Test
    void nobodyIsToldOfTheirOwnActionButTheyFollowItsSubject() {
        EventFacts own = event("REQUEST_RECEIVED", "liaison");
        assertThat(NotificationRules.notifies(liaison, UserPreferences.DEFAULTS, own)).isFalse();
        assertThat(NotificationRules.startsFollowing(liaison, UserPreferences.DEFAULTS, own)).isTrue();
        EventFacts byId = event("REQUEST_RECEIVED", liaison.userId().toString());
        assertThat(NotificationRules.notifies(liaison, UserPreferences.DEFAULTS, byId)).isFalse();
        UserPreferences unfollowed = new UserPreferences(Map.of(), Map.of(SUBJECT, false), EmailMode.IMMEDIATE);
        assertThat(NotificationRules.startsFollowing(liaison, unfollowed, own)).isFalse();
        assertThat(NotificationRules.startsFollowing(supervisor, UserPreferences.DEFAULTS, own)).isFalse();
    }

    @Test
    void disabledAccountsHearNothing() {
        Recipient disabled = new Recipient("gone", UUID.randomUUID(), "Gone", "gone@example.org", Set.of("LIAISON"),
                false);
        assertThat(NotificationRules.notifies(disabled, UserPreferences.DEFAULTS, event("REQUEST_RECEIVED", null)))
                .isFalse();
    }

    @Test
    void analystsHearNothingAboutCasesRequestsOrJointActionsWhateverTheyChose() {
        Recipient analyst = user("analyst", "ANALYST");
        // Choices made while the account still had a case role, or stored before the rule, do not count.
        UserPreferences chosen = new UserPreferences(Map.of("REQUEST_RECEIVED", true, "REQUEST_DECIDED", true),
                Map.of(SUBJECT, true), EmailMode.IMMEDIATE);
        assertThat(NotificationRules.notifies(analyst, chosen, event("REQUEST_RECEIVED", null))).isFalse();
        assertThat(NotificationRules.notifies(analyst, chosen, event("REQUEST_DECIDED", null))).isFalse();
        assertThat(NotificationRules.notifies(analyst, chosen, event("UNKNOWN", null))).isFalse();
        assertThat(NotificationRules.startsFollowing(analyst, UserPreferences.DEFAULTS,
                event("REQUEST_RECEIVED", "analyst"))).isFalse();
        // An analyst who is also a liaison works cases, and hears of them as a liaison.
        Recipient both = new Recipient("both", UUID.randomUUID(), "Both", "both@example.org",
                Set.of("ANALYST", "LIAISON"), true);
        assertThat(NotificationRules.notifies(both, chosen, event("REQUEST_DECIDED", null))).isTrue();
    }

    @Test
    void caseContentIsEverythingButTheNodesPlumbing() {
        assertThat(NotificationTypes.mayReceive(Set.of("ANALYST"), "SEQUENCE_GAP", "PARTNER")).isTrue();
        assertThat(NotificationTypes.mayReceive(Set.of("ANALYST"), "WEBHOOK_DISABLED", "WEBHOOK")).isTrue();
        // A plumbing type about a case subject is still about the case.
        assertThat(NotificationTypes.mayReceive(Set.of("ANALYST"), "DELIVERY_REFUSED", "CASE")).isFalse();
        assertThat(NotificationTypes.mayReceive(Set.of("ANALYST"), "CASE_SHARED_WITH_US", "CASE")).isFalse();
        assertThat(NotificationTypes.mayReceive(Set.of("ANALYST", "ADMIN"), "JOINT_ACTION_OUTCOME", "JOINT_ACTION"))
                .isFalse();
        assertThat(NotificationTypes.mayReceive(Set.of("SUPERVISOR"), "JOINT_ACTION_OUTCOME", "JOINT_ACTION"))
                .isTrue();
        assertThat(NotificationTypes.isCaseContent("UNKNOWN")).isTrue();
        assertThat(NotificationTypes.isCaseContent("DELIVERY_REFUSED")).isFalse();
        assertThat(NotificationTypes.ROLE_DEFAULTS.get("ANALYST")).isEmpty();
    }

    @Test
    void theTypeListIsTheContractsEnum() {
        assertThat(NotificationTypes.EVENT_TYPES).containsExactlyInAnyOrderElementsOf(Arrays.stream(
                DomainEventType.values()).map(Enum::name).filter(name -> !name.equals("UNKNOWN")).toList());
    }

    private static Recipient user(String name, String role) {
        return new Recipient(name, UUID.randomUUID(), name, name + "@example.org", Set.of(role), true);
    }

    private static EventFacts event(String type, String actor) {
        // As the case-service raises them: the exchange's events are about a partner, the others about a subject.
        String kind = type.equals("DELIVERY_REFUSED") || type.equals("SEQUENCE_GAP") ? "PARTNER" : "EVIDENCE_REQUEST";
        return new EventFacts(UUID.randomUUID(), type, Instant.now(), "NL-NHTC", kind, SUBJECT,
                "NL-2026-1", "DE-BKA", actor, "Title", "Summary", "GREEN", null, null, Map.of());
    }
}

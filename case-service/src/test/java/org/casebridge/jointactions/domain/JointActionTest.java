package org.casebridge.jointactions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebridge.directory.HandlingMarking;
import org.junit.jupiter.api.Test;

class JointActionTest {

    private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    private static final ActionWindow WINDOW = new ActionWindow(Instant.parse("2026-12-01T05:00:00Z"),
            Instant.parse("2026-12-01T11:00:00Z"));

    private static JointAction proposed() {
        return JointAction.propose(UUID.randomUUID(), "DE-BKA", "Operation Nightfall", "Take down the C2 servers",
                List.of("DE-BKA-2026-000001"), List.of(), false, HandlingMarking.AMBER, WINDOW, List.of(
                        Participant.invited("DE-BKA", ParticipantRole.COORDINATOR, ZoneId.of("Europe/Berlin"),
                                List.of("Lead"), List.of(), NOW),
                        Participant.invited("NL-NHTC", ParticipantRole.PARTICIPANT, ZoneId.of("Europe/Amsterdam"),
                                List.of("Seize two servers"), List.of("Hoster in Rotterdam"), NOW),
                        Participant.invited("FR-OFAC", ParticipantRole.PARTICIPANT, ZoneId.of("Europe/Paris"),
                                List.of(), List.of(), NOW),
                        Participant.invited("US-FBI", ParticipantRole.OBSERVER, ZoneId.of("America/New_York"),
                                List.of(), List.of(), NOW)),
                NOW, "officer");
    }

    private static JointAction allReady() {
        return proposed()
                .answer("NL-NHTC", ParticipationAnswer.ACCEPTED, null, NOW)
                .answer("FR-OFAC", ParticipationAnswer.DECLINED, "no capacity that week", NOW)
                .declareReadiness("DE-BKA", true, null, NOW)
                .declareReadiness("NL-NHTC", true, null, NOW);
    }

    @Test
    void aProposalStartsProposedWithTheCoordinatorAccepted() {
        JointAction action = proposed();
        assertThat(action.status()).isEqualTo(JointActionStatus.PROPOSED);
        assertThat(action.participant("DE-BKA").orElseThrow().answer()).isEqualTo(ParticipationAnswer.ACCEPTED);
        assertThat(action.participant("NL-NHTC").orElseThrow().answer()).isEqualTo(ParticipationAnswer.PENDING);
        assertThat(action.partnerAgencies()).containsExactly("NL-NHTC", "FR-OFAC", "US-FBI");
    }

    @Test
    void theFirstAcceptanceStartsPlanningAndADeclineNeedsAReason() {
        JointAction planning = proposed().answer("NL-NHTC", ParticipationAnswer.ACCEPTED, null, NOW);
        assertThat(planning.status()).isEqualTo(JointActionStatus.PLANNING);
        assertThatThrownBy(() -> planning.answer("FR-OFAC", ParticipationAnswer.DECLINED, " ", NOW))
                .isInstanceOfSatisfying(JointActionRuleException.class, e -> {
                    assertThat(e.code()).isEqualTo("REASON_REQUIRED");
                    assertThat(e.field()).isEqualTo("reason");
                });
        JointAction declined = planning.answer("FR-OFAC", ParticipationAnswer.DECLINED, "no capacity", NOW);
        assertThat(declined.participant("FR-OFAC").orElseThrow().answerNote()).isEqualTo("no capacity");
    }

    @Test
    void theActionIsReadyExactlyWhileEveryRequiredParticipantIsReady() {
        JointAction planning = proposed()
                .answer("NL-NHTC", ParticipationAnswer.ACCEPTED, null, NOW)
                .declareReadiness("DE-BKA", true, null, NOW)
                .declareReadiness("NL-NHTC", true, null, NOW);
        // FR-OFAC has not answered: a required participant, so still planning; the observer does not count.
        assertThat(planning.status()).isEqualTo(JointActionStatus.PLANNING);
        assertThat(planning.notReady()).containsExactly("FR-OFAC");

        JointAction ready = planning.answer("FR-OFAC", ParticipationAnswer.DECLINED, "no capacity", NOW);
        assertThat(ready.status()).isEqualTo(JointActionStatus.READY);

        JointAction backToPlanning = ready.declareReadiness("NL-NHTC", false, "warrant not signed yet", NOW);
        assertThat(backToPlanning.status()).isEqualTo(JointActionStatus.PLANNING);
        assertThat(backToPlanning.notReady()).containsExactly("NL-NHTC");
    }

    @Test
    void goIsRefusedAtTheCoordinatorWhileSomeoneIsNotReady() {
        JointAction notReady = allReady().declareReadiness("NL-NHTC", false, null, NOW);
        assertThatThrownBy(() -> notReady.decide(GoDecision.GO, null, NOW, true))
                .isInstanceOfSatisfying(JointActionRuleException.class, e -> {
                    assertThat(e.code()).isEqualTo("NOT_READY");
                    assertThat(e.getMessage()).contains("NL-NHTC");
                });
        // A copy takes the coordinator's word for it.
        assertThat(notReady.decide(GoDecision.GO, null, NOW, false).status()).isEqualTo(JointActionStatus.GO);
    }

    @Test
    void theWholeLifecycleRunsToCompletionWithOutcomes() {
        JointAction go = allReady().decide(GoDecision.GO, null, NOW, true);
        assertThat(go.status()).isEqualTo(JointActionStatus.GO);
        JointAction running = go.changeStatus(JointActionStatus.IN_PROGRESS, null, NOW);
        JointAction done = running.changeStatus(JointActionStatus.COMPLETED, null, NOW)
                .reportOutcome(outcome("NL-NHTC", 2, new Money(150_000, "EUR")))
                .reportOutcome(outcome("DE-BKA", 3, new Money(5_000, "USD")))
                .reportOutcome(outcome("NL-NHTC", 4, new Money(250_050, "EUR")));
        assertThat(done.status()).isEqualTo(JointActionStatus.COMPLETED);
        // NL-NHTC's second report replaced its first.
        assertThat(done.totals().arrests()).isEqualTo(7);
        assertThat(done.totals().seizedByCurrency()).isEqualTo(Map.of("EUR", 250_050L, "USD", 5_000L));
        assertThat(done.totals().reportedBy()).containsExactly("DE-BKA", "NL-NHTC");
    }

    @Test
    void illegalStepsAreRefused() {
        JointAction proposed = proposed();
        assertThatThrownBy(() -> proposed.declareReadiness("DE-BKA", true, null, NOW))
                .hasFieldOrPropertyWithValue("code", "ILLEGAL_TRANSITION");
        assertThatThrownBy(() -> proposed.changeStatus(JointActionStatus.IN_PROGRESS, null, NOW))
                .hasFieldOrPropertyWithValue("code", "ILLEGAL_TRANSITION");
        assertThatThrownBy(() -> proposed.changeStatus(JointActionStatus.READY, null, NOW))
                .hasFieldOrPropertyWithValue("code", "ILLEGAL_TRANSITION");
        assertThatThrownBy(() -> proposed.reportOutcome(outcome("DE-BKA", 1, new Money(1, "EUR"))))
                .hasFieldOrPropertyWithValue("code", "ILLEGAL_TRANSITION");
        assertThatThrownBy(() -> proposed.answer("DE-BKA", ParticipationAnswer.DECLINED, "x", NOW))
                .hasFieldOrPropertyWithValue("code", "ILLEGAL_TRANSITION");
        assertThatThrownBy(() -> proposed.answer("BE-FCCU", ParticipationAnswer.ACCEPTED, null, NOW))
                .hasFieldOrPropertyWithValue("code", "NOT_A_PARTICIPANT");
        JointAction planning = proposed.answer("NL-NHTC", ParticipationAnswer.ACCEPTED, null, NOW);
        assertThatThrownBy(() -> planning.declareReadiness("FR-OFAC", true, null, NOW))
                .hasFieldOrPropertyWithValue("code", "NOT_ACCEPTED");
        assertThatThrownBy(() -> planning.decide(GoDecision.NO_GO, null, NOW, true))
                .hasFieldOrPropertyWithValue("code", "REASON_REQUIRED");

        JointAction cancelled = planning.changeStatus(JointActionStatus.CANCELLED, "suspects left the country", NOW);
        assertThat(cancelled.status()).isEqualTo(JointActionStatus.CANCELLED);
        assertThatThrownBy(() -> cancelled.changeStatus(JointActionStatus.CANCELLED, null, NOW))
                .hasFieldOrPropertyWithValue("code", "ILLEGAL_TRANSITION");
        assertThatThrownBy(() -> cancelled.updatePlan(new PlanChange("x", null, null, null), 2, NOW))
                .hasFieldOrPropertyWithValue("code", "ILLEGAL_TRANSITION");

        JointAction running = allReady().decide(GoDecision.GO, null, NOW, true)
                .changeStatus(JointActionStatus.IN_PROGRESS, null, NOW);
        assertThatThrownBy(() -> running.decide(GoDecision.NO_GO, "too late", NOW, true))
                .hasFieldOrPropertyWithValue("code", "ILLEGAL_TRANSITION");
        assertThatThrownBy(() -> running.reportOutcome(outcome("US-FBI", 1, new Money(1, "EUR"))))
                .hasFieldOrPropertyWithValue("code", "NOT_ACCEPTED");
        assertThatThrownBy(() -> running.reportOutcome(outcome("FR-OFAC", 1, new Money(1, "EUR"))))
                .hasFieldOrPropertyWithValue("code", "NOT_ACCEPTED");
    }

    @Test
    void noGoEndsTheDayAndAPlanChangeStartsPlanningAgain() {
        JointAction noGo = allReady().decide(GoDecision.NO_GO, "target moved abroad", NOW, true);
        assertThat(noGo.status()).isEqualTo(JointActionStatus.NO_GO);
        assertThat(noGo.statusReason()).isEqualTo("target moved abroad");
        assertThatThrownBy(() -> noGo.changeStatus(JointActionStatus.IN_PROGRESS, null, NOW))
                .hasFieldOrPropertyWithValue("code", "ILLEGAL_TRANSITION");
        assertThatThrownBy(() -> noGo.decide(GoDecision.GO, null, NOW, true))
                .hasFieldOrPropertyWithValue("code", "ILLEGAL_TRANSITION");

        ActionWindow later = new ActionWindow(Instant.parse("2026-12-08T05:00:00Z"), Instant.parse("2026-12-08T11:00:00Z"));
        JointAction replanned = noGo.updatePlan(new PlanChange(null, null, later, null), 2, NOW);
        assertThat(replanned.status()).isEqualTo(JointActionStatus.PLANNING);
        assertThat(replanned.planRevision()).isEqualTo(2);
        assertThat(replanned.notReady()).containsExactly("DE-BKA", "NL-NHTC");
    }

    @Test
    void aPlanChangeTakesBackOnlyTheReadinessItConcerns() {
        JointAction ready = allReady();
        JointAction newTasks = ready.updatePlan(new PlanChange(null, null, null, Map.of("NL-NHTC",
                new PlanChange.Assignment(List.of("Seize three servers"), null))), 2, NOW);
        assertThat(newTasks.status()).isEqualTo(JointActionStatus.PLANNING);
        assertThat(newTasks.notReady()).containsExactly("NL-NHTC");
        assertThat(newTasks.participant("NL-NHTC").orElseThrow().targets()).containsExactly("Hoster in Rotterdam");

        JointAction sameTasks = ready.updatePlan(new PlanChange("Operation Nightfall II", null, null, Map.of("NL-NHTC",
                new PlanChange.Assignment(List.of("Seize two servers"), null))), 2, NOW);
        assertThat(sameTasks.status()).isEqualTo(JointActionStatus.READY);
        assertThat(sameTasks.title()).isEqualTo("Operation Nightfall II");

        assertThatThrownBy(() -> ready.updatePlan(new PlanChange("x", null, null, null), 1, NOW))
                .hasFieldOrPropertyWithValue("code", "ILLEGAL_TRANSITION");
        assertThatThrownBy(() -> ready.updatePlan(new PlanChange(null, null, null, Map.of("BE-FCCU",
                new PlanChange.Assignment(List.of("x"), null))), 2, NOW))
                .hasFieldOrPropertyWithValue("field", "assignments");
    }

    @Test
    void theParticipantListNeedsExactlyOneCoordinatorAndNoDuplicates() {
        Participant coordinator = Participant.invited("DE-BKA", ParticipantRole.COORDINATOR, ZoneId.of("UTC"),
                List.of(), List.of(), NOW);
        Participant nl = Participant.invited("NL-NHTC", ParticipantRole.PARTICIPANT, ZoneId.of("UTC"), List.of(),
                List.of(), NOW);
        assertThatThrownBy(() -> JointAction.propose(UUID.randomUUID(), "DE-BKA", "t", "o", List.of(), List.of(),
                false, HandlingMarking.GREEN, WINDOW, List.of(coordinator), NOW, null))
                .hasFieldOrPropertyWithValue("field", "participants");
        assertThatThrownBy(() -> JointAction.propose(UUID.randomUUID(), "DE-BKA", "t", "o", List.of(), List.of(),
                false, HandlingMarking.GREEN, WINDOW, List.of(coordinator, nl, nl), NOW, null))
                .hasFieldOrPropertyWithValue("field", "participants[2].agency");
        Participant secondCoordinator = Participant.invited("NL-NHTC", ParticipantRole.COORDINATOR, ZoneId.of("UTC"),
                List.of(), List.of(), NOW);
        assertThatThrownBy(() -> JointAction.propose(UUID.randomUUID(), "DE-BKA", "t", "o", List.of(), List.of(),
                false, HandlingMarking.GREEN, WINDOW, List.of(coordinator, secondCoordinator), NOW, null))
                .hasFieldOrPropertyWithValue("field", "participants[1].role");
    }

    private static Outcome outcome(String agency, int arrests, Money seized) {
        return new Outcome(agency, arrests, 1, 2, List.of(new AssetSeizure(AssetKind.CRYPTOCURRENCY, "wallet", seized)),
                1, 3, 10, null, NOW, "officer");
    }

    @Test
    void readinessForAPlanRevisionWhoseChangeTookItBackDoesNotCount() {
        JointAction planning = proposed().answer("NL-NHTC", ParticipationAnswer.ACCEPTED, null, NOW)
                .answer("FR-OFAC", ParticipationAnswer.DECLINED, "no capacity that week", NOW)
                .declareReadiness("DE-BKA", true, null, NOW);
        ActionWindow later = new ActionWindow(WINDOW.start().plusSeconds(3600), WINDOW.end().plusSeconds(3600));
        // NL-NHTC declared ready for revision 1 while the coordinator moved the window (revision 2).
        JointAction moved = planning.updatePlan(new PlanChange(null, null, later, null), 2, NOW);
        assertThat(moved.participant("NL-NHTC").orElseThrow().readinessRequiredFrom()).isEqualTo(2);

        assertThatThrownBy(() -> moved.declareReadiness("NL-NHTC", true, null, NOW, 1L))
                .isInstanceOfSatisfying(JointActionRuleException.class,
                        e -> assertThat(e.code()).isEqualTo("STALE_PLAN_REVISION"));
        JointAction current = moved.declareReadiness("NL-NHTC", true, null, NOW, 2L);
        assertThat(current.participant("NL-NHTC").orElseThrow().isReady()).isTrue();
        // The moved window took back the coordinator's readiness too.
        assertThat(current.notReady()).containsExactly("DE-BKA");
    }

    @Test
    void readinessForAnOlderRevisionStillCountsWhenTheChangeKeptReadiness() {
        JointAction planning = proposed().answer("NL-NHTC", ParticipationAnswer.ACCEPTED, null, NOW)
                .answer("FR-OFAC", ParticipationAnswer.DECLINED, "no capacity that week", NOW)
                .declareReadiness("DE-BKA", true, null, NOW);
        JointAction renamed = planning.updatePlan(new PlanChange("Operation Nightfall II", null, null, null), 2, NOW);
        assertThat(renamed.participant("NL-NHTC").orElseThrow().readinessRequiredFrom()).isEqualTo(1);

        JointAction ready = renamed.declareReadiness("NL-NHTC", true, null, NOW, 1L);
        assertThat(ready.status()).isEqualTo(JointActionStatus.READY);
    }

    @Test
    void readinessWithoutARevisionKeepsTheEarlierBehaviour() {
        JointAction planning = proposed().answer("NL-NHTC", ParticipationAnswer.ACCEPTED, null, NOW)
                .answer("FR-OFAC", ParticipationAnswer.DECLINED, "no capacity that week", NOW)
                .declareReadiness("DE-BKA", true, null, NOW);
        JointAction retasked = planning.updatePlan(new PlanChange(null, null, null, Map.of("NL-NHTC",
                new PlanChange.Assignment(List.of("Seize three servers"), null))), 2, NOW);

        assertThat(retasked.declareReadiness("NL-NHTC", true, null, NOW, null).status())
                .isEqualTo(JointActionStatus.READY);
    }
}

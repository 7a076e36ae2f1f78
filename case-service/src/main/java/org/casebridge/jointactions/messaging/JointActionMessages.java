package org.casebridge.jointactions.messaging;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.casebridge.directory.HandlingMarking;
import org.casebridge.directory.PartnerDirectory;
import org.casebridge.exchange.app.PartnerMessenger;
import org.casebridge.jointactions.domain.ActionWindow;
import org.casebridge.jointactions.domain.AssetKind;
import org.casebridge.jointactions.domain.AssetSeizure;
import org.casebridge.jointactions.domain.GoDecision;
import org.casebridge.jointactions.domain.JointAction;
import org.casebridge.jointactions.domain.JointActionRuleException;
import org.casebridge.jointactions.domain.JointActionStatus;
import org.casebridge.jointactions.domain.Money;
import org.casebridge.jointactions.domain.Outcome;
import org.casebridge.jointactions.domain.Participant;
import org.casebridge.jointactions.domain.ParticipantRole;
import org.casebridge.jointactions.domain.ParticipationAnswer;
import org.casebridge.jointactions.domain.PlanChange;
import org.casebridge.messages.v1.JointActionGoDecision;
import org.casebridge.messages.v1.JointActionOutcomeReported;
import org.casebridge.messages.v1.JointActionParticipationAnswered;
import org.casebridge.messages.v1.JointActionPlanUpdated;
import org.casebridge.messages.v1.JointActionProposed;
import org.casebridge.messages.v1.JointActionReadinessDeclared;
import org.casebridge.messages.v1.JointActionStatusChanged;

/**
 * Maps joint actions between the domain and the message contract, and sends them; the only place that knows both.
 *
 * <p>The coordinator is the hub: it sends its own steps to every other agency of the action, and relays each
 * participant's answer, readiness and outcome to the others, so every node holds the same action and computes the
 * same totals. A participant sends its own steps to the coordinator only.
 */
@Singleton
public class JointActionMessages {

    /** The aggregate type of joint action messages in the outbox and delivery list. */
    public static final String AGGREGATE = "joint-action";

    private final PartnerMessenger messenger;
    private final PartnerDirectory directory;

    public JointActionMessages(PartnerMessenger messenger, PartnerDirectory directory) {
        this.messenger = messenger;
        this.directory = directory;
    }

    /**
     * Sends a step taken on this node: from the coordinator to every other agency of the action, from a participant
     * to the coordinator.
     */
    public void sendStep(JointAction action, String ownAgency, SpecificRecord payload) {
        if (action.isCoordinatedBy(ownAgency)) {
            relay(action, payload, null, null, null);
        } else {
            messenger.send(action.coordinatingAgency(), AGGREGATE, action.id(), action.marking(), payload, null, null);
        }
    }

    /** At the coordinator: passes a step on to every other agency of the action except {@code origin}. */
    public void relay(JointAction action, SpecificRecord payload, String origin, UUID correlationId, UUID causationId) {
        for (String agency : action.partnerAgencies()) {
            if (!agency.equals(origin)) {
                messenger.send(agency, AGGREGATE, action.id(), action.marking(), payload, correlationId, causationId);
            }
        }
    }

    public JointActionProposed proposed(JointAction action) {
        return JointActionProposed.newBuilder()
                .setJointActionId(action.id())
                .setTitle(action.title())
                .setDescription(action.objective())
                .setCoordinatingAgency(action.coordinatingAgency())
                .setCaseReferences(action.caseReferences())
                .setParticipants(participants(action))
                .setWindowStart(action.window().start())
                .setWindowEnd(action.window().end())
                .setProposedAt(action.proposedAt())
                .build();
    }

    public JointActionPlanUpdated planUpdated(JointAction action) {
        return JointActionPlanUpdated.newBuilder()
                .setJointActionId(action.id())
                .setRevision(action.planRevision())
                .setTitle(action.title())
                .setDescription(action.objective())
                .setCoordinatingAgency(action.coordinatingAgency())
                .setCaseReferences(action.caseReferences())
                .setParticipants(participants(action))
                .setWindowStart(action.window().start())
                .setWindowEnd(action.window().end())
                .setUpdatedAt(action.updatedAt())
                .build();
    }

    public JointActionParticipationAnswered answered(JointAction action, String agency) {
        Participant participant = action.participant(agency).orElseThrow();
        return JointActionParticipationAnswered.newBuilder()
                .setJointActionId(action.id())
                .setAgency(agency)
                .setAnswer(participant.answer() == ParticipationAnswer.ACCEPTED
                        ? org.casebridge.messages.v1.ParticipationAnswer.ACCEPTED
                        : org.casebridge.messages.v1.ParticipationAnswer.DECLINED)
                .setNote(participant.answerNote())
                .setAnsweredAt(participant.answeredAt())
                .build();
    }

    public JointActionReadinessDeclared readiness(JointAction action, String agency) {
        Participant participant = action.participant(agency).orElseThrow();
        return JointActionReadinessDeclared.newBuilder()
                .setJointActionId(action.id())
                .setAgency(agency)
                .setReady(participant.isReady())
                .setNote(participant.readinessNote())
                .setDeclaredAt(participant.readinessAt())
                .setPlanRevision(action.planRevision())
                .build();
    }

    public JointActionGoDecision decision(JointAction action, String decidedBy) {
        return JointActionGoDecision.newBuilder()
                .setJointActionId(action.id())
                .setDecision(action.status() == JointActionStatus.GO ? org.casebridge.messages.v1.GoDecision.GO
                        : org.casebridge.messages.v1.GoDecision.NO_GO)
                .setReason(action.statusReason())
                .setDecidedBy(decidedBy)
                .setDecidedAt(action.updatedAt())
                .build();
    }

    public JointActionStatusChanged statusChanged(JointAction action) {
        return JointActionStatusChanged.newBuilder()
                .setJointActionId(action.id())
                .setStatus(org.casebridge.messages.v1.JointActionStatus.valueOf(action.status().name()))
                .setReason(action.statusReason())
                .setChangedAt(action.updatedAt())
                .build();
    }

    public JointActionOutcomeReported outcomeReported(UUID actionId, Outcome outcome) {
        return JointActionOutcomeReported.newBuilder()
                .setJointActionId(actionId)
                .setAgency(outcome.agency())
                .setArrests(outcome.arrests())
                .setSearches(outcome.searches())
                .setDevicesSeized(outcome.devicesSeized())
                .setAssetsSeized(outcome.assetsSeized().stream().map(asset ->
                        org.casebridge.messages.v1.AssetSeizure.newBuilder()
                                .setKind(org.casebridge.messages.v1.AssetKind.valueOf(asset.kind().name()))
                                .setDescription(asset.description())
                                .setValue(org.casebridge.messages.v1.Money.newBuilder()
                                        .setAmountMinor(asset.value().amountMinor())
                                        .setCurrency(asset.value().currency())
                                        .build())
                                .build()).toList())
                .setServersTakenDown(outcome.serversTakenDown())
                .setDomainsTakenDown(outcome.domainsTakenDown())
                .setVictimsIdentified(outcome.victimsIdentified())
                .setNote(outcome.note())
                .setReportedAt(outcome.reportedAt())
                .build();
    }

    /** A participant's copy of a proposal; time zones come from this node's partner directory. */
    JointAction copyOf(JointActionProposed proposed, HandlingMarking marking, Instant now) {
        List<Participant> participants = new ArrayList<>();
        for (int i = 0; i < proposed.getParticipants().size(); i++) {
            org.casebridge.messages.v1.Participant p = proposed.getParticipants().get(i);
            participants.add(Participant.invited(p.getAgency(), role(p.getRole()), zoneOf(p, i), p.getTasks(),
                    p.getTargets(), proposed.getProposedAt()));
        }
        return JointAction.propose(proposed.getJointActionId(), proposed.getCoordinatingAgency(), proposed.getTitle(),
                proposed.getDescription(), proposed.getCaseReferences(), List.of(), false, marking,
                new ActionWindow(proposed.getWindowStart(), proposed.getWindowEnd()), participants,
                proposed.getProposedAt(), null);
    }

    /** The change a plan update makes to a copy; the participants must be those of the copy. */
    PlanChange changeOf(JointAction copy, JointActionPlanUpdated updated) {
        List<String> sent = updated.getParticipants().stream().map(org.casebridge.messages.v1.Participant::getAgency)
                .sorted().toList();
        List<String> held = copy.participants().stream().map(Participant::agency).sorted().toList();
        if (!sent.equals(held)) {
            throw new JointActionRuleException("INVALID", "participants",
                    "a plan update cannot change who takes part: it names " + sent + ", the action has " + held);
        }
        Map<String, PlanChange.Assignment> assignments = new java.util.HashMap<>();
        for (org.casebridge.messages.v1.Participant p : updated.getParticipants()) {
            assignments.put(p.getAgency(), new PlanChange.Assignment(p.getTasks(), p.getTargets()));
        }
        return new PlanChange(updated.getTitle(), updated.getDescription(),
                new ActionWindow(updated.getWindowStart(), updated.getWindowEnd()), assignments);
    }

    static ParticipationAnswer answer(org.casebridge.messages.v1.ParticipationAnswer answer) {
        return answer == org.casebridge.messages.v1.ParticipationAnswer.ACCEPTED ? ParticipationAnswer.ACCEPTED
                : ParticipationAnswer.DECLINED;
    }

    static GoDecision decision(org.casebridge.messages.v1.GoDecision decision) {
        return decision == org.casebridge.messages.v1.GoDecision.GO ? GoDecision.GO : GoDecision.NO_GO;
    }

    /** A status the coordinator sets; UNKNOWN (a newer sender's status) reads as null and is refused. */
    static JointActionStatus status(org.casebridge.messages.v1.JointActionStatus status) {
        return status == org.casebridge.messages.v1.JointActionStatus.UNKNOWN ? null
                : JointActionStatus.valueOf(status.name());
    }

    static Outcome outcomeOf(JointActionOutcomeReported reported) {
        List<AssetSeizure> assets = new ArrayList<>();
        for (org.casebridge.messages.v1.AssetSeizure asset : reported.getAssetsSeized()) {
            assets.add(new AssetSeizure(AssetKind.valueOf(asset.getKind().name()), asset.getDescription(),
                    new Money(asset.getValue().getAmountMinor(), asset.getValue().getCurrency())));
        }
        return new Outcome(reported.getAgency(), reported.getArrests(), reported.getSearches(),
                reported.getDevicesSeized(), assets, reported.getServersTakenDown(), reported.getDomainsTakenDown(),
                reported.getVictimsIdentified(), reported.getNote(), reported.getReportedAt(), null);
    }

    static HandlingMarking marking(org.casebridge.messages.v1.HandlingMarking marking) {
        return HandlingMarking.valueOf(marking.name());
    }

    private List<org.casebridge.messages.v1.Participant> participants(JointAction action) {
        return action.participants().stream().map(p -> org.casebridge.messages.v1.Participant.newBuilder()
                .setAgency(p.agency())
                .setRole(org.casebridge.messages.v1.ParticipantRole.valueOf(p.role().name()))
                .setTimeZone(p.timeZone().getId())
                .setTasks(p.tasks())
                .setTargets(p.targets())
                .build()).toList();
    }

    private ZoneId zoneOf(org.casebridge.messages.v1.Participant participant, int index) {
        return directory.find(participant.getAgency()).map(a -> a.timeZone()).orElseThrow(() ->
                new JointActionRuleException("INVALID", "participants[" + index + "].agency",
                        participant.getAgency() + " is not in this node's partner directory"));
    }

    private static ParticipantRole role(org.casebridge.messages.v1.ParticipantRole role) {
        return ParticipantRole.valueOf(role.name());
    }
}

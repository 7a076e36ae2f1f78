package org.casebridge.cases.messaging;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.casebridge.audit.app.AuditTrail;
import org.casebridge.audit.domain.AuditAction;
import org.casebridge.audit.domain.AuditActor;
import org.casebridge.audit.domain.AuditEvent;
import org.casebridge.cases.domain.CaseFile;
import org.casebridge.cases.domain.CaseShare;
import org.casebridge.cases.domain.Contribution;
import org.casebridge.cases.domain.ShareStatus;
import org.casebridge.cases.persistence.CaseStore;
import org.casebridge.directory.HandlingMarking;
import org.casebridge.directory.PartnerDirectory;
import org.casebridge.events.v1.DomainEventType;
import org.casebridge.events.v1.SubjectKind;
import org.casebridge.exchange.app.DomainEventPublisher;
import org.casebridge.exchange.app.InboundMessageHandler;
import org.casebridge.exchange.app.PartnerMessenger;
import org.casebridge.exchange.domain.MessageRefusal;
import org.casebridge.messages.v1.CaseContributionAdded;
import org.casebridge.messages.v1.CasePurgeConfirmed;
import org.casebridge.messages.v1.CaseShareRevoked;
import org.casebridge.messages.v1.CaseShared;
import org.casebridge.messages.v1.CaseUpdated;
import org.casebridge.schema.codec.VerifiedMessage;
import org.casebridge.support.agency.AgencyConfiguration;

/**
 * Applies partners' case messages: copies of cases shared with this agency, their updates and revocation, purge
 * confirmations, and contributions in both directions.
 *
 * <p>Every message is checked against what this node knows: only a case's lead agency may share, update or revoke
 * it, a copy is kept only if this agency may hold its marking, and a contribution is taken only from an agency the
 * case is shared with.
 */
@Singleton
public class CaseMessageHandler implements InboundMessageHandler {

    private final CaseStore cases;
    private final CaseMessages messages;
    private final PartnerDirectory directory;
    private final AgencyConfiguration agency;
    private final PartnerMessenger messenger;
    private final DomainEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    public CaseMessageHandler(CaseStore cases, CaseMessages messages, PartnerDirectory directory,
                              AgencyConfiguration agency, PartnerMessenger messenger, DomainEventPublisher events,
                              AuditTrail audit, Clock clock) {
        this.cases = cases;
        this.messages = messages;
        this.directory = directory;
        this.agency = agency;
        this.messenger = messenger;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Set<Class<? extends SpecificRecord>> payloadTypes() {
        return Set.of(CaseShared.class, CaseUpdated.class, CaseShareRevoked.class, CasePurgeConfirmed.class,
                CaseContributionAdded.class);
    }

    @Override
    public void apply(VerifiedMessage message) {
        SpecificRecord payload = message.payload();
        if (payload instanceof CaseShared shared) {
            applyShared(message, shared);
        } else if (payload instanceof CaseUpdated updated) {
            applyUpdated(message, updated);
        } else if (payload instanceof CaseShareRevoked revoked) {
            applyRevoked(message, revoked);
        } else if (payload instanceof CasePurgeConfirmed purged) {
            applyPurgeConfirmed(message, purged);
        } else if (payload instanceof CaseContributionAdded added) {
            applyContribution(message, added);
        }
    }

    private void applyShared(VerifiedMessage message, CaseShared shared) {
        String sender = message.senderAgency();
        if (!sender.equals(shared.getLeadAgency())) {
            throw new MessageRefusal("VALIDATION_FAILED", "only the lead agency " + shared.getLeadAgency()
                    + " may share case " + shared.getCaseId());
        }
        HandlingMarking marking = CaseMessages.marking(message.handlingMarking());
        HandlingMarking ceiling = directory.require(agency.getCode()).sharingCeiling();
        if (!ceiling.permits(marking)) {
            throw new MessageRefusal("MARKING_CEILING", "case marked " + marking.label() + " exceeds this agency's"
                    + " ceiling " + ceiling.label());
        }
        if (marking == HandlingMarking.RED && !shared.getSharedWith().contains(agency.getCode())) {
            throw new MessageRefusal("MARKING_CEILING", "a RED case must name this agency among its recipients");
        }
        cases.find(shared.getCaseId()).filter(existing -> !existing.leadAgency().equals(sender)).ifPresent(clash -> {
            throw new MessageRefusal("VALIDATION_FAILED", "case id " + shared.getCaseId() + " belongs to "
                    + clash.leadAgency());
        });
        CaseFile copy = messages.copyOf(shared, marking);
        cases.upsertCopy(copy);
        cases.replaceCopyShares(copy.id(), shared.getSharedWith(), clock.instant());
        for (Contribution contribution : messages.contributionsOf(shared)) {
            cases.insertContribution(contribution);
        }
        events.publish(events.newEvent()
                .setEventType(DomainEventType.CASE_SHARED_WITH_US)
                .setSubjectKind(SubjectKind.CASE)
                .setSubjectId(copy.id())
                .setCaseReference(copy.reference().value())
                .setCounterpartAgency(sender)
                .setTitle(sender + " shared case " + copy.reference().value() + ": " + copy.title())
                .setHandlingMarking(message.handlingMarking())
                .setMessageId(message.messageId())
                .build());
        auditApplied(message, copy.id(), "case shared by " + sender);
    }

    private void applyUpdated(VerifiedMessage message, CaseUpdated updated) {
        CaseFile copy = requireCopyFrom(message, updated.getCaseId());
        if (updated.getRevision() <= copy.version()) {
            return;
        }
        CaseFile next = messages.copyUpdated(copy, updated, CaseMessages.marking(message.handlingMarking()));
        cases.upsertCopy(next);
        events.publish(events.newEvent()
                .setEventType(DomainEventType.CASE_UPDATED)
                .setSubjectKind(SubjectKind.CASE)
                .setSubjectId(next.id())
                .setCaseReference(next.reference().value())
                .setCounterpartAgency(message.senderAgency())
                .setTitle(next.reference().value() + " updated by " + message.senderAgency())
                .setHandlingMarking(message.handlingMarking())
                .setMessageId(message.messageId())
                .build());
        auditApplied(message, next.id(), "revision " + next.version());
    }

    private void applyRevoked(VerifiedMessage message, CaseShareRevoked revoked) {
        CaseFile copy = cases.find(revoked.getCaseId()).orElse(null);
        if (copy != null) {
            if (!copy.leadAgency().equals(message.senderAgency())) {
                throw new MessageRefusal("NOT_SHARED", "only the lead agency may revoke case " + revoked.getCaseId());
            }
            cases.delete(copy.id());
        }
        // Confirm even when nothing was held (the copy may have been purged before): the lead waits for it.
        messenger.send(message.senderAgency(), "case", revoked.getCaseId(), HandlingMarking.GREEN,
                CasePurgeConfirmed.newBuilder()
                        .setCaseId(revoked.getCaseId())
                        .setRevocationMessageId(message.messageId())
                        .setPurgedAt(clock.instant())
                        .setPurgedBy(agency.getCode())
                        .build(),
                message.correlationId(), message.messageId());
        events.publish(events.newEvent()
                .setEventType(DomainEventType.CASE_SHARE_REVOKED)
                .setSubjectKind(SubjectKind.CASE)
                .setSubjectId(revoked.getCaseId())
                .setCaseReference(revoked.getReference())
                .setCounterpartAgency(message.senderAgency())
                .setTitle(message.senderAgency() + " revoked case " + revoked.getReference() + "; the copy was purged")
                .setHandlingMarking(message.handlingMarking())
                .setMessageId(message.messageId())
                .build());
        auditApplied(message, revoked.getCaseId(), "share revoked, copy purged");
    }

    private void applyPurgeConfirmed(VerifiedMessage message, CasePurgeConfirmed purged) {
        CaseShare share = cases.share(purged.getCaseId(), message.senderAgency()).orElseThrow(() ->
                new MessageRefusal("NOT_SHARED", "case " + purged.getCaseId() + " was never shared with "
                        + message.senderAgency()));
        if (share.status() == ShareStatus.REVOKED) {
            cases.markPurged(purged.getCaseId(), message.senderAgency(), purged.getPurgedAt());
        }
        auditApplied(message, purged.getCaseId(), "purge confirmed by " + message.senderAgency());
    }

    private void applyContribution(VerifiedMessage message, CaseContributionAdded added) {
        CaseFile caseFile = cases.lock(added.getCaseId()).orElseThrow(() ->
                new MessageRefusal("NOT_SHARED", "this agency holds no case " + added.getCaseId()));
        String sender = message.senderAgency();
        Contribution contribution = messages.contributionOf(added);
        if (caseFile.isLedBy(agency.getCode())) {
            if (!cases.activeShareAgencies(caseFile.id()).contains(sender) || !contribution.agency().equals(sender)) {
                throw new MessageRefusal("NOT_SHARED", "case " + caseFile.reference() + " is not shared with " + sender);
            }
            if (cases.insertContribution(contribution)) {
                for (String partner : cases.activeShareAgencies(caseFile.id())) {
                    if (!partner.equals(contribution.agency())) {
                        messenger.send(partner, "case", caseFile.id(), caseFile.marking(),
                                messages.contributionAdded(contribution), message.correlationId(), message.messageId());
                    }
                }
            }
        } else {
            if (!caseFile.leadAgency().equals(sender)) {
                throw new MessageRefusal("NOT_SHARED", "contributions to " + caseFile.reference()
                        + " come through its lead agency " + caseFile.leadAgency());
            }
            cases.insertContribution(contribution);
        }
        events.publish(events.newEvent()
                .setEventType(DomainEventType.CONTRIBUTION_ADDED)
                .setSubjectKind(SubjectKind.CASE)
                .setSubjectId(caseFile.id())
                .setCaseReference(caseFile.reference().value())
                .setCounterpartAgency(contribution.agency())
                .setTitle(contribution.agency() + " added a " + contribution.kind().name().toLowerCase() + " to "
                        + caseFile.reference().value())
                .setHandlingMarking(message.handlingMarking())
                .setMessageId(message.messageId())
                .build());
        auditApplied(message, caseFile.id(), "contribution from " + contribution.agency());
    }

    private CaseFile requireCopyFrom(VerifiedMessage message, UUID caseId) {
        CaseFile copy = cases.lock(caseId).orElseThrow(() ->
                new MessageRefusal("NOT_SHARED", "this agency holds no copy of case " + caseId));
        if (!copy.leadAgency().equals(message.senderAgency())) {
            throw new MessageRefusal("NOT_SHARED", "case " + caseId + " is led by " + copy.leadAgency());
        }
        return copy;
    }

    private void auditApplied(VerifiedMessage message, UUID caseId, String detail) {
        audit.record(AuditEvent.success(AuditAction.PARTNER_UPDATE_APPLIED, "CASE", caseId.toString())
                .withDetail(detail), AuditActor.partner(message.senderAgency(), message.messageId().toString()));
    }
}

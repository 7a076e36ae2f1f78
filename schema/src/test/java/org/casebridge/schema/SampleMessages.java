package org.casebridge.schema;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.casebridge.events.v1.DomainEvent;
import org.casebridge.events.v1.DomainEventType;
import org.casebridge.events.v1.SubjectKind;
import org.casebridge.messages.v1.AssetKind;
import org.casebridge.messages.v1.AssetSeizure;
import org.casebridge.messages.v1.CaseContributionAdded;
import org.casebridge.messages.v1.CaseNote;
import org.casebridge.messages.v1.CasePriority;
import org.casebridge.messages.v1.CasePurgeConfirmed;
import org.casebridge.messages.v1.CaseShareRevoked;
import org.casebridge.messages.v1.CaseShared;
import org.casebridge.messages.v1.CaseStatus;
import org.casebridge.messages.v1.CaseUpdated;
import org.casebridge.messages.v1.ContributionKind;
import org.casebridge.messages.v1.CustodyAction;
import org.casebridge.messages.v1.CustodyEntry;
import org.casebridge.messages.v1.DeliveryOutcome;
import org.casebridge.messages.v1.DeliveryReceipt;
import org.casebridge.messages.v1.EvidenceItem;
import org.casebridge.messages.v1.EvidenceManifest;
import org.casebridge.messages.v1.EvidenceRequestClosed;
import org.casebridge.messages.v1.EvidenceRequestDecided;
import org.casebridge.messages.v1.EvidenceRequestFulfilled;
import org.casebridge.messages.v1.EvidenceRequestInformationProvided;
import org.casebridge.messages.v1.EvidenceRequestProgressNoted;
import org.casebridge.messages.v1.EvidenceRequestReceived;
import org.casebridge.messages.v1.EvidenceRequestSent;
import org.casebridge.messages.v1.EvidenceRequestType;
import org.casebridge.messages.v1.EvidenceRequestWithdrawn;
import org.casebridge.messages.v1.GoDecision;
import org.casebridge.messages.v1.HandlingMarking;
import org.casebridge.messages.v1.IdentifierType;
import org.casebridge.messages.v1.JointActionGoDecision;
import org.casebridge.messages.v1.JointActionOutcomeReported;
import org.casebridge.messages.v1.JointActionParticipationAnswered;
import org.casebridge.messages.v1.JointActionPlanUpdated;
import org.casebridge.messages.v1.JointActionProposed;
import org.casebridge.messages.v1.JointActionReadinessDeclared;
import org.casebridge.messages.v1.JointActionStatus;
import org.casebridge.messages.v1.JointActionStatusChanged;
import org.casebridge.messages.v1.Money;
import org.casebridge.messages.v1.Participant;
import org.casebridge.messages.v1.ParticipantRole;
import org.casebridge.messages.v1.ParticipationAnswer;
import org.casebridge.messages.v1.PreservationExtended;
import org.casebridge.messages.v1.ReceiptReasonCode;
import org.casebridge.messages.v1.RefusalGround;
import org.casebridge.messages.v1.RequestDecision;
import org.casebridge.messages.v1.RequestItem;
import org.casebridge.messages.v1.RequestProgress;
import org.casebridge.messages.v1.TimeRange;
import org.casebridge.messages.v1.Urgency;
import org.casebridge.schema.codec.EnvelopeHeader;
import org.casebridge.schema.crypto.SigningKey;

/**
 * One fully populated sample of every payload type and of the domain event, with fixed values. The golden messages
 * were written from these samples; a golden file must decode to exactly its sample, now and in every later version.
 */
public final class SampleMessages {

    public static final String SENDER = "DE-BKA";
    public static final String RECIPIENT = "NL-NHTC";

    /** Seed of the sender's key that signed the golden messages. A test key: never use it for anything else. */
    public static final byte[] SENDER_SEED = hex("1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100");
    /** Seed of another agency's key. */
    public static final byte[] OTHER_SEED = hex("a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf");

    static final UUID CASE_ID = UUID.fromString("6f1c2a4e-8d3b-4c1a-9e2f-0a1b2c3d4e5f");
    static final UUID REQUEST_ID = UUID.fromString("2b7e1516-28ae-4d2a-a6ab-f7158809cf4f");
    static final UUID JOINT_ACTION_ID = UUID.fromString("9a3f0c11-5e2d-4b7a-8c6e-1d2f3a4b5c6d");
    static final Instant T0 = Instant.parse("2026-03-02T09:15:30.250Z");

    private SampleMessages() {
    }

    public static SigningKey senderKey() {
        return SigningKey.ofSeed(SENDER_SEED);
    }

    public static SigningKey otherKey() {
        return SigningKey.ofSeed(OTHER_SEED);
    }

    /** Every payload sample, keyed by the payload's simple name, in catalogue order. */
    public static Map<String, SpecificRecord> payloads() {
        Map<String, SpecificRecord> samples = new LinkedHashMap<>();
        for (SpecificRecord sample : List.of(caseShared(), caseUpdated(), caseShareRevoked(), casePurgeConfirmed(),
                caseContributionAdded(), evidenceRequestSent(), evidenceRequestReceived(), evidenceRequestDecided(),
                evidenceRequestInformationProvided(), evidenceRequestProgressNoted(), evidenceRequestFulfilled(),
                evidenceRequestWithdrawn(), preservationExtended(), evidenceRequestClosed(), jointActionProposed(),
                jointActionParticipationAnswered(), jointActionPlanUpdated(), jointActionReadinessDeclared(),
                jointActionGoDecision(), jointActionStatusChanged(), jointActionOutcomeReported(), deliveryReceipt())) {
            samples.put(sample.getSchema().getName(), sample);
        }
        return samples;
    }

    /** The envelope header of the golden message of a payload type: fixed, but different per type. */
    public static EnvelopeHeader header(String payloadName, long sequenceNumber) {
        UUID messageId = UUID.nameUUIDFromBytes(("golden message " + payloadName).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        UUID correlationId = UUID.nameUUIDFromBytes(("golden conversation " + payloadName).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new EnvelopeHeader(messageId, correlationId, sequenceNumber % 2 == 0 ? correlationId : null, SENDER,
                RECIPIENT, T0.plusSeconds(sequenceNumber), sequenceNumber, HandlingMarking.AMBER);
    }

    static CaseNote note(int n) {
        return CaseNote.newBuilder().setNoteId(UUID.nameUUIDFromBytes(new byte[] {(byte) n}))
                .setAuthor("k.schmidt").setWrittenAt(T0.minusSeconds(3600L * n))
                .setText("Victim company confirms encrypted file servers; ransom note " + n + " attached.").build();
    }

    public static CaseShared caseShared() {
        return CaseShared.newBuilder().setCaseId(CASE_ID).setReference("DE-BKA-2026-000123").setLeadAgency(SENDER)
                .setRevision(3).setTitle("LockBit affiliate: hospital network intrusion")
                .setSummary("Encryption of a hospital's file servers on 2026-02-27; negotiation portal hosted abroad.")
                .setCrimeCategories(List.of("RANSOMWARE", "ILLEGAL_ACCESS")).setStatus(CaseStatus.ACTIVE)
                .setPriority(CasePriority.HIGH).setOpenedAt(T0.minusSeconds(86_400L * 4))
                .setSharedWith(List.of("NL-NHTC", "FR-OFAC")).setNotes(List.of(note(1), note(2))).build();
    }

    public static CaseUpdated caseUpdated() {
        return CaseUpdated.newBuilder().setCaseId(CASE_ID).setRevision(4)
                .setTitle("LockBit affiliate: hospital network intrusion")
                .setSummary("Second victim identified; same negotiation portal.")
                .setCrimeCategories(List.of("RANSOMWARE", "ILLEGAL_ACCESS", "EXTORTION")).setStatus(CaseStatus.ACTIVE)
                .setPriority(CasePriority.CRITICAL).setUpdatedAt(T0).setNotesAdded(List.of(note(3))).build();
    }

    public static CaseShareRevoked caseShareRevoked() {
        return CaseShareRevoked.newBuilder().setCaseId(CASE_ID).setReference("DE-BKA-2026-000123").setRevokedAt(T0)
                .setReason("Prosecutor restricted circulation.").build();
    }

    public static CasePurgeConfirmed casePurgeConfirmed() {
        return CasePurgeConfirmed.newBuilder().setCaseId(CASE_ID)
                .setRevocationMessageId(UUID.fromString("0e8f7a6b-1c2d-4e3f-8a9b-0c1d2e3f4a5b"))
                .setPurgedAt(T0.plusSeconds(120)).setPurgedBy("retention-job").build();
    }

    public static CaseContributionAdded caseContributionAdded() {
        return CaseContributionAdded.newBuilder().setCaseId(CASE_ID)
                .setContributionId(UUID.fromString("44c1e1a8-7f0b-4d8e-9a51-3c6b2a1f0e9d")).setContributingAgency(RECIPIENT)
                .setKind(ContributionKind.FINDING).setAuthor("j.devries")
                .setText("The negotiation portal's server is hosted at a Dutch provider; preservation requested.")
                .setAddedAt(T0).build();
    }

    public static EvidenceRequestSent evidenceRequestSent() {
        RequestItem ip = RequestItem.newBuilder().setItemId(UUID.fromString("b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e"))
                .setIdentifierType(IdentifierType.IP_ADDRESS).setValue("2001:db8::17").setPort(51515)
                .setObservedAt(T0.minusSeconds(86_400)).setQualifier(null)
                .setTimeRange(new TimeRange(T0.minusSeconds(86_400 * 2), T0.minusSeconds(86_400)))
                .setNote("Login to the negotiation portal's admin panel.").build();
        RequestItem wallet = RequestItem.newBuilder().setItemId(UUID.fromString("c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f"))
                .setIdentifierType(IdentifierType.CRYPTO_ADDRESS).setValue("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")
                .setQualifier("bitcoin").setTimeRange(new TimeRange(T0.minusSeconds(86_400 * 30), T0)).build();
        return EvidenceRequestSent.newBuilder().setRequestId(REQUEST_ID).setReference("DE-BKA-RQ-2026-0042")
                .setCaseReference("DE-BKA-2026-000123").setCaseId(CASE_ID).setRequestingAgency(SENDER)
                .setRequestedAgency(RECIPIENT).setInstrument("EU_EPOC").setRequestType(EvidenceRequestType.SUBSCRIBER_INFO)
                .setUrgency(Urgency.URGENT).setEmergencyJustification(null).setCrimeCategories(List.of("RANSOMWARE"))
                .setLegalBasis("Sections 303a, 303b StGB (data interference, computer sabotage)")
                .setDescription("Subscriber data of the IPv6 address and the exchange account linked to the wallet.")
                .setItems(List.of(ip, wallet)).setAgreedDueDate(null).setApprovedBy("supervisor.meyer")
                .setSubmittedAt(T0).build();
    }

    public static EvidenceRequestReceived evidenceRequestReceived() {
        return EvidenceRequestReceived.newBuilder().setRequestId(REQUEST_ID).setReceivedAt(T0.plusSeconds(2))
                .setDeadline(T0.plusSeconds(2 + 10 * 86_400)).setDeadlineRule("EU_EPOC: 10 days")
                .setPreservedUntil(null).setLocalReference("NHTC-2026-7781").build();
    }

    public static EvidenceRequestDecided evidenceRequestDecided() {
        return EvidenceRequestDecided.newBuilder().setRequestId(REQUEST_ID).setDecision(RequestDecision.REFUSED)
                .setRefusalGround(RefusalGround.DATA_NO_LONGER_AVAILABLE)
                .setExplanation("The provider's retention period of 7 days has passed.").setInformationNeeded(null)
                .setDecidedBy("officer.bakker").setDecidedAt(T0.plusSeconds(3600)).build();
    }

    public static EvidenceRequestInformationProvided evidenceRequestInformationProvided() {
        return EvidenceRequestInformationProvided.newBuilder().setRequestId(REQUEST_ID)
                .setInReplyTo(UUID.fromString("d3e4f5a6-b7c8-4d9e-8f1a-2b3c4d5e6f70"))
                .setInformation("The login time is 2026-02-28T23:41:07Z, source port 51515.").setProvidedAt(T0).build();
    }

    public static EvidenceRequestProgressNoted evidenceRequestProgressNoted() {
        return EvidenceRequestProgressNoted.newBuilder().setRequestId(REQUEST_ID)
                .setProgress(RequestProgress.PARTIALLY_FULFILLED).setNote("Provider answered for the IP address.")
                .setNotedAt(T0).build();
    }

    public static EvidenceRequestFulfilled evidenceRequestFulfilled() {
        CustodyEntry acquired = CustodyEntry.newBuilder().setAt(T0.minusSeconds(7200)).setAgency(RECIPIENT)
                .setHandler("forensics.visser").setAction(CustodyAction.ACQUIRED).setNote("Received from provider portal.").build();
        CustodyEntry preserved = CustodyEntry.newBuilder().setAt(T0.minusSeconds(3600)).setAgency(RECIPIENT)
                .setHandler("forensics.visser").setAction(CustodyAction.PRESERVED).setNote(null).build();
        EvidenceItem item = EvidenceItem.newBuilder().setEvidenceId(UUID.fromString("e4f5a6b7-c8d9-4e0f-9a1b-2c3d4e5f6a7b"))
                .setRequestItemId(UUID.fromString("b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e"))
                .setDescription("Subscriber record for 2001:db8::17").setMediaType("application/pdf").setSizeBytes(48_213)
                .setSha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                .setAcquiredAt(T0.minusSeconds(7200)).setAcquisitionMethod("Provider production order response")
                .setCustody(List.of(acquired, preserved)).build();
        EvidenceManifest manifest = EvidenceManifest.newBuilder().setManifestId(UUID.fromString("f5a6b7c8-d9e0-4f1a-8b2c-3d4e5f6a7b8c"))
                .setItems(List.of(item)).setDeliveryChannel("SIENA").setDeliveryReference("SIENA-2026-112233").build();
        return EvidenceRequestFulfilled.newBuilder().setRequestId(REQUEST_ID).setComplete(false).setManifest(manifest)
                .setFulfilledAt(T0).setNote("The exchange account data follows.").build();
    }

    public static EvidenceRequestWithdrawn evidenceRequestWithdrawn() {
        return EvidenceRequestWithdrawn.newBuilder().setRequestId(REQUEST_ID)
                .setReason("Suspect identified by other means.").setWithdrawnAt(T0).build();
    }

    /** Added after v1: it has no golden message of that release. */
    public static EvidenceRequestClosed evidenceRequestClosed() {
        return EvidenceRequestClosed.newBuilder().setRequestId(REQUEST_ID).setClosedBy("officer.schulz")
                .setNote("Evidence checked against the manifest.").setClosedAt(T0.plusSeconds(86_400)).build();
    }

    public static PreservationExtended preservationExtended() {
        return PreservationExtended.newBuilder().setRequestId(REQUEST_ID).setPreservedUntil(T0.plusSeconds(86_400L * 90))
                .setExtendedAt(T0).setNote("EU_EPOC_PR extended by 30 days.").build();
    }

    static Participant participant(String agency, ParticipantRole role, String zone) {
        return Participant.newBuilder().setAgency(agency).setRole(role).setTimeZone(zone)
                .setTasks(List.of("Search premises")).setTargets(List.of("Suspect A, Utrecht")).build();
    }

    static List<Participant> participants() {
        return List.of(participant(SENDER, ParticipantRole.COORDINATOR, "Europe/Berlin"),
                participant(RECIPIENT, ParticipantRole.PARTICIPANT, "Europe/Amsterdam"),
                participant("FR-OFAC", ParticipantRole.OBSERVER, "Europe/Paris"));
    }

    public static JointActionProposed jointActionProposed() {
        return JointActionProposed.newBuilder().setJointActionId(JOINT_ACTION_ID).setTitle("Operation Nightfall")
                .setDescription("Simultaneous searches and server takedown.").setCoordinatingAgency(SENDER)
                .setCaseReferences(List.of("DE-BKA-2026-000123", "NHTC-2026-0099")).setParticipants(participants())
                .setWindowStart(T0.plusSeconds(86_400L * 14)).setWindowEnd(T0.plusSeconds(86_400L * 14 + 6 * 3600))
                .setProposedAt(T0).build();
    }

    public static JointActionParticipationAnswered jointActionParticipationAnswered() {
        return JointActionParticipationAnswered.newBuilder().setJointActionId(JOINT_ACTION_ID).setAgency(RECIPIENT)
                .setAnswer(ParticipationAnswer.ACCEPTED).setNote("Two teams available.").setAnsweredAt(T0).build();
    }

    public static JointActionPlanUpdated jointActionPlanUpdated() {
        return JointActionPlanUpdated.newBuilder().setJointActionId(JOINT_ACTION_ID).setRevision(2)
                .setTitle("Operation Nightfall").setDescription("Searches moved one hour earlier.")
                .setCoordinatingAgency(SENDER).setCaseReferences(List.of("DE-BKA-2026-000123"))
                .setParticipants(participants()).setWindowStart(T0.plusSeconds(86_400L * 14 - 3600))
                .setWindowEnd(T0.plusSeconds(86_400L * 14 + 5 * 3600)).setUpdatedAt(T0).build();
    }

    public static JointActionReadinessDeclared jointActionReadinessDeclared() {
        return JointActionReadinessDeclared.newBuilder().setJointActionId(JOINT_ACTION_ID).setAgency(RECIPIENT)
                .setReady(true).setNote(null).setDeclaredAt(T0).build();
    }

    public static JointActionGoDecision jointActionGoDecision() {
        return JointActionGoDecision.newBuilder().setJointActionId(JOINT_ACTION_ID).setDecision(GoDecision.GO)
                .setReason(null).setDecidedBy("coordinator.weber").setDecidedAt(T0).build();
    }

    public static JointActionStatusChanged jointActionStatusChanged() {
        return JointActionStatusChanged.newBuilder().setJointActionId(JOINT_ACTION_ID)
                .setStatus(JointActionStatus.IN_PROGRESS).setReason("All teams on site.").setChangedAt(T0).build();
    }

    public static JointActionOutcomeReported jointActionOutcomeReported() {
        AssetSeizure bitcoin = AssetSeizure.newBuilder().setKind(AssetKind.CRYPTOCURRENCY)
                .setDescription("3.2 BTC in a hardware wallet").setValue(new Money(18_500_000L, "EUR")).build();
        AssetSeizure cash = AssetSeizure.newBuilder().setKind(AssetKind.CASH).setDescription("Cash in a safe")
                .setValue(new Money(2_500_000L, "JPY")).build();
        return JointActionOutcomeReported.newBuilder().setJointActionId(JOINT_ACTION_ID).setAgency(RECIPIENT)
                .setArrests(2).setSearches(3).setDevicesSeized(17).setAssetsSeized(List.of(bitcoin, cash))
                .setServersTakenDown(4).setDomainsTakenDown(11).setVictimsIdentified(230).setNote(null)
                .setReportedAt(T0).build();
    }

    public static DeliveryReceipt deliveryReceipt() {
        return DeliveryReceipt.newBuilder().setReceiptFor(UUID.fromString("0f1e2d3c-4b5a-4968-8776-655443322110"))
                .setOutcome(DeliveryOutcome.REFUSED).setReasonCode(ReceiptReasonCode.ILLEGAL_TRANSITION)
                .setReasonText("Request is WITHDRAWN; it cannot be fulfilled.")
                .setRefusedPayloadType("org.casebridge.messages.v1.EvidenceRequestFulfilled").setProcessedAt(T0).build();
    }

    public static DomainEvent domainEvent() {
        return DomainEvent.newBuilder().setEventId(UUID.fromString("7c6b5a49-3827-4165-9483-726150413f2e"))
                .setEventType(DomainEventType.DEADLINE_APPROACHING).setOccurredAt(T0).setAgency(RECIPIENT)
                .setSubjectKind(SubjectKind.EVIDENCE_REQUEST).setSubjectId(REQUEST_ID).setCaseReference("DE-BKA-2026-000123")
                .setCounterpartAgency(SENDER).setActor(null).setTitle("Evidence request from DE-BKA due in 24 hours")
                .setSummary("EU_EPOC subscriber information request DE-BKA-RQ-2026-0042.")
                .setHandlingMarking(HandlingMarking.AMBER).setDeadline(T0.plusSeconds(86_400)).setMessageId(null)
                .setDetails(Map.of("instrument", "EU_EPOC", "hoursLeft", "24")).build();
    }

    public static byte[] hex(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    public static String toHex(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return out.toString();
    }
}

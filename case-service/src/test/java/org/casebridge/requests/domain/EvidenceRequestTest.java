package org.casebridge.requests.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The aggregate applies the lifecycle, four-eyes, refusal grounds, pauses and preservation extensions. */
class EvidenceRequestTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");
    private static final Actor AUTHOR = new Actor("NL-NHTC", "j.devries");
    private static final Actor SUPERVISOR = new Actor("NL-NHTC", "a.bakker");
    private static final Actor BERLIN_OFFICER = new Actor("DE-BKA", "k.weber");
    private static final List<RequestItem> ITEMS = List.of(
            new RequestItem.IpAddress("192.0.2.44", 51234, Instant.parse("2025-05-30T21:14:03Z"), null),
            new RequestItem.EmailAddress("suspect@example.org", null));

    private static String code(Throwable e) {
        return ((RequestRuleException) e).code();
    }

    private static LegalClock clock(String instrument) {
        return LegalClock.of(ShippedCatalogue.instrument(instrument), BERLIN);
    }

    private static EvidenceRequest draft(String instrument, Urgency urgency, DataAccessibility accessibility) {
        return EvidenceRequest.draft(UUID.randomUUID(), UUID.randomUUID(), "NL-NHTC", "DE-BKA",
                ShippedCatalogue.instrument(instrument), RequestType.SUBSCRIBER_INFO, urgency, accessibility, null,
                "Phishing campaign against Dutch bank customers; the address logged in to the mule account.", ITEMS,
                AUTHOR.user(), T0);
    }

    private static EvidenceRequest received(String instrument) {
        return draft(instrument, Urgency.NORMAL, null)
                .submit(AUTHOR, T0)
                .approve(SUPERVISOR, T0.plusSeconds(600))
                .receive(BERLIN_OFFICER, T0.plusSeconds(3600), clock(instrument));
    }

    @Test
    void aRequestGoesFromDraftToClosed() {
        EvidenceRequest request = received("EU_EPOC")
                .accept(BERLIN_OFFICER, T0.plusSeconds(7200), null)
                .noteProgress(BERLIN_OFFICER, T0.plusSeconds(8000))
                .fulfilPartially(BERLIN_OFFICER, T0.plusSeconds(9000))
                .fulfil(BERLIN_OFFICER, T0.plusSeconds(10_000))
                .close(AUTHOR, T0.plusSeconds(11_000));
        assertThat(request.status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(request.approver()).isEqualTo("a.bakker");
        assertThat(request.receivedAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(request.legalBasis()).isEqualTo(ShippedCatalogue.instrument("EU_EPOC").legalBasis());
        assertThat(request.history()).extracting(HistoryEntry::transition).containsExactly(
                RequestTransition.SUBMIT, RequestTransition.APPROVE, RequestTransition.RECEIVE,
                RequestTransition.ACCEPT, RequestTransition.NOTE_PROGRESS, RequestTransition.FULFIL_PARTIALLY,
                RequestTransition.FULFIL, RequestTransition.CLOSE);
        assertThat(request.history().get(2)).isEqualTo(new HistoryEntry(RequestTransition.RECEIVE,
                AgencySide.REQUESTED, T0.plusSeconds(3600), "k.weber@DE-BKA", RequestStatus.SENT,
                RequestStatus.RECEIVED));
    }

    @Test
    void transitionsLeaveTheOriginalUntouched() {
        EvidenceRequest draft = draft("EU_EPOC", Urgency.NORMAL, null);
        EvidenceRequest submitted = draft.submit(AUTHOR, T0);
        assertThat(draft.status()).isEqualTo(RequestStatus.DRAFT);
        assertThat(draft.history()).isEmpty();
        assertThat(submitted.status()).isEqualTo(RequestStatus.AWAITING_APPROVAL);
    }

    @Test
    void theAuthorCannotApproveTheirOwnRequest() {
        EvidenceRequest submitted = draft("EU_EPOC", Urgency.NORMAL, null).submit(AUTHOR, T0);
        assertThatThrownBy(() -> submitted.approve(AUTHOR, T0.plusSeconds(60)))
                .isInstanceOf(RequestRuleException.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo(FourEyesRule.CODE));
        assertThatThrownBy(() -> submitted.approve(new Actor("NL-NHTC", "J.DEVRIES"), T0.plusSeconds(60)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(FourEyesRule.CODE));
        assertThat(submitted.approve(SUPERVISOR, T0.plusSeconds(60)).status()).isEqualTo(RequestStatus.SENT);
    }

    @Test
    void theRequestedSideCannotActForTheRequesterNorCanOutsiders() {
        EvidenceRequest submitted = draft("EU_EPOC", Urgency.NORMAL, null).submit(AUTHOR, T0);
        assertThatThrownBy(() -> submitted.approve(BERLIN_OFFICER, T0))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("AWAITING_APPROVAL").hasMessageContaining("APPROVE")
                .hasMessageContaining("REQUESTED");
        assertThatThrownBy(() -> submitted.withdraw(new Actor("FR-OFAC", "x"), T0))
                .satisfies(e -> assertThat(code(e)).isEqualTo("NOT_A_PARTY"));
    }

    @Test
    void aRefusalNamesItsGround() {
        EvidenceRequest request = received("EU_EPOC");
        assertThatThrownBy(() -> request.refuse(BERLIN_OFFICER, T0.plusSeconds(7200), null))
                .satisfies(e -> assertThat(code(e)).isEqualTo("REFUSAL_GROUND_REQUIRED"));
        assertThatThrownBy(() -> new Refusal(null, "because"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("REFUSAL_GROUND_REQUIRED"));
        assertThatThrownBy(() -> new Refusal(RefusalGround.OTHER, " "))
                .satisfies(e -> assertThat(code(e)).isEqualTo("REFUSAL_DETAIL_REQUIRED"));
        EvidenceRequest refused = request.refuse(BERLIN_OFFICER, T0.plusSeconds(7200),
                new Refusal(RefusalGround.NO_DUAL_CRIMINALITY, null));
        assertThat(refused.status()).isEqualTo(RequestStatus.REFUSED);
        assertThat(refused.refusal().ground()).isEqualTo(RefusalGround.NO_DUAL_CRIMINALITY);
        assertThat(new Refusal(RefusalGround.OTHER, "treaty reservation").detail()).isEqualTo("treaty reservation");
    }

    @Test
    void askingForInformationPausesTheClockUntilItIsProvided() {
        EvidenceRequest request = received("EU_EPOC");
        Instant asked = request.receivedAt().plus(Duration.ofDays(2));
        Instant provided = asked.plus(Duration.ofDays(3));
        EvidenceRequest waiting = request.askInformation(BERLIN_OFFICER, asked);
        assertThat(waiting.pauses()).containsExactly(PauseInterval.openAt(asked));
        EvidenceRequest answered = waiting.provideInformation(AUTHOR, provided);
        assertThat(answered.status()).isEqualTo(RequestStatus.RECEIVED);
        assertThat(answered.pauses()).containsExactly(new PauseInterval(asked, provided));
        Deadline execute = answered.deadlines(clock("EU_EPOC"), provided).get(0);
        assertThat(execute.dueAt()).isEqualTo(request.receivedAt().plus(Duration.ofDays(13)));
        assertThat(answered.accept(BERLIN_OFFICER, provided.plusSeconds(1), null).status())
                .isEqualTo(RequestStatus.ACCEPTED);
    }

    @Test
    void meetingTheMilestoneStopsTheClock() {
        EvidenceRequest fulfilled = received("EU_EPOC")
                .accept(BERLIN_OFFICER, T0.plus(Duration.ofDays(1)), null)
                .fulfil(BERLIN_OFFICER, T0.plus(Duration.ofDays(2)));
        Deadline execute = fulfilled.deadlines(clock("EU_EPOC"), T0.plus(Duration.ofDays(60))).get(0);
        assertThat(execute.metAt()).isEqualTo(T0.plus(Duration.ofDays(2)));
        assertThat(execute.thresholdsCrossed()).isEmpty();
    }

    @Test
    void withdrawingStopsEveryClockAndEndsAnOpenPause() {
        EvidenceRequest waiting = received("EU_EIO").askInformation(BERLIN_OFFICER, T0.plus(Duration.ofDays(1)));
        EvidenceRequest withdrawn = waiting.withdraw(AUTHOR, T0.plus(Duration.ofDays(2)));
        assertThat(withdrawn.status()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThat(withdrawn.pauses()).allSatisfy(pause -> assertThat(pause.isOpen()).isFalse());
        assertThat(withdrawn.clockInput().stoppedAt()).isEqualTo(T0.plus(Duration.ofDays(2)));
        assertThat(withdrawn.deadlines(clock("EU_EIO"), T0.plus(Duration.ofDays(100))))
                .allSatisfy(deadline -> assertThat(deadline.thresholdsCrossed()).isEmpty());
    }

    @Test
    void theInvestigationOrderExecutionClockStartsAtAcceptance() {
        EvidenceRequest request = received("EU_EIO");
        assertThat(request.deadlines(clock("EU_EIO"), request.receivedAt())).extracting(Deadline::milestone)
                .containsExactly(Milestone.ACKNOWLEDGE, Milestone.DECIDE);
        Instant decided = request.receivedAt().plus(Duration.ofDays(5));
        EvidenceRequest accepted = request.accept(BERLIN_OFFICER, decided, null);
        assertThat(accepted.decidedAt()).isEqualTo(decided);
        assertThat(accepted.clockInput().metAt()).containsKeys(Milestone.ACKNOWLEDGE, Milestone.DECIDE);
        assertThat(accepted.deadlines(clock("EU_EIO"), decided)).extracting(Deadline::milestone)
                .containsExactly(Milestone.ACKNOWLEDGE, Milestone.DECIDE, Milestone.EXECUTE);
    }

    @Test
    void anAgreedDueDateIsRecordedOnAcceptance() {
        EvidenceRequest request = received("BUDAPEST_ART31");
        Instant due = Instant.parse("2025-08-01T10:00:00Z");
        EvidenceRequest accepted = request.accept(BERLIN_OFFICER, T0.plus(Duration.ofDays(1)), due);
        assertThat(accepted.agreedDueDate()).isEqualTo(due);
        assertThat(accepted.deadlines(clock("BUDAPEST_ART31"), T0.plus(Duration.ofDays(1))))
                .extracting(Deadline::dueAt).containsExactly(due);
        assertThatThrownBy(() -> request.accept(BERLIN_OFFICER, T0.plus(Duration.ofDays(1)), T0))
                .satisfies(e -> assertThat(code(e)).isEqualTo("DUE_DATE_IN_PAST"));
    }

    @Test
    void aPreservationOrderCanBeExtendedOnceByThirtyDays() {
        LegalClock clock = clock("EU_EPOC_PR");
        EvidenceRequest accepted = received("EU_EPOC_PR").accept(BERLIN_OFFICER, T0.plus(Duration.ofDays(1)), null);
        // received 11:00 CEST on 2 June: 60 days later is 11:00 CEST on 1 August
        assertThat(accepted.preservationExpiry()).isEqualTo("2025-08-01T09:00:00Z");
        assertThatThrownBy(() -> accepted.extendPreservation(AUTHOR, T0.plus(Duration.ofDays(50)), clock,
                LegalPeriod.parse("P31D"))).satisfies(e -> assertThat(code(e)).isEqualTo("EXTENSION_TOO_LONG"));
        EvidenceRequest extended = accepted.extendPreservation(AUTHOR, T0.plus(Duration.ofDays(50)), clock,
                LegalPeriod.parse("P30D"));
        assertThat(extended.preservationExpiry()).isEqualTo("2025-08-31T09:00:00Z");
        assertThat(extended.extensionsUsed()).isEqualTo(1);
        assertThat(extended.status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThatThrownBy(() -> extended.extendPreservation(AUTHOR, T0.plus(Duration.ofDays(70)), clock,
                LegalPeriod.parse("P10D"))).satisfies(e -> assertThat(code(e)).isEqualTo("EXTENSION_LIMIT_REACHED"));
        assertThat(extended.deadlines(clock, T0.plus(Duration.ofDays(85)))).singleElement()
                .satisfies(d -> assertThat(d.thresholdsCrossed()).containsExactly(
                        DeadlineThreshold.PRESERVATION_LAPSING));
    }

    @Test
    void aBudapestPreservationCanBeExtendedRepeatedlyButNotAfterItLapsed() {
        LegalClock clock = clock("BUDAPEST_ART29");
        EvidenceRequest request = received("BUDAPEST_ART29").accept(BERLIN_OFFICER, T0.plus(Duration.ofDays(1)), null);
        for (int i = 0; i < 3; i++) {
            request = request.extendPreservation(AUTHOR, T0.plus(Duration.ofDays(10)), clock,
                    LegalPeriod.parse("P60D"));
        }
        assertThat(request.extensionsUsed()).isEqualTo(3);
        // 1 August + 3 × 60 days, still 11:00 local: now winter time, so an hour later in UTC
        assertThat(request.preservationExpiry()).isEqualTo("2026-01-28T10:00:00Z");
        EvidenceRequest lapsed = received("BUDAPEST_ART29").accept(BERLIN_OFFICER, T0.plus(Duration.ofDays(1)), null);
        assertThatThrownBy(() -> lapsed.extendPreservation(AUTHOR, T0.plus(Duration.ofDays(61)), clock,
                LegalPeriod.parse("P60D"))).satisfies(e -> assertThat(code(e)).isEqualTo("PRESERVATION_LAPSED"));
    }

    @Test
    void onlyPreservationsCanBeExtended() {
        EvidenceRequest accepted = received("EU_EPOC").accept(BERLIN_OFFICER, T0.plus(Duration.ofDays(1)), null);
        assertThatThrownBy(() -> accepted.extendPreservation(AUTHOR, T0.plus(Duration.ofDays(2)), clock("EU_EPOC"),
                LegalPeriod.parse("P30D"))).satisfies(e -> assertThat(code(e)).isEqualTo("NOT_A_PRESERVATION"));
    }

    @Test
    void aDraftNamesEveryBadField() {
        List<RequestItem> items = List.of(new RequestItem.Domain("example.org", null),
                new RequestItem.IpAddress("192.0.2.300", 80, null, null));
        assertThatThrownBy(() -> EvidenceRequest.draft(UUID.randomUUID(), UUID.randomUUID(), "NL-NHTC", "NL-NHTC",
                ShippedCatalogue.instrument("EU_2023_977"), RequestType.SUBSCRIBER_INFO, Urgency.URGENT, null, null,
                " ", items, "j.devries", T0))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).violations()).extracting(FieldViolation::field)
                        .containsExactly("requestedAgency", "accessibility", "justification", "items[1].address",
                                "items[1].timestamp"));
    }

    @Test
    void aDraftNeedsItems() {
        assertThatThrownBy(() -> EvidenceRequest.draft(UUID.randomUUID(), UUID.randomUUID(), "NL-NHTC", "DE-BKA",
                ShippedCatalogue.instrument("EU_EPOC"), RequestType.SUBSCRIBER_INFO, Urgency.NORMAL, null, null,
                "why", List.of(), "j.devries", T0))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("items");
    }

    @Test
    void theClockMustBelongToTheRequestsInstrument() {
        EvidenceRequest sent = draft("EU_EPOC", Urgency.NORMAL, null).submit(AUTHOR, T0)
                .approve(SUPERVISOR, T0.plusSeconds(60));
        assertThatThrownBy(() -> sent.receive(BERLIN_OFFICER, T0.plusSeconds(120), clock("EU_EIO")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package org.casebridge.requests.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every instrument of the shipped catalogue for every urgency, as the documentation's clock table states it; and the
 * clock of one request summarised for storage (pauses across a daylight-saving change, preservation, terminal).
 */
class ClockTableTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** 10:00 in Amsterdam on a June day: no daylight-saving change within the next months' days used here. */
    private static final Instant RECEIPT = Instant.parse("2025-06-02T08:00:00Z");

    @ParameterizedTest(name = "{0} {1} {2}: {3} {4}")
    @CsvSource({
            // instrument, urgency, accessibility, milestone, period from receipt (empty: no clock at receipt)
            "EU_EPOC, EMERGENCY, , EXECUTE, PT8H",
            "EU_EPOC, URGENT, , EXECUTE, P10D",
            "EU_EPOC, NORMAL, , EXECUTE, P10D",
            "EU_EPOC_PR, EMERGENCY, , PRESERVE_UNTIL, P60D",
            "EU_EPOC_PR, NORMAL, , PRESERVE_UNTIL, P60D",
            "BUDAPEST_ART29, URGENT, , PRESERVE_UNTIL, P60D",
            "EU_EIO, EMERGENCY, , ACKNOWLEDGE, P7D",
            "EU_EIO, NORMAL, , DECIDE, P30D",
            "EU_EIO, URGENT, , EXECUTE, ",
            "EU_2023_977, EMERGENCY, DIRECT, RESPOND, PT8H",
            "EU_2023_977, URGENT, DIRECT, RESPOND, PT8H",
            "EU_2023_977, URGENT, INDIRECT, RESPOND, P3D",
            "EU_2023_977, NORMAL, DIRECT, RESPOND, P7D",
            "EU_2023_977, NORMAL, INDIRECT, RESPOND, P7D",
            "BUDAPEST_ART31, EMERGENCY, , RESPOND, ",
            "MLAT, NORMAL, , RESPOND, ",
            "POLICE_TO_POLICE, URGENT, , RESPOND, "})
    void eachInstrumentAndUrgencyRunsItsCatalogueClock(String code, Urgency urgency, DataAccessibility accessibility,
                                                      Milestone milestone, String period) {
        LegalClock clock = LegalClock.of(ShippedCatalogue.instrument(code), AMSTERDAM);
        ClockInput input = ClockInput.receivedAt(RECEIPT, urgency, accessibility);
        Optional<Deadline> deadline = clock.deadline(milestone, input, RECEIPT);
        if (period == null) {
            // agreed per request, or anchored on a decision not taken yet
            assertThat(deadline).isEmpty();
        } else {
            assertThat(deadline).isPresent();
            assertThat(deadline.get().dueAt()).isEqualTo(LegalPeriod.parse(period).addTo(RECEIPT, AMSTERDAM));
        }
    }

    @Test
    void anEmergencyIsNeverGivenLongerThanANormalRequest() {
        for (Instrument instrument : ShippedCatalogue.load().instruments()) {
            DataAccessibility accessibility = instrument.needsAccessibility() ? DataAccessibility.DIRECT : null;
            LegalClock clock = LegalClock.of(instrument, AMSTERDAM);
            List<Deadline> emergency = clock.deadlines(ClockInput.receivedAt(RECEIPT, Urgency.EMERGENCY,
                    accessibility), RECEIPT);
            List<Deadline> normal = clock.deadlines(ClockInput.receivedAt(RECEIPT, Urgency.NORMAL, accessibility),
                    RECEIPT);
            assertThat(emergency).hasSameSizeAs(normal);
            for (int i = 0; i < emergency.size(); i++) {
                assertThat(emergency.get(i).dueAt()).as(instrument.code()).isBeforeOrEqualTo(normal.get(i).dueAt());
            }
        }
    }

    @Test
    void aPauseAcrossTheAutumnChangeMovesTheDeadlineByElapsedTime() {
        // received 24 October 2025, 10:00 in Amsterdam (CEST); clocks go back on 26 October
        Instant received = Instant.parse("2025-10-24T08:00:00Z");
        LegalClock clock = LegalClock.of(ShippedCatalogue.instrument("EU_EPOC"), AMSTERDAM);
        Instant nominal = clock.deadline(Milestone.EXECUTE, ClockInput.receivedAt(received, Urgency.NORMAL, null),
                received).orElseThrow().dueAt();
        // ten local days: 3 November 10:00 CET, one hour more elapsed than 240 hours
        assertThat(nominal).isEqualTo(Instant.parse("2025-11-03T09:00:00Z"));
        // a pause from Saturday 25 October 12:00 to Monday 27 October 12:00 local spans the change: 49 hours
        PauseInterval pause = new PauseInterval(Instant.parse("2025-10-25T10:00:00Z"),
                Instant.parse("2025-10-27T11:00:00Z"));
        Instant due = clock.deadline(Milestone.EXECUTE, ClockInput.receivedAt(received, Urgency.NORMAL, null)
                .withPauses(List.of(pause)), Instant.parse("2025-10-28T00:00:00Z")).orElseThrow().dueAt();
        assertThat(Duration.between(nominal, due)).isEqualTo(Duration.ofHours(49));
    }

    @Test
    void theSummaryNamesTheResponseDeadlineAndThePausedTime() {
        Instrument epoc = ShippedCatalogue.instrument("EU_EPOC");
        EvidenceRequest request = received(epoc, Urgency.NORMAL);
        LegalClock clock = LegalClock.of(epoc, AMSTERDAM);
        Actor requested = new Actor("NL-NHTC", "jan");
        Instant asked = RECEIPT.plus(Duration.ofHours(1));
        EvidenceRequest paused = request.askInformation(requested, asked);
        DeadlineSummary whilePaused = DeadlineSummary.of(paused, clock, asked.plus(Duration.ofHours(5)));
        assertThat(whilePaused.pausedSince()).isEqualTo(asked);
        assertThat(whilePaused.pausedSeconds()).isZero();
        assertThat(whilePaused.responseMilestone()).isEqualTo(Milestone.EXECUTE);

        Instant answered = asked.plus(Duration.ofHours(30));
        EvidenceRequest resumed = paused.provideInformation(new Actor("DE-BKA", "anna"), answered);
        DeadlineSummary summary = DeadlineSummary.of(resumed, clock, answered);
        assertThat(summary.pausedSince()).isNull();
        assertThat(summary.pausedSeconds()).isEqualTo(Duration.ofHours(30).toSeconds());
        assertThat(summary.responseDueAt()).isEqualTo(RECEIPT.atZone(AMSTERDAM).plusDays(10).toInstant()
                .plus(Duration.ofHours(30)));
        assertThat(summary.nextDueAt()).isEqualTo(summary.responseDueAt());

        EvidenceRequest refused = resumed.refuse(requested, answered.plusSeconds(60),
                new Refusal(RefusalGround.OUTSIDE_COMPETENCE, null));
        DeadlineSummary stopped = DeadlineSummary.of(refused, clock, answered.plus(Duration.ofDays(30)));
        assertThat(stopped.nextDueAt()).isNull();
        assertThat(stopped.responseDueAt()).isEqualTo(summary.responseDueAt());
    }

    @Test
    void aPreservationsNextDeadlineIsItsExpiryEvenOnceFulfilled() {
        Instrument preservation = ShippedCatalogue.instrument("EU_EPOC_PR");
        EvidenceRequest request = received(preservation, Urgency.NORMAL);
        Actor requested = new Actor("NL-NHTC", "jan");
        EvidenceRequest fulfilled = request.accept(requested, RECEIPT.plusSeconds(60), null)
                .fulfil(requested, RECEIPT.plusSeconds(120));
        DeadlineSummary summary = DeadlineSummary.of(fulfilled, LegalClock.of(preservation, AMSTERDAM),
                RECEIPT.plus(Duration.ofDays(1)));
        assertThat(summary.nextMilestone()).isEqualTo(Milestone.PRESERVE_UNTIL);
        assertThat(summary.nextDueAt()).isEqualTo(RECEIPT.atZone(AMSTERDAM).plusDays(60).toInstant());
        assertThat(summary.responseDueAt()).isNull();
    }

    @Test
    void beforeTheReceiptNothingRuns() {
        Instrument epoc = ShippedCatalogue.instrument("EU_EPOC");
        EvidenceRequest draft = draft(epoc, Urgency.NORMAL);
        DeadlineSummary summary = DeadlineSummary.of(draft, LegalClock.of(epoc, AMSTERDAM), RECEIPT);
        assertThat(summary).isEqualTo(new DeadlineSummary(null, null, null, null, 0, null));
    }

    @Test
    void flatItemsRoundTripEveryItemKind() {
        TimeRange range = new TimeRange(RECEIPT.minus(Duration.ofDays(2)), RECEIPT);
        List<RequestItem> items = List.of(
                new RequestItem.IpAddress("2001:db8::1", 443, RECEIPT, range),
                new RequestItem.Domain("example.org", range),
                new RequestItem.Url("https://example.org/panel", range),
                new RequestItem.EmailAddress("a@example.org", range),
                new RequestItem.PhoneNumber("+31201234567", range),
                new RequestItem.Account("telegram.org", "@seller", range),
                new RequestItem.CryptoAddress("XMR", "4Adr", range),
                new RequestItem.FileHash(HashAlgorithm.SHA_1, "a".repeat(40), range));
        for (RequestItem item : items) {
            assertThat(FlatItem.of(item).toItem()).isEqualTo(item);
        }
        assertThat(FlatItem.of(items.get(7)).qualifier()).isEqualTo("SHA_1");
        assertThat(FlatItem.algorithm("sha256")).isEqualTo(HashAlgorithm.SHA_256);
        assertThat(FlatItem.algorithm("SHA-512")).isEqualTo(HashAlgorithm.SHA_512);
        assertThat(FlatItem.algorithm("CRC32")).isNull();
    }

    private static EvidenceRequest draft(Instrument instrument, Urgency urgency) {
        return EvidenceRequest.draft(java.util.UUID.randomUUID(), java.util.UUID.randomUUID(), "DE-BKA", "NL-NHTC",
                instrument, RequestType.SUBSCRIBER_INFO, urgency, null, null, "Needed for the case",
                List.of(new RequestItem.Domain("example.org", null)), "anna", RECEIPT.minus(Duration.ofDays(1)));
    }

    private static EvidenceRequest received(Instrument instrument, Urgency urgency) {
        Instant drafted = RECEIPT.minus(Duration.ofDays(1));
        return draft(instrument, urgency)
                .submit(new Actor("DE-BKA", "anna"), drafted.plusSeconds(60))
                .approve(new Actor("DE-BKA", "sam"), drafted.plusSeconds(120))
                .receive(new Actor("NL-NHTC", "system"), RECEIPT, LegalClock.of(instrument, AMSTERDAM));
    }

}

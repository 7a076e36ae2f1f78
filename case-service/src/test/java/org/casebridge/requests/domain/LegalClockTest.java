package org.casebridge.requests.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.casebridge.requests.domain.DataAccessibility.DIRECT;
import static org.casebridge.requests.domain.DataAccessibility.INDIRECT;
import static org.casebridge.requests.domain.DeadlineThreshold.APPROACHING;
import static org.casebridge.requests.domain.DeadlineThreshold.OVERDUE;
import static org.casebridge.requests.domain.DeadlineThreshold.PRESERVATION_LAPSED;
import static org.casebridge.requests.domain.DeadlineThreshold.PRESERVATION_LAPSING;
import static org.casebridge.requests.domain.Milestone.ACKNOWLEDGE;
import static org.casebridge.requests.domain.Milestone.DECIDE;
import static org.casebridge.requests.domain.Milestone.EXECUTE;
import static org.casebridge.requests.domain.Milestone.PRESERVE_UNTIL;
import static org.casebridge.requests.domain.Milestone.RESPOND;
import static org.casebridge.requests.domain.Urgency.EMERGENCY;
import static org.casebridge.requests.domain.Urgency.NORMAL;
import static org.casebridge.requests.domain.Urgency.URGENT;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Legal clocks computed from the shipped catalogue. Times are given explicitly (no system clock); the requested
 * agency sits in Berlin unless a test says otherwise. June has no daylight-saving change, so days there are 24 hours.
 */
class LegalClockTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** 14:00 in Berlin. */
    private static final Instant JUNE_RECEIPT = Instant.parse("2025-06-02T12:00:00Z");

    /** A ten-day production order received on a June afternoon. */
    private final ClockInput tenDays = ClockInput.receivedAt(JUNE_RECEIPT, NORMAL, null);
    /** 75 % of 240 hours. */
    private final Instant approaching = JUNE_RECEIPT.plus(Duration.ofHours(180));
    private final Instant due = Instant.parse("2025-06-12T12:00:00Z");

    private static LegalClock clock(String instrument) {
        return LegalClock.of(ShippedCatalogue.instrument(instrument), BERLIN);
    }

    private static Deadline deadline(String instrument, Milestone milestone, ClockInput input, Instant asOf) {
        return clock(instrument).deadline(milestone, input, asOf).orElseThrow();
    }

    private static Instant dueAt(String instrument, Milestone milestone, ClockInput input) {
        return deadline(instrument, milestone, input, input.receivedAt()).dueAt();
    }

    @Test
    void productionOrderGivesTenDays() {
        ClockInput normal = ClockInput.receivedAt(JUNE_RECEIPT, NORMAL, null);
        assertThat(dueAt("EU_EPOC", EXECUTE, normal)).isEqualTo("2025-06-12T12:00:00Z");
        ClockInput urgent = ClockInput.receivedAt(JUNE_RECEIPT, URGENT, null);
        assertThat(dueAt("EU_EPOC", EXECUTE, urgent)).isEqualTo("2025-06-12T12:00:00Z");
    }

    @Test
    void productionOrderGivesEightHoursInAnEmergency() {
        ClockInput emergency = ClockInput.receivedAt(JUNE_RECEIPT, EMERGENCY, null);
        assertThat(dueAt("EU_EPOC", EXECUTE, emergency)).isEqualTo("2025-06-02T20:00:00Z");
    }

    @ParameterizedTest(name = "{0} and {1}: {2}")
    @CsvSource({
            "EMERGENCY, DIRECT,   2025-06-02T20:00:00Z",
            "URGENT,    DIRECT,   2025-06-02T20:00:00Z",
            "EMERGENCY, INDIRECT, 2025-06-05T12:00:00Z",
            "URGENT,    INDIRECT, 2025-06-05T12:00:00Z",
            "NORMAL,    DIRECT,   2025-06-09T12:00:00Z",
            "NORMAL,    INDIRECT, 2025-06-09T12:00:00Z"})
    void policeInformationExchangeDependsOnUrgencyAndAccessibility(Urgency urgency,
                                                                   DataAccessibility accessibility,
                                                                   Instant expected) {
        ClockInput input = ClockInput.receivedAt(JUNE_RECEIPT, urgency, accessibility);
        assertThat(dueAt("EU_2023_977", RESPOND, input)).isEqualTo(expected);
    }

    @Test
    void informationExchangeNeedsToKnowTheAccessibility() {
        assertThat(ShippedCatalogue.instrument("EU_2023_977").needsAccessibility()).isTrue();
        assertThat(ShippedCatalogue.instrument("EU_EPOC").needsAccessibility()).isFalse();
    }

    @Test
    void investigationOrderHasThreeMilestones() {
        ClockInput received = ClockInput.receivedAt(JUNE_RECEIPT, NORMAL, null);
        assertThat(clock("EU_EIO").deadlines(received, JUNE_RECEIPT))
                .extracting(Deadline::milestone, Deadline::dueAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ACKNOWLEDGE, Instant.parse("2025-06-09T12:00:00Z")),
                        org.assertj.core.groups.Tuple.tuple(DECIDE, Instant.parse("2025-07-02T12:00:00Z")));
    }

    @Test
    void investigationOrderExecutionRunsNinetyDaysFromTheDecision() {
        Instant decided = Instant.parse("2025-06-20T08:00:00Z");
        ClockInput decidedInput = ClockInput.receivedAt(JUNE_RECEIPT, NORMAL, null).withDecidedAt(decided);
        // 90 calendar days from 10:00 CEST on 20 June: 18 September, still summer time
        assertThat(deadline("EU_EIO", EXECUTE, decidedInput, decided).dueAt())
                .isEqualTo("2025-09-18T08:00:00Z");
        assertThat(clock("EU_EIO").deadlines(decidedInput, decided)).extracting(Deadline::milestone)
                .containsExactly(ACKNOWLEDGE, DECIDE, EXECUTE);
    }

    @Test
    void preservationOrderLastsSixtyDaysAndExtendsByThirty() {
        LegalClock epocPr = clock("EU_EPOC_PR");
        Instant expiry = epocPr.initialPreservationExpiry(JUNE_RECEIPT);
        assertThat(expiry).isEqualTo("2025-08-01T12:00:00Z");
        assertThat(epocPr.extendedPreservationExpiry(expiry, LegalPeriod.parse("P30D")))
                .isEqualTo("2025-08-31T12:00:00Z");
        assertThatThrownBy(() -> epocPr.extendedPreservationExpiry(expiry, LegalPeriod.parse("P31D")))
                .isInstanceOf(RequestRuleException.class)
                .extracting(e -> ((RequestRuleException) e).code()).isEqualTo("EXTENSION_TOO_LONG");
        PreservationRules rules = ShippedCatalogue.instrument("EU_EPOC_PR").preservation();
        assertThat(rules.allowsAnotherExtension(0)).isTrue();
        assertThat(rules.allowsAnotherExtension(1)).isFalse();
    }

    @Test
    void budapestPreservationLastsAtLeastSixtyDaysAndCanBeExtendedAgainAndAgain() {
        LegalClock art29 = clock("BUDAPEST_ART29");
        Instant expiry = art29.initialPreservationExpiry(JUNE_RECEIPT);
        assertThat(expiry).isEqualTo("2025-08-01T12:00:00Z");
        assertThat(art29.extendedPreservationExpiry(expiry, LegalPeriod.parse("P60D")))
                .isEqualTo("2025-09-30T12:00:00Z");
        PreservationRules rules = ShippedCatalogue.instrument("BUDAPEST_ART29").preservation();
        assertThat(rules.allowsAnotherExtension(10)).isTrue();
    }

    @Test
    void budapestPreservationWarnsSevenDaysBeforeItLapses() {
        ClockInput input = ClockInput.receivedAt(JUNE_RECEIPT, NORMAL, null);
        Instant lapsing = Instant.parse("2025-07-25T12:00:00Z");
        Instant lapsed = Instant.parse("2025-08-01T12:00:00Z");
        assertThat(deadline("BUDAPEST_ART29", PRESERVE_UNTIL, input, lapsing.minusNanos(1)).thresholdsCrossed())
                .isEmpty();
        assertThat(deadline("BUDAPEST_ART29", PRESERVE_UNTIL, input, lapsing).thresholdsCrossed())
                .containsExactly(PRESERVATION_LAPSING);
        assertThat(deadline("BUDAPEST_ART29", PRESERVE_UNTIL, input, lapsed.minusNanos(1)).thresholdsCrossed())
                .containsExactly(PRESERVATION_LAPSING);
        assertThat(deadline("BUDAPEST_ART29", PRESERVE_UNTIL, input, lapsed).thresholdsCrossed())
                .containsExactlyInAnyOrder(PRESERVATION_LAPSING, PRESERVATION_LAPSED);
    }

    @Test
    void anExtendedPreservationWarnsBeforeItsNewExpiry() {
        Instant extended = Instant.parse("2025-08-31T12:00:00Z");
        ClockInput input = ClockInput.receivedAt(JUNE_RECEIPT, NORMAL, null).withPreservationExpiry(extended);
        Deadline atOldLapse = deadline("EU_EPOC_PR", PRESERVE_UNTIL, input, Instant.parse("2025-08-01T12:00:00Z"));
        assertThat(atOldLapse.thresholdsCrossed()).isEmpty();
        assertThat(atOldLapse.approachingAt()).isEqualTo("2025-08-24T12:00:00Z");
    }

    @Test
    void preservationDoesNotPauseWhileInformationIsAwaited() {
        ClockInput input = ClockInput.receivedAt(JUNE_RECEIPT, NORMAL, null)
                .withPauses(List.of(new PauseInterval(Instant.parse("2025-06-03T12:00:00Z"),
                        Instant.parse("2025-06-13T12:00:00Z"))));
        assertThat(deadline("EU_EPOC_PR", PRESERVE_UNTIL, input, Instant.parse("2025-06-20T00:00:00Z")).dueAt())
                .isEqualTo("2025-08-01T12:00:00Z");
    }

    @ParameterizedTest
    @CsvSource({"BUDAPEST_ART31", "MLAT", "POLICE_TO_POLICE"})
    void instrumentsWithoutLegalLimitUseTheAgreedDueDate(String code) {
        ClockInput notAgreed = ClockInput.receivedAt(JUNE_RECEIPT, NORMAL, null);
        assertThat(clock(code).deadlines(notAgreed, JUNE_RECEIPT)).isEmpty();
        Instant agreed = Instant.parse("2025-07-15T10:00:00Z");
        ClockInput agreedInput = notAgreed.withAgreedDueDate(agreed)
                .withPauses(List.of(new PauseInterval(Instant.parse("2025-06-05T00:00:00Z"),
                        Instant.parse("2025-06-07T00:00:00Z"))));
        Deadline deadline = deadline(code, RESPOND, agreedInput, Instant.parse("2025-06-10T00:00:00Z"));
        assertThat(deadline.dueAt()).isEqualTo(agreed);
        assertThat(deadline.agreed()).isTrue();
    }

    @Test
    void otherInstrumentsHaveNoPreservationExpiry() {
        assertThatThrownBy(() -> clock("EU_EPOC").initialPreservationExpiry(JUNE_RECEIPT))
                .isInstanceOf(RequestRuleException.class)
                .extracting(e -> ((RequestRuleException) e).code()).isEqualTo("NOT_A_PRESERVATION");
    }

    @Test
    void onePauseMovesTheDeadlineByItsLength() {
        ClockInput paused = tenDays.withPauses(List.of(new PauseInterval(Instant.parse("2025-06-04T09:00:00Z"),
                Instant.parse("2025-06-06T09:00:00Z"))));
        Deadline deadline = deadline("EU_EPOC", EXECUTE, paused, Instant.parse("2025-06-07T00:00:00Z"));
        assertThat(deadline.dueAt()).isEqualTo("2025-06-14T12:00:00Z");
        assertThat(deadline.pausedFor()).isEqualTo(Duration.ofDays(2));
        assertThat(deadline.paused()).isFalse();
    }

    @Test
    void severalPausesAddUp() {
        ClockInput paused = tenDays.withPauses(List.of(
                new PauseInterval(Instant.parse("2025-06-08T10:00:00Z"), Instant.parse("2025-06-08T13:00:00Z")),
                new PauseInterval(Instant.parse("2025-06-03T00:00:00Z"), Instant.parse("2025-06-04T00:00:00Z"))));
        assertThat(deadline("EU_EPOC", EXECUTE, paused, Instant.parse("2025-06-09T00:00:00Z")).dueAt())
                .isEqualTo("2025-06-13T15:00:00Z");
    }

    @Test
    void timeLeftStandsStillWhileAPauseIsOpen() {
        Instant asked = Instant.parse("2025-06-04T12:00:00Z");
        ClockInput paused = tenDays.withPauses(List.of(PauseInterval.openAt(asked)));
        Deadline oneHourIn = deadline("EU_EPOC", EXECUTE, paused, asked.plus(Duration.ofHours(1)));
        Deadline fiveDaysIn = deadline("EU_EPOC", EXECUTE, paused, asked.plus(Duration.ofDays(5)));
        assertThat(oneHourIn.timeLeft()).isEqualTo(Duration.ofDays(8));
        assertThat(fiveDaysIn.timeLeft()).isEqualTo(Duration.ofDays(8));
        assertThat(fiveDaysIn.paused()).isTrue();
        assertThat(fiveDaysIn.thresholdsCrossed()).isEmpty();
    }

    @Test
    void thePauseIsCountedOnlyOnceItHasBegun() {
        ClockInput paused = tenDays.withPauses(List.of(new PauseInterval(Instant.parse("2025-06-04T12:00:00Z"),
                Instant.parse("2025-06-05T12:00:00Z"))));
        assertThat(deadline("EU_EPOC", EXECUTE, paused, Instant.parse("2025-06-03T12:00:00Z")).timeLeft())
                .isEqualTo(Duration.ofDays(9));
        assertThat(deadline("EU_EPOC", EXECUTE, paused, Instant.parse("2025-06-06T12:00:00Z")).timeLeft())
                .isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aPauseAfterTheDeadlineDoesNotRevive() {
        ClockInput late = tenDays.withPauses(List.of(new PauseInterval(Instant.parse("2025-06-13T00:00:00Z"),
                Instant.parse("2025-06-20T00:00:00Z"))));
        Deadline deadline = deadline("EU_EPOC", EXECUTE, late, Instant.parse("2025-06-21T00:00:00Z"));
        assertThat(deadline.dueAt()).isEqualTo("2025-06-12T12:00:00Z");
        assertThat(deadline.thresholdsCrossed()).contains(OVERDUE);
    }

    @Test
    void aPauseBeforeTheDecisionDoesNotMoveAClockThatStartsAtTheDecision() {
        Instant decided = Instant.parse("2025-06-10T12:00:00Z");
        ClockInput input = ClockInput.receivedAt(JUNE_RECEIPT, NORMAL, null).withDecidedAt(decided)
                .withPauses(List.of(new PauseInterval(Instant.parse("2025-06-03T12:00:00Z"),
                        Instant.parse("2025-06-05T12:00:00Z"))));
        assertThat(deadline("EU_EIO", EXECUTE, input, decided.plus(Duration.ofDays(1))).pausedFor())
                .isZero();
        assertThat(deadline("EU_EIO", DECIDE, input, decided).pausedFor()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void tenDaysAcrossSpringForwardEndAtTheSameLocalTime() {
        // 14:00 CET on 27 March; clocks go forward on 30 March; 14:00 CEST on 6 April
        ClockInput input = ClockInput.receivedAt(Instant.parse("2025-03-27T13:00:00Z"), NORMAL, null);
        Deadline deadline = deadline("EU_EPOC", EXECUTE, input, input.receivedAt());
        assertThat(deadline.dueAt()).isEqualTo("2025-04-06T12:00:00Z");
        assertThat(deadline.period()).isEqualTo(Duration.ofHours(239));
    }

    @Test
    void tenDaysAcrossFallBackEndAtTheSameLocalTime() {
        // 14:00 CEST on 20 October; clocks go back on 26 October; 14:00 CET on 30 October
        ClockInput input = ClockInput.receivedAt(Instant.parse("2025-10-20T12:00:00Z"), NORMAL, null);
        Deadline deadline = deadline("EU_EPOC", EXECUTE, input, input.receivedAt());
        assertThat(deadline.dueAt()).isEqualTo("2025-10-30T13:00:00Z");
        assertThat(deadline.period()).isEqualTo(Duration.ofHours(241));
    }

    @Test
    void eightHoursAreEightElapsedHoursAcrossSpringForward() {
        // 00:30 CET on 30 March; eight hours later it is 09:30 CEST
        ClockInput input = ClockInput.receivedAt(Instant.parse("2025-03-29T23:30:00Z"), EMERGENCY, null);
        assertThat(dueAt("EU_EPOC", EXECUTE, input)).isEqualTo("2025-03-30T07:30:00Z");
    }

    @Test
    void eightHoursAreEightElapsedHoursAcrossFallBack() {
        ClockInput input = ClockInput.receivedAt(Instant.parse("2025-10-25T23:30:00Z"), EMERGENCY, null);
        assertThat(dueAt("EU_EPOC", EXECUTE, input)).isEqualTo("2025-10-26T07:30:00Z");
    }

    @Test
    void daysAreCountedInTheRequestedAgencysZone() {
        // New York moves its clocks on 9 March, Berlin on 30 March
        Instant received = Instant.parse("2025-03-05T12:00:00Z");
        ClockInput input = ClockInput.receivedAt(received, NORMAL, null);
        Instrument epoc = ShippedCatalogue.instrument("EU_EPOC");
        assertThat(LegalClock.of(epoc, ZoneId.of("America/New_York")).deadline(EXECUTE, input, received)
                .orElseThrow().dueAt()).isEqualTo("2025-03-15T11:00:00Z");
        assertThat(LegalClock.of(epoc, BERLIN).deadline(EXECUTE, input, received).orElseThrow().dueAt())
                .isEqualTo("2025-03-15T12:00:00Z");
    }

    @Test
    void aLapseWarningInDaysIsCountedInLocalDaysToo() {
        // expiry 14:00 CEST on 1 April (60 days after 14:00 CET on 31 January); warned 14:00 CET on 25 March
        ClockInput input = ClockInput.receivedAt(Instant.parse("2025-01-31T13:00:00Z"), NORMAL, null);
        Deadline deadline = deadline("EU_EPOC_PR", PRESERVE_UNTIL, input, input.receivedAt());
        assertThat(deadline.dueAt()).isEqualTo("2025-04-01T12:00:00Z");
        assertThat(deadline.approachingAt()).isEqualTo("2025-03-25T13:00:00Z");
    }

    private Deadline at(ClockInput input, Instant instant) {
        return deadline("EU_EPOC", EXECUTE, input, instant);
    }

    @Test
    void approachingIsCrossedAtSeventyFivePercentExactly() {
        assertThat(at(tenDays, approaching.minusNanos(1)).thresholdsCrossed()).isEmpty();
        assertThat(at(tenDays, approaching).thresholdsCrossed()).containsExactly(APPROACHING);
        assertThat(at(tenDays, JUNE_RECEIPT).approachingAt()).isEqualTo(approaching);
    }

    @Test
    void overdueIsCrossedAtTheDeadlineExactly() {
        assertThat(at(tenDays, due.minusNanos(1)).thresholdsCrossed()).containsExactly(APPROACHING);
        assertThat(at(tenDays, due).thresholdsCrossed()).containsExactlyInAnyOrder(APPROACHING, OVERDUE);
        assertThat(at(tenDays, due).isOverdue()).isTrue();
    }

    @Test
    void timeLeftIsNegativeWhenOverdue() {
        assertThat(at(tenDays, due.plus(Duration.ofHours(3))).timeLeft()).isEqualTo(Duration.ofHours(-3));
        assertThat(at(tenDays, JUNE_RECEIPT).timeLeft()).isEqualTo(Duration.ofDays(10));
    }

    @Test
    void emergencyApproachesAfterSixHours() {
        ClockInput emergency = ClockInput.receivedAt(JUNE_RECEIPT, EMERGENCY, null);
        Instant sixHours = JUNE_RECEIPT.plus(Duration.ofHours(6));
        assertThat(at(emergency, sixHours.minusNanos(1)).thresholdsCrossed()).isEmpty();
        assertThat(at(emergency, sixHours).thresholdsCrossed()).containsExactly(APPROACHING);
        assertThat(at(emergency, JUNE_RECEIPT.plus(Duration.ofHours(8))).thresholdsCrossed())
                .containsExactlyInAnyOrder(APPROACHING, OVERDUE);
    }

    @Test
    void pausedTimeMovesTheThresholds() {
        ClockInput paused = tenDays.withPauses(List.of(new PauseInterval(Instant.parse("2025-06-03T12:00:00Z"),
                Instant.parse("2025-06-04T12:00:00Z"))));
        Instant shifted = approaching.plus(Duration.ofDays(1));
        assertThat(at(paused, shifted.minusNanos(1)).thresholdsCrossed()).isEmpty();
        assertThat(at(paused, shifted).thresholdsCrossed()).containsExactly(APPROACHING);
        assertThat(at(paused, due.plus(Duration.ofDays(1))).thresholdsCrossed()).contains(OVERDUE);
    }

    @Test
    void aMilestoneMetInTimeNeverRaisesAThreshold() {
        ClockInput met = tenDays.withMet(EXECUTE, Instant.parse("2025-06-05T12:00:00Z"));
        assertThat(at(met, due.plus(Duration.ofDays(30))).thresholdsCrossed()).isEmpty();
        assertThat(at(met, due.plus(Duration.ofDays(30))).timeLeft()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aMilestoneMetLateStaysOverdue() {
        ClockInput late = tenDays.withMet(EXECUTE, due.plus(Duration.ofHours(2)));
        Deadline deadline = at(late, due.plus(Duration.ofDays(30)));
        assertThat(deadline.thresholdsCrossed()).containsExactlyInAnyOrder(APPROACHING, OVERDUE);
        assertThat(deadline.timeLeft()).isEqualTo(Duration.ofHours(-2));
    }

    @Test
    void aStoppedRequestFreezesItsClocks() {
        ClockInput withdrawn = tenDays.withStoppedAt(Instant.parse("2025-06-03T12:00:00Z"));
        assertThat(clock("EU_EPOC").thresholdsCrossed(withdrawn, due.plus(Duration.ofDays(1))))
                .containsEntry(EXECUTE, java.util.Set.of());
    }

    @Test
    void directlyAccessibleUrgentInformationApproachesAfterSixHours() {
        ClockInput input = ClockInput.receivedAt(JUNE_RECEIPT, URGENT, DIRECT);
        assertThat(deadline("EU_2023_977", RESPOND, input, JUNE_RECEIPT).approachingAt())
                .isEqualTo(JUNE_RECEIPT.plus(Duration.ofHours(6)));
        ClockInput indirect = ClockInput.receivedAt(JUNE_RECEIPT, URGENT, INDIRECT);
        assertThat(deadline("EU_2023_977", RESPOND, indirect, JUNE_RECEIPT).approachingAt())
                .isEqualTo(JUNE_RECEIPT.plus(Duration.ofHours(54)));
    }
}

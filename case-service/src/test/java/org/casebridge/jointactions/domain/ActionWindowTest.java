package org.casebridge.jointactions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ActionWindowTest {

    @Test
    void aWindowAcrossTheSpringDstChangeShowsTwoOffsetsInBerlin() {
        // 29 March 2026: clocks in the EU go from 02:00 CET to 03:00 CEST (01:00 UTC).
        ActionWindow window = new ActionWindow(Instant.parse("2026-03-29T00:30:00Z"), Instant.parse("2026-03-29T03:30:00Z"));
        ActionWindow.LocalWindow berlin = window.in(ZoneId.of("Europe/Berlin"));
        assertThat(berlin.start().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-29T01:30:00"));
        assertThat(berlin.start().getOffset()).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(berlin.end().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-29T05:30:00"));
        assertThat(berlin.end().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
    }

    @Test
    void theSameInstantIsADifferentDayAcrossTheWorldAndTheUsChangesOnAnotherDate() {
        ActionWindow window = new ActionWindow(Instant.parse("2026-03-10T04:00:00Z"), Instant.parse("2026-03-10T10:00:00Z"));
        // New York is already on EDT (since 8 March), Berlin still on CET, Sydney on AEDT.
        assertThat(window.in(ZoneId.of("America/New_York")).start().toString())
                .isEqualTo("2026-03-10T00:00-04:00[America/New_York]");
        assertThat(window.in(ZoneId.of("Europe/Berlin")).start().toString())
                .isEqualTo("2026-03-10T05:00+01:00[Europe/Berlin]");
        assertThat(window.in(ZoneId.of("Australia/Sydney")).start().toString())
                .isEqualTo("2026-03-10T15:00+11:00[Australia/Sydney]");
        assertThat(window.in(ZoneId.of("America/Los_Angeles")).start().toLocalDate().toString())
                .isEqualTo("2026-03-09");
    }

    @Test
    void theAutumnChangeRepeatsAnHourThatTheOffsetTellsApart() {
        // 25 October 2026: 03:00 CEST goes back to 02:00 CET (01:00 UTC); 02:30 happens twice in Paris.
        ActionWindow window = new ActionWindow(Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-25T01:30:00Z"));
        ActionWindow.LocalWindow paris = window.in(ZoneId.of("Europe/Paris"));
        assertThat(paris.start().toLocalTime()).isEqualTo(paris.end().toLocalTime());
        assertThat(paris.start().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(paris.end().getOffset()).isEqualTo(ZoneOffset.ofHours(1));
    }

    @Test
    void theWindowMustEndAfterItStartsAndNotLastForMonths() {
        Instant start = Instant.parse("2026-12-01T05:00:00Z");
        assertThatThrownBy(() -> new ActionWindow(start, start))
                .isInstanceOfSatisfying(JointActionRuleException.class,
                        e -> assertThat(e.field()).isEqualTo("windowEnd"));
        assertThatThrownBy(() -> new ActionWindow(start, start.minusSeconds(60)))
                .isInstanceOf(JointActionRuleException.class);
        assertThatThrownBy(() -> new ActionWindow(start, start.plusSeconds(91L * 24 * 3600)))
                .isInstanceOf(JointActionRuleException.class);
    }
}

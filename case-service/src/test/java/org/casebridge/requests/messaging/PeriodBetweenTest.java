package org.casebridge.requests.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.casebridge.requests.domain.LegalPeriod;
import org.junit.jupiter.api.Test;

/** A partner's extension arrives as a new expiry; the requested node reads back the period it stands for. */
class PeriodBetweenTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    void wholeLocalDaysAcrossADaylightSavingChangeAreDays() {
        Instant expiry = Instant.parse("2025-10-20T08:00:00Z");
        Instant extended = expiry.atZone(AMSTERDAM).plusDays(30).toInstant();
        LegalPeriod period = RequestMessageHandler.periodBetween(expiry, extended, AMSTERDAM);
        assertThat(period.text()).isEqualTo("P30D");
        assertThat(period.addTo(expiry, AMSTERDAM)).isEqualTo(extended);
    }

    @Test
    void anythingElseIsExactTime() {
        Instant expiry = Instant.parse("2025-06-20T08:00:00Z");
        Instant extended = expiry.plusSeconds(36 * 3600 + 5);
        LegalPeriod period = RequestMessageHandler.periodBetween(expiry, extended, AMSTERDAM);
        assertThat(period.text()).isEqualTo("PT129605S");
        assertThat(period.addTo(expiry, AMSTERDAM)).isEqualTo(extended);
    }
}

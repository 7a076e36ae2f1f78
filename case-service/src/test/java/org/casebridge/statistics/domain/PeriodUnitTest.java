package org.casebridge.statistics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.casebridge.exports.domain.TimeWindow;
import org.junit.jupiter.api.Test;

class PeriodUnitTest {

    @Test
    void labelsNameCalendarPeriods() {
        LocalDate day = LocalDate.of(2026, 3, 5);
        assertThat(PeriodUnit.DAY.label(day)).isEqualTo("2026-03-05");
        assertThat(PeriodUnit.WEEK.label(day)).isEqualTo("2026-W10");
        assertThat(PeriodUnit.MONTH.label(day)).isEqualTo("2026-03");
        assertThat(PeriodUnit.YEAR.label(day)).isEqualTo("2026");
    }

    @Test
    void isoWeeksBelongToTheirWeekBasedYear() {
        assertThat(PeriodUnit.WEEK.startOf(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(PeriodUnit.WEEK.label(LocalDate.of(2025, 12, 29))).isEqualTo("2026-W01");
        assertThat(PeriodUnit.WEEK.label(LocalDate.of(2021, 1, 3))).isEqualTo("2020-W53");
    }

    @Test
    void aWindowIsCutAtLocalMidnightOfItsZone() {
        TimeWindow berlin = new TimeWindow(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1),
                ZoneId.of("Europe/Berlin"));
        assertThat(berlin.start()).hasToString("2026-02-28T23:00:00Z");
        // Summer time starts on 29 March 2026: April begins at 22:00 UTC.
        assertThat(berlin.end()).hasToString("2026-03-31T22:00:00Z");
    }

    @Test
    void seriesStartsCoverEveryOverlappingPeriod() {
        TimeWindow window = new TimeWindow(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 4, 1), ZoneId.of("UTC"));
        assertThat(PeriodUnit.MONTH.startsWithin(window)).containsExactly(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1));
        assertThat(PeriodUnit.MONTH.startsWithin(TimeWindow.unbounded())).isEmpty();
    }
}

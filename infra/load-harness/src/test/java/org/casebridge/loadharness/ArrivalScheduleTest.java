package org.casebridge.loadharness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

    @Test
    void arrivalsAreEvenlySpacedFromTheStart() {
        ArrivalSchedule schedule = new ArrivalSchedule(1_000, 150);

        assertThat(schedule.dueNanos(0)).isEqualTo(1_000);
        assertThat(schedule.dueNanos(1)).isEqualTo(1_000 + 6_666_667);
        assertThat(schedule.dueNanos(150)).isEqualTo(1_000 + 1_000_000_000);
    }

    @Test
    void aLongRunDoesNotDriftFromTheRate() {
        ArrivalSchedule schedule = new ArrivalSchedule(0, 300);

        // An hour at 300/s: adding a rounded 3,333,333 ns interval each time would end 0.36 s early.
        assertThat(schedule.dueNanos(300L * 3600)).isEqualTo(3600L * 1_000_000_000);
    }

    @Test
    void countsTheArrivalsDueWithinATime() {
        ArrivalSchedule schedule = new ArrivalSchedule(0, 150);

        assertThat(schedule.dueWithin(0)).isZero();
        assertThat(schedule.dueWithin(1)).isEqualTo(1);
        assertThat(schedule.dueWithin(1_000_000_000)).isEqualTo(150);
        assertThat(schedule.dueWithin(60L * 1_000_000_000)).isEqualTo(9_000);
    }

    @Test
    void refusesARateThatIsNotPositive() {
        assertThatThrownBy(() -> new ArrivalSchedule(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArrivalSchedule(0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}

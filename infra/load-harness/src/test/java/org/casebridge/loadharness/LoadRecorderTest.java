package org.casebridge.loadharness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class LoadRecorderTest {

    private static final long MS = 1_000_000;
    private final UUID caseId = UUID.fromString("7f1d0c36-1f0e-4a51-9c55-3c1f2f7a0b11");
    /** The window is from 1 s to 2 s. */
    private final LoadRecorder recorder = new LoadRecorder(1_000 * MS, 2_000 * MS);

    @Test
    void measuresFromSendingToTheRevisionAppliedAtThePartner() {
        recorder.sent(new Revision(caseId, 2), 1_100 * MS);
        recorder.accepted(1_100 * MS, 1_110 * MS);

        recorder.applied(caseId, 2, 1_150 * MS);

        assertThat(recorder.endToEnd().getTotalCount()).isEqualTo(1);
        assertThat(recorder.endToEnd().getMaxValue()).isBetween(49_950L, 50_050L);
        assertThat(recorder.leadAnswer().getMaxValue()).isBetween(9_990L, 10_010L);
        assertThat(recorder.acceptedInWindow()).isEqualTo(1);
        assertThat(recorder.appliedDuringWindow()).isEqualTo(1);
        assertThat(recorder.inFlight()).isZero();
    }

    @Test
    void updatesSentDuringTheWarmUpAreNotMeasured() {
        recorder.sent(new Revision(caseId, 2), 900 * MS);
        recorder.accepted(900 * MS, 950 * MS);
        recorder.applied(caseId, 2, 1_050 * MS);

        assertThat(recorder.endToEnd().getTotalCount()).isZero();
        assertThat(recorder.sentInWindow()).isZero();
        assertThat(recorder.acceptedInWindow()).isZero();
        // It was applied inside the window, so it counts towards the partner's throughput there.
        assertThat(recorder.appliedDuringWindow()).isEqualTo(1);
    }

    @Test
    void revisionsTheLoadDidNotSendAreIgnored() {
        recorder.sent(new Revision(caseId, 3), 1_100 * MS);

        recorder.applied(caseId, 1, 1_200 * MS);
        recorder.applied(UUID.randomUUID(), 3, 1_200 * MS);

        assertThat(recorder.endToEnd().getTotalCount()).isZero();
        assertThat(recorder.inFlight()).isEqualTo(1);
        assertThat(recorder.inFlightFromWindow()).isEqualTo(1);
    }

    @Test
    void aRefusedUpdateIsNoLongerExpectedAtThePartner() {
        Revision revision = new Revision(caseId, 2);
        recorder.sent(revision, 1_100 * MS);

        recorder.refused(revision);

        assertThat(recorder.inFlight()).isZero();
        assertThat(recorder.refusedCount()).isEqualTo(1);
    }

    @Test
    void readsTheTriggersNotificationPayload() {
        assertThat(Revision.parse(caseId + " 42")).isEqualTo(new Revision(caseId, 42));
    }
}

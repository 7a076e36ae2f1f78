package org.casebridge.exports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExportJobTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private static ExportJob running(Long total, long written) {
        return new ExportJob(UUID.randomUUID(), "analyst", ExportDataset.CASES, ExportFormat.CSV, Map.of(),
                ExportJobStatus.RUNNING, total, written, 0, null, null, START, START, null, null);
    }

    @Test
    void progressIsAPercentageOfTheCountedTotal() {
        assertThat(running(null, 0).percent()).isNull();
        assertThat(running(1000L, 0).percent()).isEqualTo(0.0);
        assertThat(running(1000L, 333).percent()).isEqualTo(33.3);
        assertThat(running(3L, 2).percent()).isEqualTo(66.6);
        // Rows added after the count cannot push it past 100 before the end.
        assertThat(running(10L, 12).percent()).isEqualTo(100.0);
    }

    @Test
    void timeLeftFollowsTheRateSoFar() {
        ExportJob job = running(1_000_000L, 250_000);
        assertThat(job.estimatedTimeLeft(START.plusSeconds(10))).isEqualTo(Duration.ofSeconds(30));
        assertThat(running(1000L, 0).estimatedTimeLeft(START.plusSeconds(10))).isNull();
    }

    @Test
    void aFileIsDownloadableOnlyWhileTheLinkIsValid() {
        ExportJob done = new ExportJob(UUID.randomUUID(), "analyst", ExportDataset.CASES, ExportFormat.CSV, Map.of(),
                ExportJobStatus.SUCCEEDED, 5L, 5, 100, "ab", null, START, START, START.plusSeconds(1),
                START.plusSeconds(3600));
        assertThat(done.percent()).isEqualTo(100.0);
        assertThat(done.downloadable(START.plusSeconds(3599))).isTrue();
        assertThat(done.downloadable(START.plusSeconds(3600))).isFalse();
        assertThat(running(5L, 5).downloadable(START)).isFalse();
    }
}

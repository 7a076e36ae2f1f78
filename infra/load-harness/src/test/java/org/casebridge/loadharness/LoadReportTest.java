package org.casebridge.loadharness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LoadReportTest {

    @Test
    void sustainedThroughputIsWhatBothNodesKeptUpWith() {
        assertThat(report(310.0, 280.5).sustainedPerSecond()).isEqualTo(280.5);
        assertThat(report(150.0, 151.0).sustainedPerSecond()).isEqualTo(150.0);
    }

    @Test
    void rendersPercentilesInMillisecondsInTheTableRow() {
        Histogram latency = new Histogram(120_000_000L, 3);
        for (int i = 1; i <= 100; i++) {
            latency.recordValue(i * 1_000L);
        }
        LoadReport report = new LoadReport("open loop, 150/s", 60, 9_000, 8_990, 149.8, 149.5, latency, latency, 0,
                10, 0, 120, 3, 80, 40, 55, 250);

        String row = report.markdownRow();

        assertThat(row).startsWith("| open loop, 150/s | 60 s | 149.8/s (8,990) | 149.5/s | 50 ms / 99 ms / 100 ms |");
        assertThat(row).contains("| 120 / 3 (80 ms) |");
        assertThat(report.markdownTable()).startsWith(LoadReport.HEADER);
    }

    @Test
    void shortLatenciesKeepADecimal() {
        assertThat(LoadReport.millis(4_560)).isEqualTo("4.6 ms");
        assertThat(LoadReport.millis(1_234_000)).isEqualTo("1,234 ms");
    }

    @Test
    void readsDurationsAsTypedOnTheCommandLine() {
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.parse("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(DurationConverter.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationConverter.parse("PT90S")).isEqualTo(Duration.ofSeconds(90));
    }

    private static LoadReport report(double accepted, double applied) {
        Histogram empty = new Histogram(1_000, 3);
        return new LoadReport("closed loop", 60, 0, 0, accepted, applied, empty, empty, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}

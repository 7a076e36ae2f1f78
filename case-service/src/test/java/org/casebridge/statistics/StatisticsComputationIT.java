package org.casebridge.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.casebridge.exports.app.FilterParser;
import org.casebridge.exports.domain.RecordFilter;
import org.casebridge.infra.junit.SharedInfrastructure;
import org.casebridge.statistics.app.StatisticsService;
import org.casebridge.statistics.domain.Dimension;
import org.casebridge.statistics.domain.PeriodUnit;
import org.casebridge.statistics.domain.Statistic;
import org.casebridge.statistics.domain.StatisticTable;
import org.casebridge.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every statistic on the seeded dataset (see {@link SeededDataset}) against figures worked out by hand, on real
 * PostgreSQL. These are the figures before suppression; {@link StatisticsApiIT} checks what leaves the node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsComputationIT {

    private TestNode node;
    private StatisticsService statistics;

    @BeforeAll
    void start() throws Exception {
        node = TestNode.start(SeededDataset.SELF, SharedInfrastructure.freshDatabase(SeededDataset.SELF), Map.of());
        SeededDataset.insert(node.dataSource());
        statistics = node.bean(StatisticsService.class);
    }

    @AfterAll
    void stop() {
        node.close();
    }

    private Map<String, Map<String, Object>> rows(Statistic statistic, List<Dimension> by, PeriodUnit unit,
                                                  Map<String, String> parameters) {
        RecordFilter filter = FilterParser.parse(parameters, statistic.filters(), FilterParser.StatusKind.ANY);
        StatisticTable table = statistics.compute(statistic, by, unit, filter);
        Map<String, Map<String, Object>> byKey = new java.util.LinkedHashMap<>();
        int keys = by.size() + statistic.fixedDimensions().size() + (by.contains(Dimension.PERIOD) ? 1 : 0);
        for (Object[] row : table.rows()) {
            Map<String, Object> values = new HashMap<>();
            for (int i = 0; i < row.length; i++) {
                values.put(table.columns().get(i).name(), row[i]);
            }
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < keys; i++) {
                if (!table.columns().get(i).name().equals("period_start")) {
                    key.append(key.isEmpty() ? "" : "|").append(row[i]);
                }
            }
            byKey.put(key.toString(), values);
        }
        return byKey;
    }

    private static Map<String, Long> counts(Map<String, Map<String, Object>> rows, String measure) {
        return rows.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> ((Number) entry.getValue().get(measure)).longValue(), (a, b) -> a, java.util.TreeMap::new));
    }

    private static BigDecimal number(Map<String, Object> row, String measure) {
        Object value = row.get(measure);
        return value == null ? null : new BigDecimal(value.toString());
    }

    @Test
    void casesPerMonthFollowTheRequestedTimeZone() {
        assertThat(counts(rows(Statistic.CASES, List.of(Dimension.PERIOD), PeriodUnit.MONTH, Map.of()), "cases"))
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("2026-01", 1L, "2026-02", 2L, "2026-03", 1L)));
        // Berlin: 31 Jan 23:30 UTC is 1 Feb; 31 Mar 22:30 UTC is 1 April (summer time). The window fills gaps.
        assertThat(counts(rows(Statistic.CASES, List.of(Dimension.PERIOD), PeriodUnit.MONTH,
                Map.of("zone", "Europe/Berlin", "from", "2026-01-01", "to", "2026-05-01")), "cases"))
                .containsExactlyEntriesOf(new java.util.TreeMap<>(
                        Map.of("2026-01", 0L, "2026-02", 3L, "2026-03", 0L, "2026-04", 1L)));
        // New York: 1 Feb 00:30 UTC is still 31 January there.
        assertThat(counts(rows(Statistic.CASES, List.of(Dimension.PERIOD), PeriodUnit.MONTH,
                Map.of("zone", "America/New_York")), "cases"))
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("2026-01", 2L, "2026-02", 1L, "2026-03", 1L)));
        // A Berlin window of February holds the three cases opened on Berlin's February days.
        assertThat(counts(rows(Statistic.CASES, List.of(), PeriodUnit.MONTH,
                Map.of("zone", "Europe/Berlin", "from", "2026-02-01", "to", "2026-03-01")), "cases"))
                .containsValues(3L);
    }

    @Test
    void casesPerWeekAndDayUseIsoWeeksAndLocalDays() {
        assertThat(counts(rows(Statistic.CASES, List.of(Dimension.PERIOD), PeriodUnit.WEEK, Map.of()), "cases"))
                .containsExactlyEntriesOf(new java.util.TreeMap<>(
                        Map.of("2026-W05", 2L, "2026-W07", 1L, "2026-W14", 1L)));
        assertThat(counts(rows(Statistic.CASES, List.of(Dimension.PERIOD), PeriodUnit.DAY,
                Map.of("zone", "Europe/Berlin")), "cases"))
                .containsExactlyEntriesOf(new java.util.TreeMap<>(
                        Map.of("2026-02-01", 2L, "2026-02-15", 1L, "2026-04-01", 1L)));
    }

    @Test
    void casesByCategoryPartnerJurisdictionAndDirection() {
        assertThat(counts(rows(Statistic.CASES, List.of(Dimension.CATEGORY), PeriodUnit.MONTH, Map.of()), "cases"))
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("COMPUTER_FRAUD", 1L, "ILLEGAL_ACCESS", 2L,
                        "RANSOMWARE_EXTORTION", 2L)));
        assertThat(counts(rows(Statistic.CASES, List.of(Dimension.PARTNER), PeriodUnit.MONTH, Map.of()), "cases"))
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("FR-OFAC", 1L, "NL-NHTC", 3L)));
        assertThat(counts(rows(Statistic.CASES, List.of(Dimension.JURISDICTION), PeriodUnit.MONTH, Map.of()), "cases"))
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("FR", 1L, "NL", 3L)));
        assertThat(counts(rows(Statistic.CASES, List.of(Dimension.DIRECTION), PeriodUnit.MONTH, Map.of()), "cases"))
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("INBOUND", 1L, "OUTBOUND", 3L)));
        assertThat(counts(rows(Statistic.CASES, List.of(Dimension.STATUS), PeriodUnit.MONTH,
                Map.of("category", "ILLEGAL_ACCESS")), "cases"))
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("ACTIVE", 1L, "CLOSED", 1L)));
    }

    @Test
    void requestCountsAndRates() {
        Map<String, Object> all = rows(Statistic.REQUESTS, List.of(), PeriodUnit.MONTH, Map.of()).get("");
        assertThat(all).containsEntry("requests", 7L).containsEntry("decided", 5L).containsEntry("refused", 2L)
                .containsEntry("fulfilled", 2L);
        assertThat(number(all, "refusal_rate")).isEqualByComparingTo("0.4000");
        assertThat(number(all, "fulfilment_rate")).isEqualByComparingTo("0.6667");
        assertThat(counts(rows(Statistic.REQUESTS, List.of(Dimension.PARTNER), PeriodUnit.MONTH, Map.of()), "requests"))
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("FR-OFAC", 2L, "NL-NHTC", 5L)));
        assertThat(counts(rows(Statistic.REQUESTS, List.of(Dimension.PERIOD), PeriodUnit.MONTH, Map.of()), "requests"))
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("2026-03", 6L, "2026-04", 1L)));
        assertThat(counts(rows(Statistic.REQUESTS, List.of(Dimension.INSTRUMENT, Dimension.DIRECTION),
                PeriodUnit.MONTH, Map.of()), "requests"))
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("EU_EPOC|INBOUND", 1L, "EU_EPOC|OUTBOUND", 3L,
                        "MLAT|OUTBOUND", 2L, "POLICE_TO_POLICE|INBOUND", 1L)));
        assertThat(counts(rows(Statistic.REQUESTS, List.of(Dimension.TYPE), PeriodUnit.MONTH,
                Map.of("direction", "OUTBOUND")), "requests"))
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("CONTENT_DATA", 2L, "SUBSCRIBER_INFO", 2L,
                        "TRAFFIC_DATA", 1L)));
    }

    @Test
    void turnaroundMediansAndNinetiethPercentilesFromSending() {
        Map<String, Object> all = rows(Statistic.REQUEST_TURNAROUND, List.of(), PeriodUnit.MONTH, Map.of()).get("");
        // Receipt after 1, 2, 3, 4, 5, 1 hours: sorted 1 1 2 3 4 5; median (2+3)/2; p90 at rank 4.5: 4 + 0.5 * (5-4).
        assertThat(all).containsEntry("received", 6L);
        assertThat(number(all, "receipt_median_hours")).isEqualByComparingTo("2.5");
        assertThat(number(all, "receipt_p90_hours")).isEqualByComparingTo("4.5");
        // Decision after 5 10 20 30 40 hours: median 20; p90 at rank 3.6: 30 + 0.6 * 10.
        assertThat(all).containsEntry("decided", 5L);
        assertThat(number(all, "decision_median_hours")).isEqualByComparingTo("20");
        assertThat(number(all, "decision_p90_hours")).isEqualByComparingTo("36");
        // Fulfilment after 48 and 300 hours: median 174; p90 at rank 0.9: 48 + 0.9 * 252.
        assertThat(all).containsEntry("fulfilled", 2L);
        assertThat(number(all, "fulfilment_median_hours")).isEqualByComparingTo("174");
        assertThat(number(all, "fulfilment_p90_hours")).isEqualByComparingTo("274.8");

        Map<String, Map<String, Object>> byPartner = rows(Statistic.REQUEST_TURNAROUND, List.of(Dimension.PARTNER),
                PeriodUnit.MONTH, Map.of());
        // FR-OFAC: receipt after 3 and 4 hours.
        assertThat(number(byPartner.get("FR-OFAC"), "receipt_median_hours")).isEqualByComparingTo("3.5");
        assertThat(number(byPartner.get("FR-OFAC"), "receipt_p90_hours")).isEqualByComparingTo("3.9");
        assertThat(byPartner.get("FR-OFAC").get("fulfilment_median_hours")).isNull();
    }

    @Test
    void onTimeRateAgainstTheResponseDeadline() {
        // R1 fulfilled and R3 refused in time; R2 fulfilled late; R4 open past its deadline; R5 not yet due; R6 and
        // R7 have no deadline.
        Map<String, Object> all = rows(Statistic.REQUEST_DEADLINES, List.of(), PeriodUnit.MONTH, Map.of()).get("");
        assertThat(all).containsEntry("on_time", 2L).containsEntry("late", 2L).containsEntry("pending", 1L);
        assertThat(number(all, "on_time_rate")).isEqualByComparingTo("0.5");
        Map<String, Map<String, Object>> byDirection = rows(Statistic.REQUEST_DEADLINES,
                List.of(Dimension.DIRECTION), PeriodUnit.MONTH, Map.of());
        assertThat(number(byDirection.get("OUTBOUND"), "on_time_rate")).isEqualByComparingTo("0.6667");
        assertThat(number(byDirection.get("INBOUND"), "on_time_rate")).isEqualByComparingTo("0");
        assertThat(byDirection.get("INBOUND")).containsEntry("pending", 1L);
    }

    @Test
    void refusalGrounds() {
        assertThat(counts(rows(Statistic.REFUSAL_GROUNDS, List.of(), PeriodUnit.MONTH, Map.of()), "refusals"))
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("INSUFFICIENT_INFORMATION", 1L,
                        "NO_DUAL_CRIMINALITY", 1L)));
        assertThat(counts(rows(Statistic.REFUSAL_GROUNDS, List.of(Dimension.PARTNER), PeriodUnit.MONTH, Map.of()),
                "refusals")).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                "FR-OFAC|NO_DUAL_CRIMINALITY", 1L, "NL-NHTC|INSUFFICIENT_INFORMATION", 1L)));
    }

    @Test
    void jointActionsOutcomeTotalsAndSeizuresByCurrency() {
        assertThat(counts(rows(Statistic.JOINT_ACTIONS, List.of(Dimension.STATUS), PeriodUnit.MONTH, Map.of()),
                "actions")).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("COMPLETED", 1L, "PLANNING", 1L)));
        assertThat(counts(rows(Statistic.JOINT_ACTIONS, List.of(Dimension.PARTNER), PeriodUnit.MONTH, Map.of()),
                "actions")).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("FR-OFAC", 1L, "NL-NHTC", 2L)));
        Map<String, Object> outcomes = rows(Statistic.JOINT_ACTION_OUTCOMES, List.of(), PeriodUnit.MONTH, Map.of())
                .get("");
        assertThat(outcomes).containsEntry("reports", 2L);
        assertThat(number(outcomes, "arrests")).isEqualByComparingTo("5");
        assertThat(number(outcomes, "searches")).isEqualByComparingTo("6");
        assertThat(number(outcomes, "devices_seized")).isEqualByComparingTo("13");
        assertThat(number(outcomes, "servers_taken_down")).isEqualByComparingTo("3");
        assertThat(number(outcomes, "domains_taken_down")).isEqualByComparingTo("4");
        assertThat(number(outcomes, "victims_identified")).isEqualByComparingTo("7");
        Map<String, Map<String, Object>> seizures = rows(Statistic.ASSET_SEIZURES, List.of(), PeriodUnit.MONTH,
                Map.of());
        assertThat(seizures).containsOnlyKeys("EUR", "USD");
        assertThat(seizures.get("EUR")).containsEntry("seizures", 2L);
        assertThat(number(seizures.get("EUR"), "amount")).isEqualByComparingTo("1200.50");
        assertThat(number(seizures.get("USD"), "amount")).isEqualByComparingTo("2500.00");
    }
}

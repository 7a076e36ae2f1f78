package org.casebridge.statistics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.casebridge.exports.domain.Column;
import org.junit.jupiter.api.Test;

class StatisticTableTest {

    private final StatisticTable table = new StatisticTable("t",
            List.of(Column.text("partner"), Column.number("requests"), Column.number("median_hours")),
            List.of(new Object[]{"NL-NHTC", 7L, 12.5}, new Object[]{"FR-OFAC", 2L, 3.0},
                    new Object[]{"BE-FCCU", 0L, null}, new Object[]{"AT-BK", 5L, 1.0}));

    @Test
    void countsBelowTheThresholdAndWhatIsDerivedFromThemAreHidden() {
        StatisticTable out = table.suppressed(new SmallCountSuppression(5),
                List.of(StatisticTable.MeasureGroup.of("requests", "median_hours")));
        assertThat(out.columns()).extracting(Column::name).endsWith("suppressed");
        assertThat(out.rows().get(0)).containsExactly("NL-NHTC", 7L, 12.5, false);
        assertThat(out.rows().get(1)).containsExactly("FR-OFAC", null, null, true);
        assertThat(out.rows().get(2)).containsExactly("BE-FCCU", 0L, null, false);
        assertThat(out.rows().get(3)).containsExactly("AT-BK", 5L, 1.0, false);
    }

    @Test
    void aThresholdOfOneHidesNothing() {
        StatisticTable out = table.suppressed(new SmallCountSuppression(1),
                List.of(StatisticTable.MeasureGroup.of("requests", "median_hours")));
        assertThat(out.rows()).allSatisfy(row -> assertThat(row[3]).isEqualTo(false));
    }
}

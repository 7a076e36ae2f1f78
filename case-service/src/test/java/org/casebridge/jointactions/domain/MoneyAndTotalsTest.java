package org.casebridge.jointactions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyAndTotalsTest {

    @Test
    void amountsAreHeldInTheMinorUnitOfEachCurrency() {
        assertThat(Money.of(new BigDecimal("1250.50"), "EUR").amountMinor()).isEqualTo(125_050);
        assertThat(Money.of(new BigDecimal("1250"), "JPY").amountMinor()).isEqualTo(1_250);
        assertThat(Money.of(new BigDecimal("1.234"), "KWD").amountMinor()).isEqualTo(1_234);
        assertThat(Money.of(new BigDecimal("10.10"), "USD").amount()).isEqualByComparingTo("10.10");
        assertThat(Money.of(new BigDecimal("3.100"), "EUR").amountMinor()).isEqualTo(310);
    }

    @Test
    void unknownCurrenciesTooManyDecimalsAndNegativeAmountsAreRefused() {
        assertThatThrownBy(() -> Money.of(BigDecimal.ONE, "XYZ"))
                .hasFieldOrPropertyWithValue("field", "currency");
        assertThatThrownBy(() -> Money.of(BigDecimal.ONE, "eur"))
                .hasFieldOrPropertyWithValue("field", "currency");
        assertThatThrownBy(() -> Money.of(BigDecimal.ONE, "XAU"))
                .hasFieldOrPropertyWithValue("field", "currency");
        assertThatThrownBy(() -> Money.of(new BigDecimal("1.5"), "JPY"))
                .hasFieldOrPropertyWithValue("field", "amount");
        assertThatThrownBy(() -> Money.of(new BigDecimal("-1"), "EUR"))
                .hasFieldOrPropertyWithValue("field", "amount");
        assertThatThrownBy(() -> Money.of(new BigDecimal("1e30"), "EUR"))
                .hasFieldOrPropertyWithValue("field", "amount");
    }

    @Test
    void countsMayNotBeNegative() {
        assertThatThrownBy(() -> new Outcome("NL-NHTC", -1, 0, 0, List.of(), 0, 0, 0, null, Instant.EPOCH, null))
                .hasFieldOrPropertyWithValue("field", "arrests");
        assertThatThrownBy(() -> new Outcome("NL-NHTC", 0, 0, 0, List.of(), 0, 0, -3, null, Instant.EPOCH, null))
                .hasFieldOrPropertyWithValue("field", "victimsIdentified");
    }

    @Test
    void totalsAddEveryCounterAndSeizedValuesPerCurrency() {
        Outcome nl = new Outcome("NL-NHTC", 2, 5, 14, List.of(
                new AssetSeizure(AssetKind.CRYPTOCURRENCY, "Hardware wallet", Money.of(new BigDecimal("48000.00"), "EUR")),
                new AssetSeizure(AssetKind.CASH, "Cash at the premises", Money.of(new BigDecimal("12500.50"), "EUR"))),
                3, 12, 40, null, Instant.EPOCH, null);
        Outcome fr = new Outcome("FR-OFAC", 1, 2, 3, List.of(
                new AssetSeizure(AssetKind.BANK_FUNDS, "Frozen account", Money.of(new BigDecimal("9000"), "CHF"))),
                0, 4, 0, null, Instant.EPOCH, null);
        Outcome de = new Outcome("DE-BKA", 0, 1, 0, List.of(), 5, 0, 2, null, Instant.EPOCH, null);
        OutcomeTotals totals = OutcomeTotals.of(List.of(nl, fr, de));
        assertThat(totals.reportedBy()).containsExactly("DE-BKA", "FR-OFAC", "NL-NHTC");
        assertThat(totals.arrests()).isEqualTo(3);
        assertThat(totals.searches()).isEqualTo(8);
        assertThat(totals.devicesSeized()).isEqualTo(17);
        assertThat(totals.assetsSeized()).isEqualTo(3);
        assertThat(totals.serversTakenDown()).isEqualTo(8);
        assertThat(totals.domainsTakenDown()).isEqualTo(16);
        assertThat(totals.victimsIdentified()).isEqualTo(42);
        assertThat(totals.seizedValues()).containsExactly(new Money(900_000, "CHF"), new Money(6_050_050, "EUR"));
        assertThat(OutcomeTotals.of(List.of()).arrests()).isZero();
    }
}

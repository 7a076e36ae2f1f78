package org.casebridge.requests.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped catalogue holds the instruments and numbers of the domain reference; its format is extensible. */
class InstrumentCatalogueTest {

    private final InstrumentCatalogue catalogue = ShippedCatalogue.load();

    @Test
    void shipsEveryInstrumentOfTheDomainReference() {
        assertThat(catalogue.version()).isNotBlank();
        assertThat(catalogue.instruments()).extracting(Instrument::code).containsExactlyInAnyOrder(
                "BUDAPEST_ART29", "BUDAPEST_ART31", "MLAT", "EU_EPOC", "EU_EPOC_PR", "EU_EIO", "EU_2023_977",
                "POLICE_TO_POLICE");
        assertThat(catalogue.instruments()).allSatisfy(instrument -> {
            assertThat(instrument.name()).isNotBlank();
            assertThat(instrument.legalBasis()).isNotBlank();
            assertThat(instrument.approachingAtPercent()).isEqualTo(75);
        });
    }

    @Test
    void kindsMatchWhatEachInstrumentAsks() {
        assertThat(catalogue.require("BUDAPEST_ART29").kind()).isEqualTo(InstrumentKind.PRESERVATION);
        assertThat(catalogue.require("EU_EPOC_PR").kind()).isEqualTo(InstrumentKind.PRESERVATION);
        assertThat(catalogue.require("EU_EPOC").kind()).isEqualTo(InstrumentKind.PRODUCTION);
        assertThat(catalogue.require("EU_EIO").kind()).isEqualTo(InstrumentKind.INVESTIGATIVE_MEASURE);
        assertThat(catalogue.require("EU_2023_977").kind()).isEqualTo(InstrumentKind.INFORMATION);
        assertThat(catalogue.require("POLICE_TO_POLICE").kind()).isEqualTo(InstrumentKind.INFORMATION);
    }

    @Test
    void preservationRulesMatchTheLaw() {
        PreservationRules epocPr = catalogue.require("EU_EPOC_PR").preservation();
        assertThat(epocPr.extendable()).isTrue();
        assertThat(epocPr.maxExtension().calendar()).isEqualTo(Period.ofDays(30));
        assertThat(epocPr.maxExtensions()).isEqualTo(1);
        assertThat(epocPr.warningLead().calendar()).isEqualTo(Period.ofDays(7));
        PreservationRules art29 = catalogue.require("BUDAPEST_ART29").preservation();
        assertThat(art29.extendable()).isTrue();
        assertThat(art29.maxExtensions()).isNull();
        assertThat(catalogue.require("EU_EPOC").preservationRules()).isEmpty();
    }

    @Test
    void onlyTheInstrumentsWithoutALegalLimitUseAgreedDueDates() {
        assertThat(catalogue.instruments()).filteredOn(Instrument::hasAgreedDueDate).extracting(Instrument::code)
                .containsExactlyInAnyOrder("BUDAPEST_ART31", "MLAT", "POLICE_TO_POLICE");
    }

    @Test
    void unknownInstrumentsAreRefusedWithACode() {
        assertThatThrownBy(() -> catalogue.require("NO_SUCH"))
                .isInstanceOf(RequestRuleException.class)
                .extracting(e -> ((RequestRuleException) e).code()).isEqualTo("UNKNOWN_INSTRUMENT");
        assertThat(catalogue.find("NO_SUCH")).isEmpty();
    }

    @Test
    void aFederationCanAddAnInstrumentWithoutCode() {
        Map<String, Object> raw = ShippedCatalogue.raw();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> instruments = new java.util.ArrayList<>((List<Map<String, Object>>) raw.get("instruments"));
        instruments.add(Map.of("code", "NORDIC_FAST", "name", "Nordic fast track", "legalBasis", "agreement",
                "kind", "PRODUCTION", "approachingAtPercent", 50,
                "clocks", List.of(Map.of("milestone", "RESPOND", "duration", "P2D"))));
        InstrumentCatalogue extended = ShippedCatalogue.parse(Map.of("version", "2026.2", "instruments", instruments));
        assertThat(extended.require("NORDIC_FAST").ruleFor(Milestone.RESPOND, Urgency.NORMAL, null))
                .get().extracting(rule -> rule.period().calendar()).isEqualTo(Period.ofDays(2));
    }

    @Test
    void duplicateCodesAreRefused() {
        Instrument one = new Instrument("X", "x", "basis", InstrumentKind.INFORMATION,
                List.of(ClockRule.fixed(Milestone.RESPOND, "P1D")), 75, null);
        assertThatThrownBy(() -> new InstrumentCatalogue("1", List.of(one, one)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X");
    }

    @Test
    void inconsistentInstrumentsAreRefused() {
        assertThatThrownBy(() -> new Instrument("P", "p", "basis", InstrumentKind.PRESERVATION,
                List.of(ClockRule.fixed(Milestone.PRESERVE_UNTIL, "P60D")), 75, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClockRule(Milestone.RESPOND, null, false, ClockAnchor.RECEIPT, Set.of(),
                Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Instrument("Q", "q", "basis", InstrumentKind.INFORMATION,
                List.of(ClockRule.fixed(Milestone.RESPOND, "P1D")), 100, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void periodsReadIsoDurationsSplittingCalendarAndElapsedParts() {
        assertThat(LegalPeriod.parse("P10D").calendar()).isEqualTo(Period.ofDays(10));
        assertThat(LegalPeriod.parse("P10D").exact()).isZero();
        assertThat(LegalPeriod.parse("PT8H").exact()).isEqualTo(Duration.ofHours(8));
        assertThat(LegalPeriod.parse("PT8H").calendar()).isEqualTo(Period.ZERO);
        assertThat(LegalPeriod.parse("P1W").calendar()).isEqualTo(Period.ofDays(7));
        LegalPeriod mixed = LegalPeriod.parse("P1DT12H");
        assertThat(mixed.calendar()).isEqualTo(Period.ofDays(1));
        assertThat(mixed.exact()).isEqualTo(Duration.ofHours(12));
        assertThat(LegalPeriod.parse("P30D").isAtMost(LegalPeriod.parse("P30D"))).isTrue();
        assertThat(LegalPeriod.parse("P31D").isAtMost(LegalPeriod.parse("P30D"))).isFalse();
        for (String bad : List.of("10 days", "P", "P0D", "P-1D", "PT")) {
            assertThatThrownBy(() -> LegalPeriod.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}

package org.casebridge.directory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HandlingMarkingTest {

    @ParameterizedTest(name = "ceiling {0} permits {1}: {2}")
    @CsvSource({
            "RED, RED, true",
            "RED, CLEAR, true",
            "AMBER_STRICT, RED, false",
            "AMBER_STRICT, AMBER_STRICT, true",
            "AMBER_STRICT, AMBER, true",
            "AMBER, AMBER_STRICT, false",
            "GREEN, AMBER, false",
            "GREEN, GREEN, true",
            "CLEAR, GREEN, false",
            "CLEAR, CLEAR, true",
    })
    void ceilingPermitsOnlyMarkingsUpToItself(HandlingMarking ceiling, HandlingMarking marking, boolean permitted) {
        assertThat(ceiling.permits(marking)).isEqualTo(permitted);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "AMBER_STRICT, AMBER_STRICT",
            "TLP:AMBER+STRICT, AMBER_STRICT",
            "amber+strict, AMBER_STRICT",
            "tlp:red, RED",
            "CLEAR, CLEAR",
    })
    void parsesEnumNamesAndTlpLabels(String text, HandlingMarking expected) {
        assertThat(HandlingMarking.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"WHITE", "PURPLE", "TLP:", "''"})
    void refusesUnknownMarkings(String text) {
        assertThat(HandlingMarking.parse(text)).isEmpty();
    }
}

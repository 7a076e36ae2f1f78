package org.casebridge.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ConsoleFormatTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static ConsoleFormat format(Locale locale) {
        return new ConsoleFormat(ZoneId.of("Europe/Berlin"), locale,
                new ResourceBundleMessageSource(ConsoleMessagesFactory.BUNDLE), CLOCK);
    }

    @Test
    void timeLeftIsInWordsAndOverdueSaysSo() {
        ConsoleFormat english = format(Locale.ENGLISH);
        assertThat(english.left(NOW.plus(Duration.ofDays(2).plusHours(3)))).isEqualTo("2 d 3 h left");
        assertThat(english.left(NOW.plus(Duration.ofMinutes(90)))).isEqualTo("1 h 30 min left");
        assertThat(english.left(NOW.minus(Duration.ofHours(5)))).isEqualTo("overdue by 5 h");
        assertThat(english.overdue(NOW.minus(Duration.ofSeconds(1)))).isTrue();
        assertThat(english.overdue(NOW.plus(Duration.ofSeconds(1)))).isFalse();
        assertThat(format(Locale.GERMAN).left(NOW.plus(Duration.ofDays(1)))).isEqualTo("noch 1 T");
    }

    @Test
    void timesAreShownInTheViewersZoneWithUtcForTheHover() {
        ConsoleFormat german = format(Locale.GERMAN);
        assertThat(german.time(NOW)).isEqualTo("26.11.2026, 09:00");
        assertThat(german.utc(NOW)).isEqualTo("2026-11-26 08:00 UTC");
        assertThat(german.iso(NOW)).isEqualTo("2026-11-26T08:00:00Z");
        assertThat(german.timeIn(NOW, ZoneId.of("America/New_York"))).isEqualTo("26.11.2026, 03:00");
    }

    @Test
    void legalPeriodsReadAsWords() {
        ConsoleFormat english = format(Locale.ENGLISH);
        assertThat(english.period("P10D")).isEqualTo("10 d");
        assertThat(english.period("PT8H")).isEqualTo("8 h");
        assertThat(english.period("P1M")).isEqualTo("P1M");
    }
}

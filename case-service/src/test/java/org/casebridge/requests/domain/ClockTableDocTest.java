package org.casebridge.requests.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The clock table in {@code docs/evidence-requests.md} is generated from the shipped catalogue: this test generates it
 * again and fails when the document says something else (then paste the table it prints).
 */
class ClockTableDocTest {

    private static final Path DOC = Path.of("..", "docs", "evidence-requests.md");

    @Test
    void theDocumentedClockTableIsTheCatalogues() throws IOException {
        String table = table(ShippedCatalogue.load());
        System.out.println(table);
        assertThat(Files.readString(DOC)).contains(table);
    }

    static String table(InstrumentCatalogue catalogue) {
        List<String> rows = new ArrayList<>();
        rows.add("| instrument | what | clocks (from receipt unless said) | preservation |");
        rows.add("| --- | --- | --- | --- |");
        for (Instrument instrument : catalogue.instruments()) {
            String clocks = instrument.clockRules().stream().map(ClockTableDocTest::clock)
                    .collect(Collectors.joining("; "));
            PreservationRules p = instrument.preservation();
            String preservation = p == null ? "–" : (p.extendable()
                    ? "extend by up to " + p.maxExtension() + (p.maxExtensions() == null ? ", any number of times"
                    : ", " + p.maxExtensions() + " time(s)") : "not extendable")
                    + "; warning " + p.warningLead() + " before it lapses";
            rows.add("| `" + instrument.code() + "` | " + instrument.name() + " (" + instrument.legalBasis() + ") | "
                    + clocks + "; approaching at " + instrument.approachingAtPercent() + " % | " + preservation + " |");
        }
        return String.join("\n", rows);
    }

    private static String clock(ClockRule rule) {
        String when = "";
        if (!rule.urgencies().isEmpty() || !rule.accessibilities().isEmpty()) {
            List<String> parts = new ArrayList<>();
            if (!rule.urgencies().isEmpty()) {
                parts.add(rule.urgencies().stream().sorted().map(Enum::name).collect(Collectors.joining("/")));
            }
            if (!rule.accessibilities().isEmpty()) {
                parts.add(rule.accessibilities().stream().sorted().map(Enum::name).collect(Collectors.joining("/")));
            }
            when = " if " + String.join(" and ", parts);
        }
        String length = rule.agreedPerRequest() ? "agreed due date" : "`" + rule.period() + "`";
        String from = rule.anchor() == ClockAnchor.DECISION ? " from acceptance" : "";
        return rule.milestone() + " " + length + from + when;
    }
}

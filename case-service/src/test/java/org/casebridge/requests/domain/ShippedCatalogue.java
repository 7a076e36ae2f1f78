package org.casebridge.requests.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads the shipped instrument catalogue into the domain types, so clock tests run on the real data. JSON is YAML,
 * so a YAML reader is enough for a test; the node itself reads the file in its application layer.
 */
final class ShippedCatalogue {

    static final String RESOURCE = "/org/casebridge/requests/instrument-catalogue.json";

    private static InstrumentCatalogue catalogue;

    private ShippedCatalogue() {
    }

    static synchronized InstrumentCatalogue load() {
        if (catalogue == null) {
            catalogue = parse(raw());
        }
        return catalogue;
    }

    static Instrument instrument(String code) {
        return load().require(code);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> raw() {
        try (InputStream in = ShippedCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return (Map<String, Object>) new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static InstrumentCatalogue parse(Map<String, Object> root) {
        List<Instrument> instruments = new ArrayList<>();
        for (Map<String, Object> entry : (List<Map<String, Object>>) root.get("instruments")) {
            List<ClockRule> rules = new ArrayList<>();
            for (Map<String, Object> clock : (List<Map<String, Object>>) entry.get("clocks")) {
                Map<String, Object> when = (Map<String, Object>) clock.getOrDefault("when", Map.of());
                String duration = (String) clock.get("duration");
                rules.add(new ClockRule(
                        Milestone.valueOf((String) clock.get("milestone")),
                        duration == null ? null : LegalPeriod.parse(duration),
                        Boolean.TRUE.equals(clock.get("agreedPerRequest")),
                        ClockAnchor.valueOf((String) clock.getOrDefault("from", "RECEIPT")),
                        enums(Urgency.class, (List<String>) when.get("urgency")),
                        enums(DataAccessibility.class, (List<String>) when.get("accessibility"))));
            }
            Map<String, Object> preservation = (Map<String, Object>) entry.get("preservation");
            PreservationRules preservationRules = preservation == null ? null : new PreservationRules(
                    Boolean.TRUE.equals(preservation.get("extendable")),
                    preservation.get("maxExtension") == null ? null
                            : LegalPeriod.parse((String) preservation.get("maxExtension")),
                    (Integer) preservation.get("maxExtensions"),
                    LegalPeriod.parse((String) preservation.get("warningLead")));
            instruments.add(new Instrument((String) entry.get("code"), (String) entry.get("name"),
                    (String) entry.get("legalBasis"), InstrumentKind.valueOf((String) entry.get("kind")), rules,
                    (Integer) entry.get("approachingAtPercent"), preservationRules));
        }
        return new InstrumentCatalogue((String) root.get("version"), instruments);
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, List<String> names) {
        Set<E> values = EnumSet.noneOf(type);
        if (names != null) {
            names.forEach(name -> values.add(Enum.valueOf(type, name)));
        }
        return values;
    }
}

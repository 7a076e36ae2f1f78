package org.casebridge.requests.app;

import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.casebridge.requests.domain.ClockAnchor;
import org.casebridge.requests.domain.ClockRule;
import org.casebridge.requests.domain.DataAccessibility;
import org.casebridge.requests.domain.Instrument;
import org.casebridge.requests.domain.InstrumentCatalogue;
import org.casebridge.requests.domain.InstrumentKind;
import org.casebridge.requests.domain.LegalPeriod;
import org.casebridge.requests.domain.Milestone;
import org.casebridge.requests.domain.PreservationRules;
import org.casebridge.requests.domain.Urgency;

/** Loads the instrument catalogue shipped with the node: instruments and their clocks are data, not code. */
@Factory
public class InstrumentCatalogueFactory {

    static final String RESOURCE = "org/casebridge/requests/instrument-catalogue.json";

    @Singleton
    InstrumentCatalogue instrumentCatalogue(ObjectMapper json) {
        try (InputStream in = InstrumentCatalogueFactory.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the instrument catalogue " + RESOURCE + " is missing");
            }
            return toCatalogue(json.readValue(in, CatalogueDocument.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the instrument catalogue", e);
        }
    }

    /** Notes per instrument code (what the law says), shown with the catalogue; not needed by the clocks. */
    @Singleton
    InstrumentNotes instrumentNotes(ObjectMapper json) {
        try (InputStream in = InstrumentCatalogueFactory.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            CatalogueDocument document = json.readValue(in, CatalogueDocument.class);
            java.util.Map<String, String> notes = new java.util.LinkedHashMap<>();
            document.instruments().forEach(i -> notes.put(i.code(), i.notes()));
            return new InstrumentNotes(notes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the instrument catalogue", e);
        }
    }

    static InstrumentCatalogue toCatalogue(CatalogueDocument document) {
        List<Instrument> instruments = new ArrayList<>();
        for (InstrumentDocument entry : document.instruments()) {
            List<ClockRule> rules = new ArrayList<>();
            for (ClockDocument clock : entry.clocks()) {
                WhenDocument when = clock.when();
                rules.add(new ClockRule(Milestone.valueOf(clock.milestone()),
                        clock.duration() == null ? null : LegalPeriod.parse(clock.duration()),
                        Boolean.TRUE.equals(clock.agreedPerRequest()),
                        clock.from() == null ? ClockAnchor.RECEIPT : ClockAnchor.valueOf(clock.from()),
                        enums(Urgency.class, when == null ? null : when.urgency()),
                        enums(DataAccessibility.class, when == null ? null : when.accessibility())));
            }
            PreservationDocument p = entry.preservation();
            PreservationRules preservation = p == null ? null : new PreservationRules(p.extendable(),
                    p.maxExtension() == null ? null : LegalPeriod.parse(p.maxExtension()), p.maxExtensions(),
                    LegalPeriod.parse(p.warningLead()));
            instruments.add(new Instrument(entry.code(), entry.name(), entry.legalBasis(),
                    InstrumentKind.valueOf(entry.kind()), rules, entry.approachingAtPercent(), preservation));
        }
        return new InstrumentCatalogue(document.version(), instruments);
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, List<String> names) {
        Set<E> values = EnumSet.noneOf(type);
        if (names != null) {
            names.forEach(name -> values.add(Enum.valueOf(type, name)));
        }
        return values;
    }

    /** Notes on the instruments, by code. */
    public record InstrumentNotes(java.util.Map<String, String> byCode) {
        public String of(String code) {
            return byCode.get(code);
        }
    }

    @Serdeable
    record CatalogueDocument(String version, @Nullable String format, List<InstrumentDocument> instruments) {
    }

    @Serdeable
    record InstrumentDocument(String code, String name, String legalBasis, String kind, int approachingAtPercent,
                              List<ClockDocument> clocks, @Nullable PreservationDocument preservation,
                              @Nullable String notes) {
    }

    @Serdeable
    record ClockDocument(String milestone, @Nullable String duration, @Nullable Boolean agreedPerRequest,
                         @Nullable String from, @Nullable WhenDocument when) {
    }

    @Serdeable
    record WhenDocument(@Nullable List<String> urgency, @Nullable List<String> accessibility) {
    }

    @Serdeable
    record PreservationDocument(boolean extendable, @Nullable String maxExtension, @Nullable Integer maxExtensions,
                                String warningLead) {
    }
}

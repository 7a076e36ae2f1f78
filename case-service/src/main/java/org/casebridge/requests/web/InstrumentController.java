package org.casebridge.requests.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.casebridge.requests.app.InstrumentCatalogueFactory;
import org.casebridge.requests.domain.ClockRule;
import org.casebridge.requests.domain.Instrument;
import org.casebridge.requests.domain.InstrumentCatalogue;
import org.casebridge.requests.domain.PreservationRules;

/** The catalogue of legal instruments and their clocks, for every signed-in user (analysts read it for statistics). */
@Controller("/api/v1/instruments")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class InstrumentController {

    private final InstrumentCatalogue catalogue;
    private final InstrumentCatalogueFactory.InstrumentNotes notes;

    public InstrumentController(InstrumentCatalogue catalogue, InstrumentCatalogueFactory.InstrumentNotes notes) {
        this.catalogue = catalogue;
        this.notes = notes;
    }

    @Get
    public CatalogueView list() {
        return new CatalogueView(catalogue.version(), catalogue.instruments().stream()
                .map(i -> InstrumentView.of(i, notes.of(i.code()))).toList());
    }

    @Serdeable
    record CatalogueView(String version, List<InstrumentView> instruments) {
    }

    @Serdeable
    record ClockView(String milestone, String period, boolean agreedPerRequest, String startsAt, List<String> urgencies,
                     List<String> accessibilities) {
        static ClockView of(ClockRule rule) {
            return new ClockView(rule.milestone().name(), rule.period() == null ? null : rule.period().toString(),
                    rule.agreedPerRequest(), rule.anchor().name(),
                    rule.urgencies().stream().map(Enum::name).sorted().toList(),
                    rule.accessibilities().stream().map(Enum::name).sorted().toList());
        }
    }

    @Serdeable
    record PreservationView(boolean extendable, String maxExtension, Integer maxExtensions, String warningLead) {
        static PreservationView of(PreservationRules rules) {
            return rules == null ? null : new PreservationView(rules.extendable(),
                    rules.maxExtension() == null ? null : rules.maxExtension().toString(), rules.maxExtensions(),
                    rules.warningLead().toString());
        }
    }

    @Serdeable
    record InstrumentView(String code, String name, String legalBasis, String kind, int approachingAtPercent,
                          boolean needsAccessibility, List<ClockView> clocks, PreservationView preservation,
                          String notes) {
        static InstrumentView of(Instrument i, String notes) {
            return new InstrumentView(i.code(), i.name(), i.legalBasis(), i.kind().name(), i.approachingAtPercent(),
                    i.needsAccessibility(), i.clockRules().stream().map(ClockView::of).toList(),
                    PreservationView.of(i.preservation()), notes);
        }
    }
}

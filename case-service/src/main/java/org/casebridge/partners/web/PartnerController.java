package org.casebridge.partners.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.casebridge.directory.HandlingMarking;
import org.casebridge.directory.PartnerAgency;
import org.casebridge.directory.PartnerDirectory;
import org.casebridge.support.problem.ProblemDetail.FieldError;
import org.casebridge.support.problem.ProblemException;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** The partner directory this node works with; any logged-in user may read it. */
@Controller("/api/v1/partners")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class PartnerController {

    private final PartnerDirectory directory;

    public PartnerController(PartnerDirectory directory) {
        this.directory = directory;
    }

    /**
     * All partners in directory order, optionally filtered.
     *
     * @param jurisdiction a country ({@code US}: also matches its subdivisions such as {@code US-CA}) or an exact
     *                     subdivision ({@code US-CA})
     * @param ceiling      only partners with exactly this sharing ceiling ({@code AMBER_STRICT} or
     *                     {@code TLP:AMBER+STRICT})
     */
    @Get
    public List<PartnerView> list(@Nullable @QueryValue String jurisdiction, @Nullable @QueryValue String ceiling) {
        Predicate<PartnerAgency> filter = agency -> true;
        if (jurisdiction != null && !jurisdiction.isBlank()) {
            String wanted = jurisdiction.strip().toUpperCase(Locale.ROOT);
            filter = filter.and(agency -> agency.jurisdiction().equals(wanted)
                    || (!wanted.contains("-") && agency.country().equals(wanted)));
        }
        if (ceiling != null && !ceiling.isBlank()) {
            HandlingMarking marking = HandlingMarking.parse(ceiling).orElseThrow(() -> new ProblemException(
                    HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "ceiling: unknown handling marking '" + ceiling + "'",
                    List.of(new FieldError("ceiling", "must be one of CLEAR, GREEN, AMBER, AMBER_STRICT, RED"))));
            filter = filter.and(agency -> agency.sharingCeiling() == marking);
        }
        return directory.agencies().stream().filter(filter).map(PartnerView::of).toList();
    }

    @Get("/{code}")
    public PartnerView get(@PathVariable String code) {
        return directory.find(code).map(PartnerView::of)
                .orElseThrow(() -> ProblemException.notFound("Partner agency '" + code + "'"));
    }
}

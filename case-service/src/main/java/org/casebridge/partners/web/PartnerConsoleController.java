package org.casebridge.partners.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import java.util.Locale;
import java.util.Map;
import org.casebridge.console.web.ConsoleForms;
import org.casebridge.directory.PartnerDirectory;

/** The partner directory in the console, read-only: it changes only with a new directory version. */
@Controller("/admin/partners")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class PartnerConsoleController {

    private final PartnerDirectory directory;

    public PartnerConsoleController(PartnerDirectory directory) {
        this.directory = directory;
    }

    @Get
    @View("admin/partners")
    public Map<String, Object> list(@Nullable @QueryValue String q) {
        String wanted = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        var partners = directory.agencies().stream()
                .filter(p -> wanted.isEmpty() || p.code().toLowerCase(Locale.ROOT).contains(wanted)
                        || p.name().toLowerCase(Locale.ROOT).contains(wanted)
                        || p.jurisdiction().toLowerCase(Locale.ROOT).startsWith(wanted))
                .toList();
        return ConsoleForms.model("section", "partners", "partners", partners, "q", q == null ? "" : q.strip(),
                "version", directory.version(), "publishedAt", directory.publishedAt(), "count", directory.size());
    }
}

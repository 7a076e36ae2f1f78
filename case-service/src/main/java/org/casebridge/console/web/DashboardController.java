package org.casebridge.console.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import java.util.List;
import java.util.Map;
import org.casebridge.cases.app.CaseService;
import org.casebridge.cases.persistence.CaseQuery;

/** The console's start page: what needs the user's attention now. */
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DashboardController {

    private final CaseService cases;

    public DashboardController(CaseService cases) {
        this.cases = cases;
    }

    @Get
    @View("dashboard")
    public Map<String, Object> dashboard(Authentication user) {
        Map<String, Object> model = ConsoleForms.model("section", "dashboard");
        boolean worksCases = user.getRoles().contains("LIAISON") || user.getRoles().contains("SUPERVISOR");
        model.put("recentCases", worksCases
                ? cases.list(new CaseQuery(null, null, null, null, null, CaseQuery.CaseSort.UPDATED_DESC, 0, 8)).cases()
                : List.of());
        return model;
    }

    /** Where the console sends a user whose roles do not allow a page. */
    @Get("/forbidden")
    @View("error")
    @Status(HttpStatus.FORBIDDEN)
    public Map<String, Object> forbidden() {
        return ConsoleForms.model("status", 403, "forbidden", true);
    }
}

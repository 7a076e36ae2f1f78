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
import java.util.Set;
import org.casebridge.cases.app.CaseService;
import org.casebridge.cases.persistence.CaseQuery;
import org.casebridge.requests.domain.RequestDirection;
import org.casebridge.jointactions.web.JointActionConsoleController;
import org.casebridge.requests.web.RequestConsoleController;

/** The console's start page: what needs the user's attention now. */
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DashboardController {

    /** Inbound requests that still need this agency's work. */
    private static final Set<String> OPEN_INBOUND = Set.of("RECEIVED", "ACCEPTED", "INFORMATION_NEEDED",
            "IN_PROGRESS", "PARTIALLY_FULFILLED");
    /** Outbound requests waiting for a supervisor or for the partner's answer. */
    private static final Set<String> AWAITING = Set.of("DRAFT", "AWAITING_APPROVAL", "SENT", "RECEIVED",
            "INFORMATION_NEEDED", "ACCEPTED", "IN_PROGRESS", "PARTIALLY_FULFILLED");

    private final CaseService cases;
    private final RequestConsoleController requests;
    private final JointActionConsoleController jointActions;

    public DashboardController(CaseService cases, RequestConsoleController requests,
                               JointActionConsoleController jointActions) {
        this.cases = cases;
        this.requests = requests;
        this.jointActions = jointActions;
    }

    @Get
    @View("dashboard")
    public Map<String, Object> dashboard(Authentication user) {
        Map<String, Object> model = ConsoleForms.model("section", "dashboard");
        boolean worksCases = user.getRoles().contains("LIAISON") || user.getRoles().contains("SUPERVISOR");
        model.put("recentCases", worksCases
                ? cases.list(new CaseQuery(null, null, null, null, null, CaseQuery.CaseSort.UPDATED_DESC, 0, 8)).cases()
                : List.of());
        if (worksCases) {
            model.put("inbound", requests.summaries(RequestDirection.INBOUND, null, 200).stream()
                    .filter(r -> OPEN_INBOUND.contains(r.status())).limit(10).toList());
            model.put("outbound", requests.summaries(RequestDirection.OUTBOUND, null, 200).stream()
                    .filter(r -> AWAITING.contains(r.status())).limit(10).toList());
            model.put("joint", jointActions.upcoming(200, true).stream().limit(8).toList());
        }
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

package org.casebridge.jointactions.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebridge.directory.HandlingMarking;
import org.casebridge.directory.PartnerDirectory;
import org.casebridge.jointactions.app.JointActionService;
import org.casebridge.jointactions.app.NewJointAction;
import org.casebridge.jointactions.app.OutcomeReport;
import org.casebridge.jointactions.domain.ActionWindow;
import org.casebridge.jointactions.domain.JointAction;
import org.casebridge.jointactions.domain.JointActionRuleException;
import org.casebridge.jointactions.domain.JointActionStatus;
import org.casebridge.jointactions.domain.ParticipationAnswer;
import org.casebridge.jointactions.domain.PlanChange;
import org.casebridge.jointactions.persistence.JointActionQuery;
import org.casebridge.jointactions.persistence.JointActionStore;
import org.casebridge.support.agency.AgencyConfiguration;
import org.casebridge.support.problem.ProblemDetail;
import org.casebridge.support.problem.ProblemException;

/**
 * The joint action API, for liaison officers and supervisors. Every answer shows the window in UTC and on this
 * agency's clocks, and each participant's local window; the plan revision is the {@code ETag}.
 */
@Controller("/api/v1/joint-actions")
@Secured({"LIAISON", "SUPERVISOR"})
public class JointActionController {

    private static final int MAX_PAGE_SIZE = 200;

    private final JointActionService service;
    private final AgencyConfiguration agency;
    private final ZoneId ownZone;

    public JointActionController(JointActionService service, AgencyConfiguration agency, PartnerDirectory directory) {
        this.service = service;
        this.agency = agency;
        this.ownZone = directory.require(agency.getCode()).timeZone();
    }

    @Post
    public HttpResponse<JointActionViews.JointActionView> propose(@Body @Valid JointActionRequests.ProposeAction body,
                                                                  Authentication user) {
        HandlingMarking marking = HandlingMarking.parse(body.handlingMarking()).orElseThrow(() ->
                ProblemException.invalidField("handlingMarking", JointActionRequests.MARKING_MESSAGE));
        JointAction proposed = service.propose(new NewJointAction(body.title(), body.objective(),
                body.linkedCases() == null ? List.of() : body.linkedCases(),
                Boolean.TRUE.equals(body.shareLinkedCases()),
                body.participants().stream().map(p -> new NewJointAction.Invitee(p.agency(), p.role(),
                        p.tasks() == null ? List.of() : p.tasks(), p.targets() == null ? List.of() : p.targets()))
                        .toList(),
                body.windowStart(), body.windowEnd(), marking), user.getName());
        return HttpResponse.created(view(proposed), URI.create("/api/v1/joint-actions/" + proposed.id()))
                .header(HttpHeaders.ETAG, etag(proposed.planRevision()));
    }

    @Get
    public JointActionViews.JointActionPageView list(@Nullable @QueryValue JointActionStatus status,
                                                     @Nullable @QueryValue @Size(max = 40) String from,
                                                     @Nullable @QueryValue @Size(max = 40) String to,
                                                     @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                                     @QueryValue(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        Instant fromInstant = moment(from, "from", false);
        Instant toInstant = moment(to, "to", true);
        if (fromInstant != null && toInstant != null && !toInstant.isAfter(fromInstant)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "to: must be after from",
                    List.of(new ProblemDetail.FieldError("to", "must be after from")));
        }
        JointActionStore.ActionPage result = service.list(new JointActionQuery(status, fromInstant, toInstant, page,
                size));
        return new JointActionViews.JointActionPageView(result.actions().stream()
                .map(a -> JointActionViews.JointActionSummaryView.of(a, agency.getCode(), ownZone)).toList(),
                page, size, result.total());
    }

    @Get("/{id}")
    public HttpResponse<JointActionViews.JointActionView> read(@PathVariable UUID id) {
        var details = service.read(id);
        return HttpResponse.ok(JointActionViews.JointActionView.of(details, agency.getCode(), ownZone))
                .header(HttpHeaders.ETAG, etag(details.action().planRevision()));
    }

    @Patch(value = "/{id}", consumes = {MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public HttpResponse<JointActionViews.JointActionView> updatePlan(@PathVariable UUID id,
                                                                     @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                                                                     @Body @Valid JointActionRequests.UpdatePlan body,
                                                                     Authentication user) {
        if ((body.windowStart() == null) != (body.windowEnd() == null)) {
            throw ProblemException.invalidField(body.windowStart() == null ? "windowStart" : "windowEnd",
                    "a new window needs both windowStart and windowEnd");
        }
        ActionWindow window = null;
        if (body.windowStart() != null) {
            try {
                window = new ActionWindow(body.windowStart(), body.windowEnd());
            } catch (JointActionRuleException e) {
                throw ProblemException.invalidField(e.field(), e.getMessage());
            }
        }
        Map<String, PlanChange.Assignment> assignments = new HashMap<>();
        if (body.assignments() != null) {
            for (int i = 0; i < body.assignments().size(); i++) {
                JointActionRequests.Assignment assignment = body.assignments().get(i);
                if (assignments.put(assignment.agency(), new PlanChange.Assignment(assignment.tasks(),
                        assignment.targets())) != null) {
                    throw ProblemException.invalidField("assignments[" + i + "].agency",
                            assignment.agency() + " is listed twice");
                }
            }
        }
        PlanChange change = new PlanChange(body.title() == null ? null : body.title().strip(), body.objective(),
                window, assignments);
        if (change.isEmpty()) {
            throw ProblemException.unprocessable("NOTHING_TO_CHANGE", "the request changes nothing in the plan");
        }
        JointAction updated = service.updatePlan(id, ifMatch == null || ifMatch.isBlank() ? null : parseEtag(ifMatch),
                change, user.getName());
        return HttpResponse.ok(view(updated)).header(HttpHeaders.ETAG, etag(updated.planRevision()));
    }

    @Post("/{id}/participation")
    public JointActionViews.JointActionView answer(@PathVariable UUID id,
                                                   @Body @Valid JointActionRequests.Participation body,
                                                   Authentication user) {
        ParticipationAnswer answer = body.answer().startsWith("ACCEPT") ? ParticipationAnswer.ACCEPTED
                : ParticipationAnswer.DECLINED;
        return view(service.answer(id, answer, body.reason(), user.getName()));
    }

    @Post("/{id}/readiness")
    public JointActionViews.JointActionView readiness(@PathVariable UUID id,
                                                      @Body @Valid JointActionRequests.ReadinessDeclaration body,
                                                      Authentication user) {
        return view(service.declareReadiness(id, body.ready(), body.note(), body.planRevision(), user.getName()));
    }

    @Post("/{id}/decision")
    public JointActionViews.JointActionView decide(@PathVariable UUID id,
                                                   @Body @Valid JointActionRequests.Decision body,
                                                   Authentication user) {
        return view(service.decide(id, body.decision(), body.reason(), user.getName()));
    }

    @Post("/{id}/status")
    public JointActionViews.JointActionView changeStatus(@PathVariable UUID id,
                                                         @Body @Valid JointActionRequests.StatusChange body,
                                                         Authentication user) {
        if (!JointActionStatus.settable().contains(body.status())) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "VALIDATION_FAILED", "status: "
                    + body.status() + " follows from other steps; set IN_PROGRESS, COMPLETED or CANCELLED",
                    List.of(new ProblemDetail.FieldError("status", "must be IN_PROGRESS, COMPLETED or CANCELLED")));
        }
        return view(service.changeStatus(id, body.status(), body.reason(), user.getName()));
    }

    @Post("/{id}/outcomes")
    public HttpResponse<JointActionViews.JointActionView> reportOutcome(@PathVariable UUID id,
                                                                        @Body @Valid JointActionRequests.OutcomeReport body,
                                                                        Authentication user) {
        OutcomeReport report = new OutcomeReport(count(body.arrests()), count(body.searches()),
                count(body.devicesSeized()),
                body.assetsSeized() == null ? List.of() : body.assetsSeized().stream().map(a ->
                        new OutcomeReport.SeizedAsset(a.kind(), a.description(), a.amount(), a.currency())).toList(),
                count(body.serversTakenDown()), count(body.domainsTakenDown()), count(body.victimsIdentified()),
                body.note());
        return HttpResponse.created(view(service.reportOutcome(id, report, user.getName())));
    }

    private JointActionViews.JointActionView view(JointAction action) {
        return JointActionViews.JointActionView.of(action, service.caseLinks(action), service.caseShares(action),
                List.of(), agency.getCode(), ownZone);
    }

    private static int count(Integer value) {
        return value == null ? 0 : value;
    }

    /** An instant, or a date meaning the start of that day in UTC (for {@code to}, the end of it). */
    private static Instant moment(String text, String field, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate date = LocalDate.parse(text);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", field
                        + ": must be a date (2026-12-01) or a UTC instant (2026-12-01T05:00:00Z)",
                        List.of(new ProblemDetail.FieldError(field, "must be a date or a UTC instant")));
            }
        }
    }

    static String etag(long revision) {
        return "\"" + revision + "\"";
    }

    private static long parseEtag(String ifMatch) {
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        try {
            return Long.parseLong(value.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "STALE_VERSION",
                    "If-Match " + ifMatch + " is not an ETag of this joint action");
        }
    }
}

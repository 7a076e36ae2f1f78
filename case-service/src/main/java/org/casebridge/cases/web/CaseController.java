package org.casebridge.cases.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.casebridge.audit.app.AuditLogReader;
import org.casebridge.audit.persistence.AuditLogFilter;
import org.casebridge.cases.app.CaseService;
import org.casebridge.cases.app.NewCase;
import org.casebridge.cases.domain.CaseChanges;
import org.casebridge.cases.domain.CaseFile;
import org.casebridge.cases.domain.CasePriority;
import org.casebridge.cases.domain.CaseStatus;
import org.casebridge.cases.domain.ContributionKind;
import org.casebridge.cases.persistence.CaseQuery;
import org.casebridge.cases.persistence.CaseStore;
import org.casebridge.directory.HandlingMarking;
import org.casebridge.support.agency.AgencyConfiguration;
import org.casebridge.support.problem.ProblemException;

/**
 * The case API. Case content is for liaison officers and supervisors; analysts work with statistics and
 * administrators with users, so neither reads cases here.
 */
@Controller("/api/v1/cases")
@Secured({"LIAISON", "SUPERVISOR"})
public class CaseController {

    private static final int MAX_PAGE_SIZE = 200;

    private final CaseService service;
    private final AuditLogReader auditLog;
    private final AgencyConfiguration agency;

    public CaseController(CaseService service, AuditLogReader auditLog, AgencyConfiguration agency) {
        this.service = service;
        this.auditLog = auditLog;
        this.agency = agency;
    }

    @Post
    public HttpResponse<CaseViews.CaseView> create(@Body @Valid CaseRequests.CreateCase body,
                                                   Authentication user) {
        CaseFile opened = service.open(new NewCase(body.title(), body.summary(), Set.copyOf(body.crimeCategories()),
                body.priority() == null ? CasePriority.NORMAL : body.priority(), marking(body.handlingMarking()),
                body.namedRecipients() == null ? Set.of() : new LinkedHashSet<>(body.namedRecipients())),
                user.getName());
        return HttpResponse.created(CaseViews.CaseView.of(opened, List.of(), List.of(), agency.getCode()),
                        URI.create("/api/v1/cases/" + opened.id()))
                .header(HttpHeaders.ETAG, etag(opened.version()));
    }

    @Get
    public CaseViews.CasePageView list(@Nullable @QueryValue CaseStatus status,
                                       @Nullable @QueryValue @Size(max = 64) String category,
                                       @Nullable @QueryValue @Pattern(regexp = CaseRequests.AGENCY_CODE,
                                               message = "must be an agency code such as DE-BKA") String partner,
                                       @Nullable @QueryValue @Pattern(regexp = CaseRequests.MARKING,
                                               message = "must be a TLP 2.0 marking") String marking,
                                       @Nullable @QueryValue @Size(max = 200) String q,
                                       @Nullable @QueryValue CaseQuery.CaseSort sort,
                                       @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                       @QueryValue(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        CaseQuery.CaseSort order = sort != null ? sort
                : (q != null && !q.isBlank() ? CaseQuery.CaseSort.RELEVANCE : CaseQuery.CaseSort.UPDATED_DESC);
        CaseQuery query = new CaseQuery(status, category, partner, marking == null ? null : marking(marking), q,
                order, page, size);
        CaseStore.CasePage result = service.list(query);
        return new CaseViews.CasePageView(result.cases().stream()
                .map(c -> CaseViews.CaseSummaryView.of(c, agency.getCode())).toList(), page, size, result.total());
    }

    @Get("/{id}")
    public HttpResponse<CaseViews.CaseView> read(@PathVariable UUID id) {
        var details = service.read(id);
        return HttpResponse.ok(CaseViews.CaseView.of(details, agency.getCode()))
                .header(HttpHeaders.ETAG, etag(details.caseFile().version()));
    }

    @Patch(value = "/{id}", consumes = {MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public HttpResponse<CaseViews.CaseView> update(@PathVariable UUID id,
                                                   @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                                                   @Body @Valid CaseRequests.UpdateCase body) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(HttpStatus.PRECONDITION_REQUIRED, "IF_MATCH_REQUIRED",
                    "send the case's ETag in If-Match, so a change based on an old revision is refused");
        }
        CaseChanges changes = new CaseChanges(body.title() == null ? null : body.title().strip(), body.summary(),
                body.crimeCategories() == null ? null : Set.copyOf(body.crimeCategories()), body.status(),
                body.priority(), body.handlingMarking() == null ? null : marking(body.handlingMarking()),
                body.namedRecipients() == null ? null : Set.copyOf(body.namedRecipients()));
        if (changes.isEmpty()) {
            throw ProblemException.unprocessable("NOTHING_TO_CHANGE", "the request changes no field");
        }
        CaseFile updated = service.update(id, parseEtag(ifMatch), changes);
        var view = CaseViews.CaseView.of(updated, List.of(), List.of(), agency.getCode());
        return HttpResponse.ok(view).header(HttpHeaders.ETAG, etag(updated.version()));
    }

    @Post("/{id}/shares")
    public HttpResponse<CaseViews.ShareView> share(@PathVariable UUID id, @Body @Valid CaseRequests.ShareCase body,
                                                   Authentication user) {
        var share = service.share(id, body.agency(), user.getName());
        return HttpResponse.created(CaseViews.ShareView.of(share),
                URI.create("/api/v1/cases/" + id + "/shares/" + share.agency()));
    }

    @Delete("/{id}/shares/{partner}")
    public HttpResponse<Void> revoke(@PathVariable UUID id,
                                     @PathVariable @Pattern(regexp = CaseRequests.AGENCY_CODE,
                                             message = "must be an agency code such as DE-BKA") String partner) {
        service.revoke(id, partner);
        return HttpResponse.noContent();
    }

    @Post("/{id}/contributions")
    public HttpResponse<CaseViews.ContributionView> contribute(@PathVariable UUID id,
                                                               @Body @Valid CaseRequests.AddContribution body,
                                                               Authentication user) {
        var contribution = service.contribute(id, body.kind() == null ? ContributionKind.NOTE : body.kind(),
                body.text(), user.getName());
        return HttpResponse.created(CaseViews.ContributionView.of(contribution));
    }

    @Get("/{id}/deliveries")
    public List<CaseViews.DeliveryView> deliveries(@PathVariable UUID id) {
        return service.deliveries(id).stream().map(CaseViews.DeliveryView::of).toList();
    }

    @Get("/{id}/timeline")
    public List<CaseViews.TimelineEntryView> timeline(@PathVariable UUID id) {
        service.read(id);
        return auditLog.list(new AuditLogFilter(null, null, "CASE", id.toString(), null, null), 0,
                        AuditLogReader.MAX_PAGE_SIZE).entries().stream()
                .filter(entry -> !entry.action().equals("CASE_READ") && !entry.action().equals("CASE_LISTED"))
                .map(entry -> new CaseViews.TimelineEntryView(entry.occurredAt(), entry.username(), entry.agency(),
                        entry.action(), entry.outcome(), entry.detail()))
                .toList();
    }

    private static HandlingMarking marking(String text) {
        return HandlingMarking.parse(text).orElseThrow(() -> ProblemException.invalidField("handlingMarking",
                "must be a TLP 2.0 marking: CLEAR, GREEN, AMBER, AMBER+STRICT or RED"));
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    private static long parseEtag(String ifMatch) {
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value.toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "STALE_VERSION",
                    "If-Match " + ifMatch + " is not an ETag of this case");
        }
    }
}

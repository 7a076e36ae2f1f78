package org.casebridge.requests.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.casebridge.requests.app.DecisionInput;
import org.casebridge.requests.app.EvidenceRequestService;
import org.casebridge.requests.app.NewRequest;
import org.casebridge.requests.app.RequestClocks;
import org.casebridge.requests.domain.CustodyEntry;
import org.casebridge.requests.domain.EvidenceItem;
import org.casebridge.requests.domain.FieldViolation;
import org.casebridge.requests.domain.FlatItem;
import org.casebridge.requests.domain.IdentifierType;
import org.casebridge.requests.domain.LegalPeriod;
import org.casebridge.requests.domain.RequestDirection;
import org.casebridge.requests.domain.RequestItem;
import org.casebridge.requests.domain.RequestStatus;
import org.casebridge.requests.domain.TimeRange;
import org.casebridge.requests.domain.Urgency;
import org.casebridge.requests.messaging.RequestMessages;
import org.casebridge.requests.persistence.RequestQuery;
import org.casebridge.requests.persistence.RequestStore;
import org.casebridge.support.problem.ProblemDetail;
import org.casebridge.support.problem.ProblemException;

/**
 * The evidence request API. Liaison officers draft, submit and work requests; supervisors approve them (never their
 * own) and read them. Which side may take a step is the lifecycle's business: a step the request's status or this
 * agency's side does not allow is answered 409 {@code ILLEGAL_TRANSITION}.
 */
@Controller("/api/v1/evidence-requests")
@Secured({"LIAISON", "SUPERVISOR"})
public class EvidenceRequestController {

    private static final int MAX_PAGE_SIZE = 200;

    private final EvidenceRequestService service;
    private final RequestClocks clocks;

    public EvidenceRequestController(EvidenceRequestService service, RequestClocks clocks) {
        this.service = service;
        this.clocks = clocks;
    }

    @Post
    @Secured("LIAISON")
    public HttpResponse<RequestViews.RequestView> create(@Body @Valid RequestBodies.CreateRequest body,
                                                         Authentication user) {
        List<FieldViolation> violations = new ArrayList<>();
        List<RequestItem> items = new ArrayList<>();
        for (int i = 0; i < body.items().size(); i++) {
            items.add(item(body.items().get(i), "items[" + i + "]", violations));
        }
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        var created = service.draft(new NewRequest(body.caseId(), body.requestedAgency(), body.instrument(),
                body.type(), body.urgency(), body.accessibility(), body.legalBasis(), body.justification(), items,
                body.dueDate()), user.getName());
        return HttpResponse.created(RequestViews.RequestView.of(service.afterChange(created.id())),
                URI.create("/api/v1/evidence-requests/" + created.id()));
    }

    @Post("/{id}/submit")
    @Secured("LIAISON")
    public RequestViews.RequestView submit(@PathVariable UUID id, Authentication user) {
        service.submit(id, user.getName());
        return RequestViews.RequestView.of(service.afterChange(id));
    }

    @Post("/{id}/approve")
    @Secured("SUPERVISOR")
    public RequestViews.RequestView approve(@PathVariable UUID id, Authentication user) {
        service.approve(id, user.getName());
        return RequestViews.RequestView.of(service.afterChange(id));
    }

    @Get
    public RequestViews.RequestPageView list(@Nullable @QueryValue RequestDirection direction,
                                             @Nullable @QueryValue RequestStatus status,
                                             @Nullable @QueryValue Urgency urgency,
                                             @Nullable @QueryValue @Size(max = 48) String instrument,
                                             @Nullable @QueryValue @Pattern(regexp = RequestBodies.AGENCY_CODE,
                                                     message = "must be an agency code such as DE-BKA") String partner,
                                             @Nullable @QueryValue Instant dueBefore,
                                             @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                             @QueryValue(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        RequestStore.RequestPage result = service.list(new RequestQuery(direction, status, urgency, instrument,
                partner, dueBefore, page, size));
        Instant now = clocks.now();
        return new RequestViews.RequestPageView(result.requests().stream()
                .map(t -> RequestViews.RequestSummaryView.of(t, t.request().deadlines(clocks.of(t.request()), now)))
                .toList(), page, size, result.total());
    }

    @Get("/{id}")
    public RequestViews.RequestView read(@PathVariable UUID id) {
        return RequestViews.RequestView.of(service.read(id));
    }

    @Post("/{id}/decision")
    public RequestViews.RequestView decide(@PathVariable UUID id, @Body @Valid RequestBodies.DecisionBody body,
                                           Authentication user) {
        service.decide(id, new DecisionInput(body.decision(), body.ground(), body.explanation(), body.question()),
                user.getName());
        return RequestViews.RequestView.of(service.afterChange(id));
    }

    @Post("/{id}/information")
    public RequestViews.RequestView information(@PathVariable UUID id,
                                                @Body @Valid RequestBodies.InformationBody body, Authentication user) {
        service.provideInformation(id, body.information(), user.getName());
        return RequestViews.RequestView.of(service.afterChange(id));
    }

    @Post("/{id}/progress")
    public RequestViews.RequestView progress(@PathVariable UUID id, @Body @Valid RequestBodies.ProgressBody body,
                                             Authentication user) {
        service.noteProgress(id, body.note(), user.getName());
        return RequestViews.RequestView.of(service.afterChange(id));
    }

    @Post("/{id}/fulfilment")
    public RequestViews.RequestView fulfil(@PathVariable UUID id, @Body @Valid RequestBodies.FulfilmentBody body,
                                           Authentication user) {
        List<RequestMessages.ProducedItem> items = body.items().stream().map(e -> new RequestMessages.ProducedItem(
                e.requestItemId(), new EvidenceItem(e.description(), e.mediaType(),
                        e.sizeBytes() == null ? 0 : e.sizeBytes(), e.sha256(), e.acquiredAt(), e.acquisitionMethod(),
                        e.custody() == null ? List.of() : e.custody().stream().map(c -> new CustodyEntry(
                                c.handledBy(), c.at(), c.action(), c.note())).toList()))).toList();
        service.fulfil(id, body.complete() == null || body.complete(), items, body.deliveryChannel(),
                body.deliveryReference(), body.note(), user.getName());
        return RequestViews.RequestView.of(service.afterChange(id));
    }

    @Post("/{id}/withdraw")
    public RequestViews.RequestView withdraw(@PathVariable UUID id, @Body @Valid RequestBodies.WithdrawBody body,
                                             Authentication user) {
        service.withdraw(id, body.reason(), user.getName());
        return RequestViews.RequestView.of(service.afterChange(id));
    }

    @Post("/{id}/close")
    public RequestViews.RequestView close(@PathVariable UUID id, @Nullable @Body @Valid RequestBodies.CloseBody body,
                                          Authentication user) {
        service.close(id, body == null ? null : body.note(), user.getName());
        return RequestViews.RequestView.of(service.afterChange(id));
    }

    /**
     * The requesting officer checks a file received out of band (e.g. over SIENA) against its manifest item: INTACT
     * when size and SHA-256 match, else MISMATCH naming the fields. Recorded as a custody entry of this agency.
     */
    @Post("/{id}/manifests/{manifestId}/check")
    public RequestViews.FileCheckView checkFile(@PathVariable UUID id, @PathVariable UUID manifestId,
                                                @Body @Valid RequestBodies.FileCheckBody body, Authentication user) {
        return RequestViews.FileCheckView.of(service.checkFile(id, manifestId, body.evidenceId(), body.sizeBytes(),
                body.sha256(), user.getName()));
    }

    @Post("/{id}/extension")
    public RequestViews.RequestView extend(@PathVariable UUID id, @Body @Valid RequestBodies.ExtensionBody body,
                                           Authentication user) {
        LegalPeriod extension;
        try {
            extension = LegalPeriod.parse(body.extension());
        } catch (IllegalArgumentException e) {
            throw invalid(List.of(new FieldViolation("extension", "must be a positive ISO-8601 period such as P30D")));
        }
        service.extendPreservation(id, extension, body.note(), user.getName());
        return RequestViews.RequestView.of(service.afterChange(id));
    }

    /** An item from its body; an unknown type or hash algorithm is named as a field violation. */
    private static RequestItem item(RequestBodies.ItemBody body, String path, List<FieldViolation> violations) {
        IdentifierType type;
        try {
            type = body.type() == null ? null : IdentifierType.valueOf(body.type().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type == null) {
            violations.add(new FieldViolation(path + ".type", "must be one of " + List.of(IdentifierType.values())));
            return null;
        }
        if (type == IdentifierType.FILE_HASH && body.algorithm() != null && FlatItem.algorithm(body.algorithm()) == null) {
            violations.add(new FieldViolation(path + ".algorithm", "must be MD5, SHA_1, SHA_256 or SHA_512"));
        }
        TimeRange range = body.timeRange() == null ? null : new TimeRange(body.timeRange().from(), body.timeRange().to());
        return switch (type) {
            case IP_ADDRESS -> new RequestItem.IpAddress(body.address(), body.port(), body.timestamp(), range);
            case DOMAIN -> new RequestItem.Domain(body.domain(), range);
            case URL -> new RequestItem.Url(body.url(), range);
            case EMAIL_ADDRESS -> new RequestItem.EmailAddress(body.address(), range);
            case PHONE_NUMBER -> new RequestItem.PhoneNumber(body.number(), range);
            case ACCOUNT_HANDLE -> new RequestItem.Account(body.service(), body.handle(), range);
            case CRYPTO_ADDRESS -> new RequestItem.CryptoAddress(body.chain(), body.address(), range);
            case FILE_HASH -> new RequestItem.FileHash(FlatItem.algorithm(body.algorithm()), body.hash(), range);
        };
    }

    private static ProblemException invalid(List<FieldViolation> violations) {
        return new ProblemException(io.micronaut.http.HttpStatus.UNPROCESSABLE_ENTITY, "INVALID_FIELDS",
                "the request has invalid fields: " + String.join(", ",
                        violations.stream().map(FieldViolation::field).toList()),
                violations.stream().map(v -> new ProblemDetail.FieldError(v.field(), v.message())).toList());
    }
}

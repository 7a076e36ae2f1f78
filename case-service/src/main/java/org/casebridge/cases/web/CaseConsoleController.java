package org.casebridge.cases.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.casebridge.audit.app.AuditLogReader;
import org.casebridge.audit.domain.AuditEntry;
import org.casebridge.audit.persistence.AuditLogFilter;
import org.casebridge.cases.app.CaseDetails;
import org.casebridge.cases.app.CaseService;
import org.casebridge.cases.app.NewCase;
import org.casebridge.cases.domain.CaseChanges;
import org.casebridge.cases.domain.CaseFile;
import org.casebridge.cases.domain.CasePriority;
import org.casebridge.cases.domain.CaseStatus;
import org.casebridge.cases.domain.ContributionKind;
import org.casebridge.cases.domain.CrimeTaxonomy;
import org.casebridge.cases.persistence.CaseQuery;
import org.casebridge.cases.persistence.CaseStore;
import org.casebridge.console.web.ConsoleForms;
import org.casebridge.directory.HandlingMarking;
import org.casebridge.directory.PartnerAgency;
import org.casebridge.directory.PartnerDirectory;
import org.casebridge.exchange.domain.Delivery;
import org.casebridge.requests.app.EvidenceRequestService;
import org.casebridge.requests.domain.RequestDirection;
import org.casebridge.requests.persistence.RequestQuery;
import org.casebridge.support.agency.AgencyConfiguration;
import org.casebridge.support.problem.ProblemDetail;
import org.casebridge.support.problem.ProblemException;

/**
 * The console's case pages: list with filters and search, the case page, create and edit, share and revoke,
 * contributions. Calls the same {@link CaseService} as the API, so rules, audit and messages are the same.
 */
@Controller("/cases")
@Produces(MediaType.TEXT_HTML)
@Secured({"LIAISON", "SUPERVISOR"})
@ExecuteOn(TaskExecutors.BLOCKING)
public class CaseConsoleController {

    private static final int PAGE_SIZE = 25;

    private final CaseService service;
    private final CrimeTaxonomy taxonomy;
    private final PartnerDirectory directory;
    private final AgencyConfiguration agency;
    private final AuditLogReader auditLog;
    private final EvidenceRequestService requests;

    public CaseConsoleController(CaseService service, CrimeTaxonomy taxonomy, PartnerDirectory directory,
                                 AgencyConfiguration agency, AuditLogReader auditLog,
                                 EvidenceRequestService requests) {
        this.requests = requests;
        this.service = service;
        this.taxonomy = taxonomy;
        this.directory = directory;
        this.agency = agency;
        this.auditLog = auditLog;
    }

    @Get
    public MutableHttpResponse<?> list(@Nullable @QueryValue String q, @Nullable @QueryValue String status,
                                       @Nullable @QueryValue String marking, @Nullable @QueryValue String category,
                                       @Nullable @QueryValue String partner, @Nullable @QueryValue String sort,
                                       @QueryValue(defaultValue = "0") int page) {
        Map<String, Object> model = ConsoleForms.model("section", "cases");
        Map<String, String> errors = new LinkedHashMap<>();
        CaseStatus statusFilter = parse(status, CaseStatus::valueOf, "status", errors);
        HandlingMarking markingFilter = blank(marking) ? null
                : HandlingMarking.parse(marking).orElseGet(() -> {
                    errors.put("marking", "must be a TLP 2.0 marking");
                    return null;
                });
        CaseQuery.CaseSort order = parse(sort, CaseQuery.CaseSort::valueOf, "sort", errors);
        String text = blank(q) ? null : q.strip();
        if (text != null && text.length() > 200) {
            errors.put("q", "must be at most 200 characters");
            text = null;
        }
        String categoryFilter = blank(category) ? null : category;
        if (categoryFilter != null && !taxonomy.contains(categoryFilter)) {
            errors.put("category", "unknown crime category " + categoryFilter);
            categoryFilter = null;
        }
        String partnerFilter = blank(partner) ? null : partner.strip().toUpperCase(Locale.ROOT);
        if (partnerFilter != null && directory.find(partnerFilter).isEmpty()) {
            errors.put("partner", "no agency " + partnerFilter + " in the partner directory");
            partnerFilter = null;
        }
        if (order == null) {
            order = text != null ? CaseQuery.CaseSort.RELEVANCE : CaseQuery.CaseSort.UPDATED_DESC;
        }
        int pageNumber = Math.max(0, Math.min(page, 100_000));
        CaseStore.CasePage result = service.list(new CaseQuery(statusFilter, categoryFilter, partnerFilter,
                markingFilter, text, order, pageNumber, PAGE_SIZE));
        model.put("cases", result.cases());
        model.put("total", result.total());
        model.put("page", pageNumber);
        model.put("hasPrevious", pageNumber > 0);
        model.put("hasNext", (long) (pageNumber + 1) * PAGE_SIZE < result.total());
        model.put("filter", ConsoleForms.model("q", text == null ? "" : text,
                "status", statusFilter == null ? "" : statusFilter.name(),
                "marking", markingFilter == null ? "" : markingFilter.name(),
                "category", categoryFilter == null ? "" : categoryFilter,
                "partner", partnerFilter == null ? "" : partnerFilter,
                "sort", order.name()));
        model.put("errors", errors);
        addChoices(model);
        return HttpResponse.ok(new ModelAndView<>("cases/list", model));
    }

    @Get("/new")
    public MutableHttpResponse<?> newCase() {
        Map<String, Object> model = formModel(CaseForm.empty(), null);
        return HttpResponse.ok(new ModelAndView<>("cases/form", model));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> create(@Body CaseForm form, Authentication user) {
        try {
            requireFilled(form);
            CaseFile opened = service.open(new NewCase(form.title().strip(), form.summary() == null ? "" : form.summary(),
                    new LinkedHashSet<>(form.categories()), priority(form.priority()), marking(form.handlingMarking()),
                    codes(form.namedRecipients())), user.getName());
            return ConsoleForms.seeOther("/cases/" + opened.id());
        } catch (ProblemException e) {
            return ConsoleForms.refused("cases/form", formModel(form, null), e);
        }
    }

    @Get("/{id}")
    public MutableHttpResponse<?> show(@PathVariable UUID id) {
        try {
            return HttpResponse.ok(new ModelAndView<>("cases/detail", detailModel(id)));
        } catch (ProblemException e) {
            return ConsoleForms.errorPage(e);
        }
    }

    /** The shares with their delivery status, refreshed in place by the case page. */
    @Get("/{id}/shares")
    public MutableHttpResponse<?> shares(@PathVariable UUID id) {
        try {
            Map<String, Object> model = detailModel(id);
            return HttpResponse.ok(new ModelAndView<>("cases/shares", model));
        } catch (ProblemException e) {
            return ConsoleForms.errorPage(e);
        }
    }

    @Get("/{id}/edit")
    public MutableHttpResponse<?> edit(@PathVariable UUID id) {
        try {
            CaseFile caseFile = service.read(id).caseFile();
            return HttpResponse.ok(new ModelAndView<>("cases/form", formModel(CaseForm.of(caseFile), caseFile)));
        } catch (ProblemException e) {
            return ConsoleForms.errorPage(e);
        }
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> update(@PathVariable UUID id, @Body CaseForm form) {
        CaseFile current;
        try {
            current = service.read(id).caseFile();
        } catch (ProblemException e) {
            return ConsoleForms.errorPage(e);
        }
        try {
            requireFilled(form);
            CaseStatus status = blank(form.status()) ? null : parseEnum(form.status(), CaseStatus::valueOf, "status");
            CaseChanges changes = new CaseChanges(form.title().strip(), form.summary() == null ? "" : form.summary(),
                    new LinkedHashSet<>(form.categories()), status, priority(form.priority()),
                    marking(form.handlingMarking()), codes(form.namedRecipients()));
            long version = form.version() == null ? current.version() : form.version();
            service.update(id, version, changes);
            return ConsoleForms.seeOther("/cases/" + id);
        } catch (ProblemException e) {
            return ConsoleForms.refused("cases/form", formModel(form, current), e);
        }
    }

    @Post(value = "/{id}/shares", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> share(@PathVariable UUID id, @Body ShareForm form, Authentication user) {
        try {
            if (blank(form.agency())) {
                throw ProblemException.invalidField("agency", "choose a partner agency");
            }
            service.share(id, form.agency().strip().toUpperCase(Locale.ROOT), user.getName());
            return ConsoleForms.seeOther("/cases/" + id + "#shares");
        } catch (ProblemException e) {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("shareAgency", form.agency() == null ? "" : form.agency());
            directory.find(form.agency() == null ? "" : form.agency().strip().toUpperCase(Locale.ROOT))
                    .ifPresent(partner -> extra.put("refusedPartner", partner));
            return refusedOnCasePage(id, e, extra, "agency");
        }
    }

    @Post(value = "/{id}/shares/{partner}/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> revoke(@PathVariable UUID id, @PathVariable String partner) {
        try {
            service.revoke(id, partner);
            return ConsoleForms.seeOther("/cases/" + id + "#shares");
        } catch (ProblemException e) {
            return refusedOnCasePage(id, e, Map.of(), null);
        }
    }

    @Post(value = "/{id}/contributions", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> contribute(@PathVariable UUID id, @Body ContributionForm form, Authentication user) {
        try {
            if (blank(form.text())) {
                throw ProblemException.invalidField("text", "write the note or finding");
            }
            ContributionKind kind = blank(form.kind()) ? ContributionKind.NOTE
                    : parseEnum(form.kind(), ContributionKind::valueOf, "kind");
            service.contribute(id, kind, form.text().strip(), user.getName());
            return ConsoleForms.seeOther("/cases/" + id + "#contributions");
        } catch (ProblemException e) {
            return refusedOnCasePage(id, e, Map.of("contributionText", form.text() == null ? "" : form.text()), "text");
        }
    }

    private MutableHttpResponse<?> refusedOnCasePage(UUID id, ProblemException problem, Map<String, Object> extra,
                                                     @Nullable String concernedField) {
        Map<String, Object> model;
        try {
            model = detailModel(id);
        } catch (ProblemException e) {
            return ConsoleForms.errorPage(e);
        }
        model.putAll(extra);
        return ConsoleForms.refused("cases/detail", model, problem, concernedField);
    }

    private Map<String, Object> detailModel(UUID id) {
        CaseDetails details = service.read(id);
        CaseFile caseFile = details.caseFile();
        boolean lead = caseFile.isLedBy(agency.getCode());
        Map<String, Object> model = ConsoleForms.model("section", "cases", "caseFile", caseFile, "lead", lead,
                "copy", !lead);
        model.put("categories", caseFile.sortedCategories().stream()
                .map(code -> taxonomy.find(code).map(c -> c.label()).orElse(code)).toList());
        model.put("contributions", details.contributions().stream()
                .sorted(Comparator.comparing(c -> c.createdAt())).toList());
        List<Delivery> deliveries = lead ? service.deliveries(id) : List.of();
        Map<String, Delivery> latest = deliveries.stream().collect(Collectors.toMap(Delivery::recipient,
                Function.identity(), (a, b) -> a.sequenceNumber() >= b.sequenceNumber() ? a : b));
        List<Map<String, Object>> shares = new ArrayList<>();
        for (var share : details.shares()) {
            Map<String, Object> row = ConsoleForms.model("share", share,
                    "agencyName", directory.find(share.agency()).map(PartnerAgency::name).orElse(share.agency()),
                    "delivery", latest.get(share.agency()));
            shares.add(row);
        }
        model.put("shares", shares);
        model.put("deliveries", deliveries.stream()
                .sorted(Comparator.comparing(Delivery::createdAt).reversed()).limit(50).toList());
        Set<String> shared = details.shares().stream().filter(s -> s.status().name().equals("ACTIVE"))
                .map(s -> s.agency()).collect(Collectors.toSet());
        model.put("sharePartners", directory.agencies().stream()
                .filter(p -> !p.code().equals(agency.getCode()) && !shared.contains(p.code())).toList());
        model.put("timeline", timeline(id));
        model.put("linkedRequests", java.util.stream.Stream.of(RequestDirection.OUTBOUND, RequestDirection.INBOUND)
                .flatMap(direction -> requests.list(new RequestQuery(direction, null, null, null, null, null, 0, 200))
                        .requests().stream())
                .filter(t -> t.request().caseId().equals(id)).toList());
        model.put("contributionKinds", ContributionKind.values());
        model.put("errors", Map.of());
        return model;
    }

    private List<AuditEntry> timeline(UUID id) {
        return auditLog.list(new AuditLogFilter(null, null, "CASE", id.toString(), null, null), 0,
                        AuditLogReader.MAX_PAGE_SIZE).entries().stream()
                .filter(entry -> !entry.action().equals("CASE_READ") && !entry.action().equals("CASE_LISTED"))
                .toList();
    }

    private Map<String, Object> formModel(CaseForm form, @Nullable CaseFile existing) {
        Map<String, Object> model = ConsoleForms.model("section", "cases", "form", form,
                "existing", existing, "errors", Map.of());
        addChoices(model);
        return model;
    }

    private void addChoices(Map<String, Object> model) {
        model.put("taxonomy", taxonomy.categories());
        model.put("statuses", CaseStatus.values());
        model.put("priorities", CasePriority.values());
        model.put("markings", HandlingMarking.values());
        model.put("sorts", CaseQuery.CaseSort.values());
        model.put("partners", directory.agencies());
    }

    private static void requireFilled(CaseForm form) {
        List<ProblemDetail.FieldError> missing = new ArrayList<>();
        if (blank(form.title())) {
            missing.add(new ProblemDetail.FieldError("title", "give the case a title"));
        }
        if (form.categories().isEmpty()) {
            missing.add(new ProblemDetail.FieldError("crimeCategories", "choose at least one crime category"));
        }
        if (blank(form.handlingMarking())) {
            missing.add(new ProblemDetail.FieldError("handlingMarking", "choose a handling marking"));
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(io.micronaut.http.HttpStatus.UNPROCESSABLE_ENTITY, "VALIDATION_FAILED",
                    "some fields need your attention", missing);
        }
    }

    private static CasePriority priority(@Nullable String text) {
        return blank(text) ? CasePriority.NORMAL : parseEnum(text, CasePriority::valueOf, "priority");
    }

    private static HandlingMarking marking(String text) {
        return HandlingMarking.parse(text).orElseThrow(() -> ProblemException.invalidField("handlingMarking",
                "must be a TLP 2.0 marking: CLEAR, GREEN, AMBER, AMBER+STRICT or RED"));
    }

    private static Set<String> codes(@Nullable String text) {
        if (blank(text)) {
            return Set.of();
        }
        return Arrays.stream(text.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static <E> E parseEnum(String text, Function<String, E> parser, String field) {
        try {
            return parser.apply(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "unknown value " + text);
        }
    }

    private static <E> @Nullable E parse(@Nullable String text, Function<String, E> parser, String field,
                                         Map<String, String> errors) {
        if (blank(text)) {
            return null;
        }
        try {
            return parser.apply(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put(field, "unknown value " + text);
            return null;
        }
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    /** The case form; {@code categories} are the checked crime categories, {@code version} the edited revision. */
    @Serdeable
    public record CaseForm(@Nullable String title, @Nullable String summary, @Nullable List<String> crimeCategories,
                           @Nullable String priority, @Nullable String handlingMarking,
                           @Nullable String namedRecipients, @Nullable String status, @Nullable Long version) {

        public List<String> categories() {
            return crimeCategories == null ? List.of() : crimeCategories.stream().filter(c -> !c.isBlank()).toList();
        }

        static CaseForm empty() {
            return new CaseForm("", "", List.of(), CasePriority.NORMAL.name(), HandlingMarking.AMBER.name(), "", null,
                    null);
        }

        static CaseForm of(CaseFile caseFile) {
            return new CaseForm(caseFile.title(), caseFile.summary(), caseFile.sortedCategories(),
                    caseFile.priority().name(), caseFile.marking().name(),
                    String.join(", ", caseFile.namedRecipients().stream().sorted().toList()),
                    caseFile.status().name(), caseFile.version());
        }
    }

    @Serdeable
    public record ShareForm(@Nullable String agency) {
    }

    @Serdeable
    public record ContributionForm(@Nullable String kind, @Nullable String text) {
    }
}

package org.casebridge.requests.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.casebridge.cases.app.CaseService;
import org.casebridge.cases.domain.CaseFile;
import org.casebridge.console.web.ConsoleForms;
import org.casebridge.console.web.ConsoleModel;
import org.casebridge.directory.PartnerAgency;
import org.casebridge.directory.PartnerDirectory;
import org.casebridge.requests.app.DecisionInput;
import org.casebridge.requests.app.EvidenceRequestService;
import org.casebridge.requests.app.NewRequest;
import org.casebridge.requests.app.RequestClocks;
import org.casebridge.requests.domain.ClockRule;
import org.casebridge.requests.domain.CustodyAction;
import org.casebridge.requests.domain.CustodyEntry;
import org.casebridge.requests.domain.DataAccessibility;
import org.casebridge.requests.domain.EvidenceItem;
import org.casebridge.requests.domain.FlatItem;
import org.casebridge.requests.domain.IdentifierType;
import org.casebridge.requests.domain.Instrument;
import org.casebridge.requests.domain.LegalPeriod;
import org.casebridge.requests.domain.RefusalGround;
import org.casebridge.requests.domain.RequestDirection;
import org.casebridge.requests.domain.RequestItem;
import org.casebridge.requests.domain.RequestStatus;
import org.casebridge.requests.domain.RequestType;
import org.casebridge.requests.domain.TimeRange;
import org.casebridge.requests.domain.TrackedRequest;
import org.casebridge.requests.domain.Urgency;
import org.casebridge.requests.messaging.RequestMessages;
import org.casebridge.requests.persistence.RequestQuery;
import org.casebridge.support.agency.AgencyConfiguration;
import org.casebridge.support.problem.ProblemDetail;
import org.casebridge.support.problem.ProblemException;

/**
 * The console's evidence request pages: inbound and outbound lists sorted by time left, a request drafted on a case
 * (choosing the instrument shows the deadline it brings), and every step of the lifecycle: submit, approve, answer,
 * fulfil with a manifest, withdraw, extend, close. Calls the same {@link EvidenceRequestService} as the API.
 */
@Controller("/requests")
@Produces(MediaType.TEXT_HTML)
@Secured({"LIAISON", "SUPERVISOR"})
@ExecuteOn(TaskExecutors.BLOCKING)
public class RequestConsoleController {

    private final EvidenceRequestService service;
    private final RequestClocks clocks;
    private final CaseService cases;
    private final PartnerDirectory directory;
    private final AgencyConfiguration agency;
    private final ConsoleModel console;

    public RequestConsoleController(EvidenceRequestService service, RequestClocks clocks, CaseService cases,
                                    PartnerDirectory directory, AgencyConfiguration agency, ConsoleModel console) {
        this.service = service;
        this.clocks = clocks;
        this.cases = cases;
        this.directory = directory;
        this.agency = agency;
        this.console = console;
    }

    @Get
    public MutableHttpResponse<?> list(@Nullable @QueryValue String direction, @Nullable @QueryValue String status) {
        RequestDirection wanted = "OUTBOUND".equalsIgnoreCase(direction) ? RequestDirection.OUTBOUND
                : RequestDirection.INBOUND;
        RequestStatus statusFilter = null;
        if (status != null && !status.isBlank()) {
            try {
                statusFilter = RequestStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                statusFilter = null;
            }
        }
        Map<String, Object> model = ConsoleForms.model("section", "requests", "direction", wanted.name(),
                "status", statusFilter == null ? "" : statusFilter.name(), "statuses", RequestStatus.values());
        model.put("requests", summaries(wanted, statusFilter, 200));
        return HttpResponse.ok(new ModelAndView<>("requests/list", model));
    }

    /** Requests of one direction, the most pressing deadline first (those without a running clock last). */
    public List<RequestViews.RequestSummaryView> summaries(RequestDirection direction, @Nullable RequestStatus status,
                                                           int limit) {
        Instant now = clocks.now();
        return service.list(new RequestQuery(direction, status, null, null, null, null, 0, limit)).requests().stream()
                .map(t -> RequestViews.RequestSummaryView.of(t, t.request().deadlines(clocks.of(t.request()), now)))
                .sorted(Comparator.comparing((RequestViews.RequestSummaryView v) -> v.nextDeadline() == null
                        ? Instant.MAX : v.nextDeadline().dueAt()))
                .toList();
    }

    @Get("/new")
    public MutableHttpResponse<?> newRequest(@QueryValue UUID caseId, HttpRequest<?> request) {
        try {
            CaseFile caseFile = cases.read(caseId).caseFile();
            RequestForm form = new RequestForm(caseId, "", "EU_EPOC", RequestType.SUBSCRIBER_INFO.name(),
                    Urgency.NORMAL.name(), "", "", "", IdentifierType.IP_ADDRESS.name(), "", "", "", "", "", "",
                    "");
            return HttpResponse.ok(new ModelAndView<>("requests/form", formModel(form, caseFile, request)));
        } catch (ProblemException e) {
            return ConsoleForms.errorPage(e);
        }
    }

    /** What the chosen instrument means for the deadline, shown in the form as the officer chooses. */
    @Get("/deadline-preview")
    public MutableHttpResponse<?> deadlinePreview(@Nullable @QueryValue String instrument,
                                                  @Nullable @QueryValue String urgency,
                                                  @Nullable @QueryValue String accessibility,
                                                  @Nullable @QueryValue String requestedAgency) {
        Map<String, Object> model = ConsoleForms.model();
        model.put("preview", preview(instrument, urgency, accessibility, requestedAgency));
        return HttpResponse.ok(new ModelAndView<>("requests/preview", model));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("LIAISON")
    public MutableHttpResponse<?> create(@Body RequestForm form, Authentication user, HttpRequest<?> request) {
        CaseFile caseFile;
        try {
            caseFile = cases.read(form.caseId()).caseFile();
        } catch (ProblemException e) {
            return ConsoleForms.errorPage(e);
        }
        try {
            ZoneId zone = console.zone(request);
            List<ProblemDetail.FieldError> errors = new ArrayList<>();
            RequestType type = enumOf(form.type(), RequestType::valueOf, "type", errors);
            Urgency urgency = enumOf(form.urgency(), Urgency::valueOf, "urgency", errors);
            DataAccessibility accessibility = blank(form.accessibility()) ? null
                    : enumOf(form.accessibility(), DataAccessibility::valueOf, "accessibility", errors);
            RequestItem item = item(form, zone, errors);
            Instant due = localTime(form.dueDate(), zone, "dueDate", errors);
            if (!errors.isEmpty()) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "INVALID_FIELDS",
                        "some fields need your attention", errors);
            }
            TrackedRequest drafted = service.draft(new NewRequest(form.caseId(),
                    form.requestedAgency() == null ? null : form.requestedAgency().strip().toUpperCase(Locale.ROOT),
                    form.instrument(), type, urgency, accessibility, blank(form.legalBasis()) ? null : form.legalBasis(),
                    form.justification(), item == null ? List.of() : List.of(item), due), user.getName());
            return ConsoleForms.seeOther("/requests/" + drafted.id());
        } catch (ProblemException e) {
            return ConsoleForms.refused("requests/form", formModel(form, caseFile, request), e);
        }
    }

    @Get("/{id}")
    public MutableHttpResponse<?> show(@PathVariable UUID id) {
        try {
            return HttpResponse.ok(new ModelAndView<>("requests/detail", detailModel(id)));
        } catch (ProblemException e) {
            return ConsoleForms.errorPage(e);
        }
    }

    @Post(value = "/{id}/submit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("LIAISON")
    public MutableHttpResponse<?> submit(@PathVariable UUID id, Authentication user) {
        return step(id, null, () -> service.submit(id, user.getName()));
    }

    @Post(value = "/{id}/approve", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("SUPERVISOR")
    public MutableHttpResponse<?> approve(@PathVariable UUID id, Authentication user) {
        return step(id, null, () -> service.approve(id, user.getName()));
    }

    @Post(value = "/{id}/decision", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> decide(@PathVariable UUID id, @Body DecisionForm form, Authentication user) {
        return step(id, "decision", () -> {
            List<ProblemDetail.FieldError> errors = new ArrayList<>();
            DecisionInput.Kind kind = enumOf(form.decision(), DecisionInput.Kind::valueOf, "decision", errors);
            RefusalGround ground = blank(form.ground()) ? null
                    : enumOf(form.ground(), RefusalGround::valueOf, "ground", errors);
            if (kind == DecisionInput.Kind.REFUSE && ground == null) {
                errors.add(new ProblemDetail.FieldError("ground", "a refusal names its ground"));
            }
            if (kind == DecisionInput.Kind.REQUEST_INFORMATION && blank(form.question())) {
                errors.add(new ProblemDetail.FieldError("question", "say what information is needed"));
            }
            if (!errors.isEmpty()) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "INVALID_FIELDS",
                        "some fields need your attention", errors);
            }
            service.decide(id, new DecisionInput(kind, ground, blankToNull(form.explanation()),
                    blankToNull(form.question())), user.getName());
        });
    }

    @Post(value = "/{id}/information", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> information(@PathVariable UUID id, @Body TextForm form, Authentication user) {
        return step(id, "text", () -> service.provideInformation(id, required(form.text(), "text"), user.getName()));
    }

    @Post(value = "/{id}/progress", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> progress(@PathVariable UUID id, @Body TextForm form, Authentication user) {
        return step(id, "progressText", () -> service.noteProgress(id, required(form.text(), "progressText"),
                user.getName()));
    }

    @Post(value = "/{id}/fulfilment", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> fulfil(@PathVariable UUID id, @Body FulfilmentForm form, Authentication user,
                                         HttpRequest<?> request) {
        return step(id, null, () -> {
            ZoneId zone = console.zone(request);
            List<ProblemDetail.FieldError> errors = new ArrayList<>();
            Instant acquired = localTime(form.acquiredAt(), zone, "acquiredAt", errors);
            Long size = null;
            try {
                size = blank(form.sizeBytes()) ? null : Long.parseLong(form.sizeBytes().strip());
            } catch (NumberFormatException e) {
                errors.add(new ProblemDetail.FieldError("sizeBytes", "must be a whole number of bytes"));
            }
            CustodyAction action = blank(form.custodyAction()) ? CustodyAction.COLLECTED
                    : enumOf(form.custodyAction(), CustodyAction::valueOf, "custodyAction", errors);
            if (!errors.isEmpty()) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "INVALID_FIELDS",
                        "some fields need your attention", errors);
            }
            String handler = user.getName() + "@" + agency.getCode();
            EvidenceItem evidence = new EvidenceItem(form.description(), form.mediaType(), size == null ? 0 : size,
                    form.sha256() == null ? null : form.sha256().strip().toLowerCase(Locale.ROOT), acquired,
                    form.acquisitionMethod(), acquired == null ? List.of()
                    : List.of(new CustodyEntry(handler, acquired, action, blankToNull(form.custodyNote()))));
            UUID itemId = blank(form.requestItemId()) ? null : UUID.fromString(form.requestItemId());
            service.fulfil(id, "true".equals(form.complete()),
                    List.of(new RequestMessages.ProducedItem(itemId, evidence)), blankToNull(form.deliveryChannel()),
                    blankToNull(form.deliveryReference()), blankToNull(form.note()), user.getName());
        });
    }

    @Post(value = "/{id}/withdraw", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> withdraw(@PathVariable UUID id, @Body TextForm form, Authentication user) {
        return step(id, "reason", () -> service.withdraw(id, required(form.text(), "reason"), user.getName()));
    }

    @Post(value = "/{id}/close", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> close(@PathVariable UUID id, @Body TextForm form, Authentication user) {
        return step(id, null, () -> service.close(id, blankToNull(form.text()), user.getName()));
    }

    @Post(value = "/{id}/extension", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> extend(@PathVariable UUID id, @Body ExtensionForm form, Authentication user) {
        return step(id, "extension", () -> {
            LegalPeriod period;
            try {
                period = LegalPeriod.parse("P" + Integer.parseInt(form.days().strip()) + "D");
            } catch (RuntimeException e) {
                throw ProblemException.invalidField("extension", "give the extension in whole days, e.g. 30");
            }
            service.extendPreservation(id, period, blankToNull(form.note()), user.getName());
        });
    }

    private MutableHttpResponse<?> step(UUID id, @Nullable String concernedField, Runnable action) {
        try {
            action.run();
            return ConsoleForms.seeOther("/requests/" + id);
        } catch (ProblemException e) {
            try {
                return ConsoleForms.refused("requests/detail", detailModel(id), e, concernedField);
            } catch (ProblemException notFound) {
                return ConsoleForms.errorPage(notFound);
            }
        }
    }

    private Map<String, Object> detailModel(UUID id) {
        RequestViews.RequestView view = RequestViews.RequestView.of(service.read(id));
        boolean outbound = view.direction().equals(RequestDirection.OUTBOUND.name());
        Map<String, Object> model = ConsoleForms.model("section", "requests", "r", view, "outbound", outbound,
                "inbound", !outbound, "errors", Map.of());
        model.put("grounds", RefusalGround.values());
        model.put("custodyActions", CustodyAction.values());
        model.put("open", RequestStatus.valueOf(view.status()).isOpen());
        model.put("workable", List.of("ACCEPTED", "IN_PROGRESS", "PARTIALLY_FULFILLED").contains(view.status()));
        return model;
    }

    private Map<String, Object> formModel(RequestForm form, CaseFile caseFile, HttpRequest<?> request) {
        Map<String, Object> model = ConsoleForms.model("section", "requests", "form", form, "caseFile", caseFile,
                "errors", Map.of());
        model.put("instruments", clocks.catalogue().instruments());
        model.put("types", RequestType.values());
        model.put("urgencies", Urgency.values());
        model.put("accessibilities", DataAccessibility.values());
        model.put("itemTypes", IdentifierType.values());
        model.put("partners", directory.agencies().stream().filter(p -> !p.code().equals(agency.getCode())).toList());
        model.put("preview", preview(form.instrument(), form.urgency(), form.accessibility(), form.requestedAgency()));
        return model;
    }

    /** One line per clock the instrument starts for this urgency and accessibility. */
    private Map<String, Object> preview(@Nullable String instrumentCode, @Nullable String urgencyText,
                                        @Nullable String accessibilityText, @Nullable String requestedAgency) {
        Map<String, Object> preview = new LinkedHashMap<>();
        Instrument instrument = instrumentCode == null ? null : clocks.catalogue().find(instrumentCode).orElse(null);
        if (instrument == null) {
            preview.put("instrument", null);
            return preview;
        }
        Urgency urgency = parseOr(urgencyText, Urgency::valueOf, Urgency.NORMAL);
        DataAccessibility accessibility = parseOr(accessibilityText, DataAccessibility::valueOf, null);
        ZoneId zone = requestedAgency == null ? null : directory.find(requestedAgency.strip().toUpperCase(Locale.ROOT))
                .map(PartnerAgency::timeZone).orElse(null);
        Instant now = clocks.now();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (ClockRule rule : instrument.clockRules()) {
            if (accessibility == null && instrument.needsAccessibility() ? rule.urgencies().contains(urgency)
                    : rule.appliesTo(urgency, accessibility)) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("milestone", rule.milestone().name());
                line.put("period", rule.period() == null ? null : rule.period().toString());
                line.put("agreed", rule.agreedPerRequest());
                line.put("accessibilities", rule.accessibilities().stream().map(Enum::name).sorted().toList());
                line.put("dueIfReceivedNow", rule.period() == null ? null
                        : rule.period().addTo(now, zone == null ? java.time.ZoneOffset.UTC : zone));
                lines.add(line);
            }
        }
        preview.put("instrument", instrument);
        preview.put("lines", lines);
        preview.put("needsAccessibility", instrument.needsAccessibility());
        preview.put("agreedDueDate", instrument.hasAgreedDueDate());
        return preview;
    }

    private static RequestItem item(RequestForm form, ZoneId zone, List<ProblemDetail.FieldError> errors) {
        IdentifierType type = enumOf(form.itemType(), IdentifierType::valueOf, "itemType", errors);
        if (type == null) {
            return null;
        }
        Instant from = localTime(form.rangeFrom(), zone, "rangeFrom", errors);
        Instant to = localTime(form.rangeTo(), zone, "rangeTo", errors);
        TimeRange range = from == null && to == null ? null : new TimeRange(from, to);
        String value = form.itemValue() == null ? null : form.itemValue().strip();
        return switch (type) {
            case IP_ADDRESS -> new RequestItem.IpAddress(value, port(form.port(), errors), from, range);
            case DOMAIN -> new RequestItem.Domain(value, range);
            case URL -> new RequestItem.Url(value, range);
            case EMAIL_ADDRESS -> new RequestItem.EmailAddress(value, range);
            case PHONE_NUMBER -> new RequestItem.PhoneNumber(value, range);
            case ACCOUNT_HANDLE -> new RequestItem.Account(blankToNull(form.itemService()), value, range);
            case CRYPTO_ADDRESS -> new RequestItem.CryptoAddress(blankToNull(form.itemChain()), value, range);
            case FILE_HASH -> new RequestItem.FileHash(FlatItem.algorithm("SHA_256"), value, range);
        };
    }

    private static @Nullable Integer port(@Nullable String text, List<ProblemDetail.FieldError> errors) {
        if (blank(text)) {
            return null;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            errors.add(new ProblemDetail.FieldError("port", "must be a port number from 0 to 65535"));
            return null;
        }
    }

    private static @Nullable Instant localTime(@Nullable String text, ZoneId zone, String field,
                                               List<ProblemDetail.FieldError> errors) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            errors.add(new ProblemDetail.FieldError(field, "must be a date and time such as 2026-11-26T14:30"));
            return null;
        }
    }

    private static <E> @Nullable E enumOf(@Nullable String text, Function<String, E> parser, String field,
                                          List<ProblemDetail.FieldError> errors) {
        if (blank(text)) {
            errors.add(new ProblemDetail.FieldError(field, "choose a value"));
            return null;
        }
        try {
            return parser.apply(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new ProblemDetail.FieldError(field, "unknown value " + text));
            return null;
        }
    }

    private static <E> E parseOr(@Nullable String text, Function<String, E> parser, E fallback) {
        try {
            return blank(text) ? fallback : parser.apply(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static String required(@Nullable String text, String field) {
        if (blank(text)) {
            throw ProblemException.invalidField(field, "this cannot be empty");
        }
        return text.strip();
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return blank(text) ? null : text.strip();
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    /** The request form: one item (add more through the API); times are in the viewer's time zone. */
    @Serdeable
    public record RequestForm(UUID caseId, @Nullable String requestedAgency, @Nullable String instrument,
                              @Nullable String type, @Nullable String urgency, @Nullable String accessibility,
                              @Nullable String legalBasis, @Nullable String justification, @Nullable String itemType,
                              @Nullable String itemValue, @Nullable String port, @Nullable String itemService,
                              @Nullable String itemChain, @Nullable String rangeFrom, @Nullable String rangeTo,
                              @Nullable String dueDate) {
    }

    @Serdeable
    public record DecisionForm(@Nullable String decision, @Nullable String ground, @Nullable String explanation,
                               @Nullable String question) {
    }

    @Serdeable
    public record TextForm(@Nullable String text) {
    }

    @Serdeable
    public record ExtensionForm(@Nullable String days, @Nullable String note) {
    }

    /** One manifest entry; its custody starts with who collected it and when. */
    @Serdeable
    public record FulfilmentForm(@Nullable String requestItemId, @Nullable String description,
                                 @Nullable String mediaType, @Nullable String sizeBytes, @Nullable String sha256,
                                 @Nullable String acquiredAt, @Nullable String acquisitionMethod,
                                 @Nullable String custodyAction, @Nullable String custodyNote,
                                 @Nullable String complete, @Nullable String deliveryChannel,
                                 @Nullable String deliveryReference, @Nullable String note) {
    }
}

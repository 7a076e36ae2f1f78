package org.casebridge.jointactions.web;

import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.casebridge.console.web.ConsoleForms;
import org.casebridge.directory.PartnerAgency;
import org.casebridge.directory.PartnerDirectory;
import org.casebridge.jointactions.app.JointActionService;
import org.casebridge.jointactions.app.OutcomeReport;
import org.casebridge.jointactions.domain.AssetKind;
import org.casebridge.jointactions.domain.GoDecision;
import org.casebridge.jointactions.domain.JointActionStatus;
import org.casebridge.jointactions.domain.ParticipationAnswer;
import org.casebridge.jointactions.persistence.JointActionQuery;
import org.casebridge.support.agency.AgencyConfiguration;
import org.casebridge.support.problem.ProblemDetail;
import org.casebridge.support.problem.ProblemException;

/**
 * The console's joint action board: every action this agency takes part in, and per action its participants with
 * roles, answers, readiness and local time, the GO/NO_GO decision, the outcomes and their totals. Calls the same
 * {@link JointActionService} as the API.
 */
@Controller("/joint-actions")
@Produces(MediaType.TEXT_HTML)
@Secured({"LIAISON", "SUPERVISOR"})
@ExecuteOn(TaskExecutors.BLOCKING)
public class JointActionConsoleController {

    private final JointActionService service;
    private final AgencyConfiguration agency;
    private final PartnerDirectory directory;
    private final ZoneId ownZone;

    public JointActionConsoleController(JointActionService service, AgencyConfiguration agency,
                                        PartnerDirectory directory) {
        this.service = service;
        this.agency = agency;
        this.directory = directory;
        this.ownZone = directory.require(agency.getCode()).timeZone();
    }

    @Get
    public MutableHttpResponse<?> list() {
        Map<String, Object> model = ConsoleForms.model("section", "joint", "actions", upcoming(200, false));
        return HttpResponse.ok(new ModelAndView<>("joint/list", model));
    }

    /** Actions by their window's start; with {@code openOnly}, the ones not yet completed or cancelled. */
    public List<JointActionViews.JointActionSummaryView> upcoming(int limit, boolean openOnly) {
        return service.list(new JointActionQuery(null, null, null, 0, limit)).actions().stream()
                .filter(a -> !openOnly || !a.status().isFinal())
                .map(a -> JointActionViews.JointActionSummaryView.of(a, agency.getCode(), ownZone))
                .sorted(Comparator.comparing(v -> v.window().startUtc()))
                .toList();
    }

    @Get("/{id}")
    public MutableHttpResponse<?> show(@PathVariable UUID id) {
        try {
            return HttpResponse.ok(new ModelAndView<>("joint/board", boardModel(id)));
        } catch (ProblemException e) {
            return ConsoleForms.errorPage(e);
        }
    }

    @Post(value = "/{id}/participation", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> answer(@PathVariable UUID id, @Body ChoiceForm form, Authentication user) {
        return step(id, "answer", () -> service.answer(id, parse(form.choice(), ParticipationAnswer::valueOf,
                "answer"), blankToNull(form.note()), user.getName()));
    }

    @Post(value = "/{id}/readiness", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> readiness(@PathVariable UUID id, @Body ChoiceForm form, Authentication user) {
        return step(id, "readiness", () -> service.declareReadiness(id, "READY".equals(form.choice()),
                blankToNull(form.note()), revision(form.planRevision()), user.getName()));
    }

    @Post(value = "/{id}/decision", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> decide(@PathVariable UUID id, @Body ChoiceForm form, Authentication user) {
        return step(id, "decision", () -> service.decide(id, parse(form.choice(), GoDecision::valueOf, "decision"),
                blankToNull(form.note()), user.getName()));
    }

    @Post(value = "/{id}/status", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> status(@PathVariable UUID id, @Body ChoiceForm form, Authentication user) {
        return step(id, "status", () -> service.changeStatus(id, parse(form.choice(), JointActionStatus::valueOf,
                "status"), blankToNull(form.note()), user.getName()));
    }

    @Post(value = "/{id}/outcomes", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> outcomes(@PathVariable UUID id, @Body OutcomeForm form, Authentication user) {
        return step(id, "outcome", () -> {
            List<ProblemDetail.FieldError> errors = new ArrayList<>();
            int arrests = count(form.arrests(), "arrests", errors);
            int searches = count(form.searches(), "searches", errors);
            int devices = count(form.devicesSeized(), "devicesSeized", errors);
            int servers = count(form.serversTakenDown(), "serversTakenDown", errors);
            int domains = count(form.domainsTakenDown(), "domainsTakenDown", errors);
            int victims = count(form.victimsIdentified(), "victimsIdentified", errors);
            List<OutcomeReport.SeizedAsset> assets = new ArrayList<>();
            if (!blank(form.assetAmount()) || !blank(form.assetDescription())) {
                try {
                    assets.add(new OutcomeReport.SeizedAsset(AssetKind.valueOf(form.assetKind()),
                            form.assetDescription(), new BigDecimal(form.assetAmount().strip()),
                            form.assetCurrency() == null ? null : form.assetCurrency().strip().toUpperCase(Locale.ROOT)));
                } catch (RuntimeException e) {
                    errors.add(new ProblemDetail.FieldError("asset",
                            "give the asset's kind, a description, an amount such as 1250.00 and a currency such as EUR"));
                }
            }
            if (!errors.isEmpty()) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "INVALID_FIELDS",
                        "some fields need your attention", errors);
            }
            service.reportOutcome(id, new OutcomeReport(arrests, searches, devices, assets, servers, domains, victims,
                    blankToNull(form.note())), user.getName());
        });
    }

    private MutableHttpResponse<?> step(UUID id, String concernedField, Runnable action) {
        try {
            action.run();
            return ConsoleForms.seeOther("/joint-actions/" + id);
        } catch (ProblemException e) {
            try {
                return ConsoleForms.refused("joint/board", boardModel(id), e, concernedField);
            } catch (ProblemException notFound) {
                return ConsoleForms.errorPage(notFound);
            }
        }
    }

    private Map<String, Object> boardModel(UUID id) {
        JointActionViews.JointActionView view = JointActionViews.JointActionView.of(service.read(id),
                agency.getCode(), ownZone);
        Map<String, Object> model = ConsoleForms.model("section", "joint", "a", view, "errors", Map.of());
        model.put("coordinator", view.coordinatingAgency().equals(agency.getCode()));
        model.put("mine", view.participants().stream().filter(p -> p.agency().equals(agency.getCode()))
                .findFirst().orElse(null));
        model.put("zones", view.participants().stream().collect(java.util.stream.Collectors.toMap(
                JointActionViews.ParticipantView::agency, p -> ZoneId.of(p.timeZone()), (x, y) -> x)));
        model.put("names", view.participants().stream().collect(java.util.stream.Collectors.toMap(
                JointActionViews.ParticipantView::agency,
                p -> directory.find(p.agency()).map(PartnerAgency::name).orElse(p.agency()), (x, y) -> x)));
        model.put("assetKinds", AssetKind.values());
        model.put("settable", JointActionStatus.settable());
        return model;
    }

    private static int count(@Nullable String text, String field, List<ProblemDetail.FieldError> errors) {
        if (blank(text)) {
            return 0;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(new ProblemDetail.FieldError(field, "must be a whole number, 0 or more"));
            return 0;
        }
    }

    private static <E> E parse(@Nullable String text, java.util.function.Function<String, E> parser, String field) {
        try {
            return parser.apply(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "choose one of the offered values");
        }
    }

    /** The plan revision the officer saw; a newer plan at this node refuses the readiness (409). */
    private static @Nullable Long revision(@Nullable String text) {
        try {
            return blank(text) ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("readiness", "the plan revision must be a number");
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return blank(text) ? null : text.strip();
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    /** A choice (an answer, readiness, decision or status) with an optional note. */
    @Serdeable
    public record ChoiceForm(@Nullable String choice, @Nullable String note, @Nullable String planRevision) {
    }

    /** This agency's outcome report, with at most one seized asset per report in the console. */
    @Serdeable
    public record OutcomeForm(@Nullable String arrests, @Nullable String searches, @Nullable String devicesSeized,
                              @Nullable String serversTakenDown, @Nullable String domainsTakenDown,
                              @Nullable String victimsIdentified, @Nullable String assetKind,
                              @Nullable String assetDescription, @Nullable String assetAmount,
                              @Nullable String assetCurrency, @Nullable String note) {
    }
}

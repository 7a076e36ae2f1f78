package org.casebridge.jointactions.web;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.casebridge.exchange.domain.Delivery;
import org.casebridge.jointactions.app.JointActionDetails;
import org.casebridge.jointactions.domain.ActionWindow;
import org.casebridge.jointactions.domain.AssetSeizure;
import org.casebridge.jointactions.domain.JointAction;
import org.casebridge.jointactions.domain.Money;
import org.casebridge.jointactions.domain.Outcome;
import org.casebridge.jointactions.domain.OutcomeTotals;
import org.casebridge.jointactions.domain.Participant;
import org.casebridge.jointactions.persistence.JointActionStore;

/** Response bodies of the joint action API. */
public final class JointActionViews {

    private JointActionViews() {
    }

    /** The window in UTC. */
    @Serdeable
    public record WindowView(Instant startUtc, Instant endUtc) {

        static WindowView of(ActionWindow window) {
            return new WindowView(window.start(), window.end());
        }
    }

    /** The window on one agency's clocks: local date-times with the UTC offset in force at each end. */
    @Serdeable
    public record LocalWindowView(String timeZone, String start, String end, String startOffset, String endOffset) {

        static LocalWindowView of(ActionWindow window, ZoneId zone) {
            ActionWindow.LocalWindow local = window.in(zone);
            return new LocalWindowView(zone.getId(), DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local.start()),
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local.end()), local.start().getOffset().getId(),
                    local.end().getOffset().getId());
        }
    }

    @Serdeable
    public record ParticipantView(String agency, String role, boolean required, String timeZone, LocalWindowView localWindow,
                           List<String> tasks, List<String> targets, String answer, String answerNote,
                           Instant answeredAt, String readiness, String readinessNote, Instant readinessAt) {

        static ParticipantView of(Participant p, ActionWindow window) {
            return new ParticipantView(p.agency(), p.role().name(), p.isRequired(), p.timeZone().getId(),
                    LocalWindowView.of(window, p.timeZone()), p.tasks(), p.targets(), p.answer().name(),
                    p.answerNote(), p.answeredAt(), p.readiness().name(), p.readinessNote(), p.readinessAt());
        }
    }

    @Serdeable
    public record MoneyView(String currency, BigDecimal amount, long amountMinor) {

        static MoneyView of(Money money) {
            return new MoneyView(money.currency(), money.amount(), money.amountMinor());
        }
    }

    @Serdeable
    public record AssetView(String kind, String description, String currency, BigDecimal amount, long amountMinor) {

        static AssetView of(AssetSeizure asset) {
            return new AssetView(asset.kind().name(), asset.description(), asset.value().currency(),
                    asset.value().amount(), asset.value().amountMinor());
        }
    }

    @Serdeable
    public record OutcomeView(String agency, int arrests, int searches, int devicesSeized, List<AssetView> assetsSeized,
                       int serversTakenDown, int domainsTakenDown, int victimsIdentified, String note,
                       Instant reportedAt, String reportedBy) {

        static OutcomeView of(Outcome o) {
            return new OutcomeView(o.agency(), o.arrests(), o.searches(), o.devicesSeized(),
                    o.assetsSeized().stream().map(AssetView::of).toList(), o.serversTakenDown(), o.domainsTakenDown(),
                    o.victimsIdentified(), o.note(), o.reportedAt(), o.reportedBy());
        }
    }

    @Serdeable
    public record TotalsView(List<String> reportedBy, long arrests, long searches, long devicesSeized, long assetsSeized,
                      List<MoneyView> seizedValues, long serversTakenDown, long domainsTakenDown,
                      long victimsIdentified) {

        static TotalsView of(OutcomeTotals t) {
            return new TotalsView(t.reportedBy(), t.arrests(), t.searches(), t.devicesSeized(), t.assetsSeized(),
                    t.seizedValues().stream().map(MoneyView::of).toList(), t.serversTakenDown(), t.domainsTakenDown(),
                    t.victimsIdentified());
        }
    }

    /**
     * A linked case. At the coordinator of an action that shares its linked cases, {@code sharedWith} lists the
     * accepting agencies that have the case and {@code skipped} those it could not be shared with, and why; both
     * are empty elsewhere.
     */
    @Serdeable
    public record CaseLinkView(String reference, UUID caseId, List<String> sharedWith, List<SkippedShareView> skipped) {
    }

    /** An accepting agency a linked case could not be shared with, e.g. because its marking was raised. */
    @Serdeable
    public record SkippedShareView(String agency, String reasonCode, String reason, Instant at) {
    }

    @Serdeable
    public record DeliveryView(UUID messageId, String recipient, String type, String status, String reasonCode,
                        String reasonText, Instant createdAt, Instant answeredAt) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.messageId(), d.recipient(), d.type(), d.status().name(), d.reasonCode(),
                    d.reasonText(), d.createdAt(), d.answeredAt());
        }
    }

    @Serdeable
    public record JointActionView(UUID id, String title, String objective, String coordinatingAgency, String ownAgency,
                           String ownRole, boolean copy, String status, String statusReason, String handlingMarking,
                           long planRevision, boolean shareLinkedCases, WindowView window,
                           LocalWindowView localWindow, List<CaseLinkView> linkedCases,
                           List<ParticipantView> participants, List<String> notReady, List<OutcomeView> outcomes,
                           TotalsView totals, Instant proposedAt, String proposedBy, Instant updatedAt,
                           List<DeliveryView> deliveries) {

        static JointActionView of(JointActionDetails details, String ownAgency, ZoneId ownZone) {
            return of(details.action(), details.caseLinks(), details.caseShares(), details.deliveries(), ownAgency,
                    ownZone);
        }

        static JointActionView of(JointAction a, List<JointActionStore.CaseLink> links,
                                  List<JointActionStore.CaseShareOutcome> shares, List<Delivery> deliveries,
                                  String ownAgency, ZoneId ownZone) {
            Map<String, UUID> held = links.stream().collect(Collectors.toMap(JointActionStore.CaseLink::reference,
                    JointActionStore.CaseLink::caseId, (x, y) -> x));
            List<CaseLinkView> linked = new java.util.ArrayList<>();
            for (int i = 0; i < a.caseReferences().size(); i++) {
                String reference = a.caseReferences().get(i);
                // At the coordinator the linked ids run parallel to the references, also for a case since purged.
                UUID caseId = held.getOrDefault(reference,
                        i < a.linkedCaseIds().size() ? a.linkedCaseIds().get(i) : null);
                List<JointActionStore.CaseShareOutcome> ofCase = shares.stream()
                        .filter(s -> s.caseId().equals(caseId)).toList();
                linked.add(new CaseLinkView(reference, caseId,
                        ofCase.stream().filter(JointActionStore.CaseShareOutcome::shared)
                                .map(JointActionStore.CaseShareOutcome::agency).toList(),
                        ofCase.stream().filter(s -> !s.shared()).map(s -> new SkippedShareView(s.agency(),
                                s.reasonCode(), s.reason(), s.decidedAt())).toList()));
            }
            return new JointActionView(a.id(), a.title(), a.objective(), a.coordinatingAgency(), ownAgency,
                    a.participant(ownAgency).map(p -> p.role().name()).orElse(null), !a.isCoordinatedBy(ownAgency),
                    a.status().name(), a.statusReason(), a.marking().name(), a.planRevision(), a.shareLinkedCases(),
                    WindowView.of(a.window()), LocalWindowView.of(a.window(), ownZone),
                    linked,
                    a.participants().stream().map(p -> ParticipantView.of(p, a.window())).toList(), a.notReady(),
                    a.outcomes().stream().map(OutcomeView::of).toList(), TotalsView.of(a.totals()), a.proposedAt(),
                    a.proposedBy(), a.updatedAt(), deliveries.stream().map(DeliveryView::of).toList());
        }
    }

    @Serdeable
    public record JointActionSummaryView(UUID id, String title, String coordinatingAgency, String ownRole, String status,
                                  String handlingMarking, WindowView window, LocalWindowView localWindow,
                                  List<String> participants, List<String> notReady, long planRevision,
                                  Instant updatedAt) {

        static JointActionSummaryView of(JointAction a, String ownAgency, ZoneId ownZone) {
            return new JointActionSummaryView(a.id(), a.title(), a.coordinatingAgency(),
                    a.participant(ownAgency).map(p -> p.role().name()).orElse(null), a.status().name(),
                    a.marking().name(), WindowView.of(a.window()), LocalWindowView.of(a.window(), ownZone),
                    a.participants().stream().map(Participant::agency).toList(), a.notReady(), a.planRevision(),
                    a.updatedAt());
        }
    }

    @Serdeable
    public record JointActionPageView(List<JointActionSummaryView> items, int page, int size, long total) {
    }
}

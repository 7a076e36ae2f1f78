package org.casebridge.requests.web;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.casebridge.requests.app.RequestDetails;
import org.casebridge.requests.domain.CustodyEntry;
import org.casebridge.requests.domain.Deadline;
import org.casebridge.requests.domain.EvidenceItem;
import org.casebridge.requests.domain.EvidenceRequest;
import org.casebridge.requests.domain.HistoryEntry;
import org.casebridge.requests.domain.HistoryNote;
import org.casebridge.requests.domain.Instrument;
import org.casebridge.requests.domain.ManifestDiscrepancy;
import org.casebridge.requests.domain.ManifestVerification;
import org.casebridge.requests.domain.ReceivedManifest;
import org.casebridge.requests.domain.RequestItem;
import org.casebridge.requests.domain.TimeRange;
import org.casebridge.requests.domain.TrackedRequest;
import org.casebridge.requests.persistence.RequestStore;

/** Response bodies of the evidence request API. Times are UTC; durations ISO-8601 ({@code PT71H59M}). */
public final class RequestViews {

    private RequestViews() {
    }

    /** The deadline that matters most now: the earliest one still running. */
    @Serdeable
    public record DeadlineView(String milestone, Instant startedAt, Instant nominalDueAt, Instant dueAt, String period,
                        String pausedFor, boolean paused, boolean agreed, boolean preservation, Instant approachingAt,
                        Instant metAt, String timeLeft, long timeLeftSeconds, boolean overdue) {
        static DeadlineView of(Deadline d) {
            Duration left = d.timeLeft();
            return new DeadlineView(d.milestone().name(), d.startedAt(), d.nominalDueAt(), d.dueAt(),
                    d.period() == null ? null : d.period().toString(), d.pausedFor().toString(), d.paused(),
                    d.agreed(), d.preservation(), d.approachingAt(), d.metAt(), left.toString(), left.toSeconds(),
                    d.metAt() == null && d.isOverdue());
        }
    }

    /** One row of the list. */
    @Serdeable
    public record RequestSummaryView(UUID id, String reference, String direction, String status, UUID caseId,
                              String caseReference, String requestingAgency, String requestedAgency,
                              String counterpartAgency, String instrument, String type, String urgency,
                              String handlingMarking, Instant receivedAt, DeadlineView nextDeadline,
                              boolean manifestMismatch) {
        static RequestSummaryView of(TrackedRequest t, List<Deadline> deadlines) {
            EvidenceRequest r = t.request();
            return new RequestSummaryView(r.id(), t.reference(), t.direction().name(), r.status().name(), r.caseId(),
                    t.caseReference(), r.requestingAgency(), r.requestedAgency(), t.counterpart(), r.instrumentCode(),
                    r.type().name(), r.urgency().name(), t.marking().label(), r.receivedAt(),
                    next(t, deadlines), t.manifestMismatch());
        }
    }

    static DeadlineView next(TrackedRequest t, List<Deadline> deadlines) {
        EvidenceRequest r = t.request();
        if (r.status().isTerminal()) {
            return null;
        }
        return deadlines.stream()
                .filter(d -> d.preservation() || (d.metAt() == null && r.status().isOpen()))
                .min(Comparator.comparing(Deadline::dueAt))
                .map(DeadlineView::of)
                .orElse(null);
    }

    @Serdeable
    public record RequestPageView(List<RequestSummaryView> items, int page, int size, long total) {
    }

    @Serdeable
    public record TimeRangeView(Instant from, Instant to) {
        static TimeRangeView of(TimeRange range) {
            return range == null ? null : new TimeRangeView(range.from(), range.to());
        }
    }

    /** An item with the same fields the API takes. */
    @Serdeable
    public record ItemView(UUID id, String type, String address, Integer port, Instant timestamp, String domain, String url,
                    String number, String service, String handle, String chain, String algorithm, String hash,
                    TimeRangeView timeRange) {
        static ItemView of(UUID id, RequestItem item) {
            TimeRangeView range = TimeRangeView.of(item.timeRange());
            if (item instanceof RequestItem.IpAddress ip) {
                return new ItemView(id, "IP_ADDRESS", ip.address(), ip.port(), ip.timestamp(), null, null, null, null,
                        null, null, null, null, range);
            } else if (item instanceof RequestItem.Domain d) {
                return new ItemView(id, "DOMAIN", null, null, null, d.domain(), null, null, null, null, null, null,
                        null, range);
            } else if (item instanceof RequestItem.Url u) {
                return new ItemView(id, "URL", null, null, null, null, u.url(), null, null, null, null, null, null,
                        range);
            } else if (item instanceof RequestItem.EmailAddress e) {
                return new ItemView(id, "EMAIL_ADDRESS", e.address(), null, null, null, null, null, null, null, null,
                        null, null, range);
            } else if (item instanceof RequestItem.PhoneNumber p) {
                return new ItemView(id, "PHONE_NUMBER", null, null, null, null, null, p.number(), null, null, null,
                        null, null, range);
            } else if (item instanceof RequestItem.Account a) {
                return new ItemView(id, "ACCOUNT_HANDLE", null, null, null, null, null, null, a.service(),
                        a.handle(), null, null, null, range);
            } else if (item instanceof RequestItem.CryptoAddress c) {
                return new ItemView(id, "CRYPTO_ADDRESS", c.address(), null, null, null, null, null, null, null,
                        c.chain(), null, null, range);
            }
            RequestItem.FileHash f = (RequestItem.FileHash) item;
            return new ItemView(id, "FILE_HASH", null, null, null, null, null, null, null, null, null,
                    f.algorithm() == null ? null : f.algorithm().name(), f.hash(), range);
        }
    }

    @Serdeable
    public record HistoryView(String transition, String side, String from, String to, Instant at, String by, String note,
                       UUID messageId) {
    }

    /** The answer to a file check. */
    @Serdeable
    record FileCheckView(UUID requestId, UUID manifestId, UUID evidenceId, int item, String result,
                         List<DiscrepancyView> discrepancies, CustodyView custody) {
        static FileCheckView of(org.casebridge.requests.app.EvidenceRequestService.FileCheck check) {
            return new FileCheckView(check.requestId(), check.manifestId(), check.evidenceId(), check.item(),
                    check.intact() ? "INTACT" : "MISMATCH",
                    check.discrepancies().stream().map(d -> new DiscrepancyView(d.field(), d.expected(), d.actual()))
                            .toList(), CustodyView.of(check.custody(), "LOCAL"));
        }
    }

    @Serdeable
    public record PauseView(Instant from, Instant to) {
    }

    @Serdeable
    public record RefusalView(String ground, String detail) {
    }

    @Serdeable
    public record CustodyView(String handledBy, Instant at, String action, String note, String origin) {
        static CustodyView of(CustodyEntry e, String origin) {
            return new CustodyView(e.handledBy(), e.at(), e.action().name(), e.note(), origin);
        }
    }

    @Serdeable
    public record EvidenceView(UUID evidenceId, UUID requestItemId, String description, String mediaType, long sizeBytes,
                        String sha256, Instant acquiredAt, String acquisitionMethod, List<CustodyView> custody) {
    }

    @Serdeable
    public record DiscrepancyView(String field, String expected, String actual) {
        static DiscrepancyView of(ManifestDiscrepancy d) {
            return new DiscrepancyView(d.field(), d.expected(), d.actual());
        }
    }

    /**
     * A delivery. {@code verification} is the check made when it arrived (fields, and items delivered before);
     * {@code storedCheck} re-hashes it as stored now against {@code sha256}, so a later change shows up.
     */
    @Serdeable
    public record ManifestView(UUID id, boolean complete, String producedBy, Instant producedAt, Instant recordedAt,
                        String sha256, String verification, String storedCheck, List<DiscrepancyView> discrepancies,
                        String deliveryChannel, String deliveryReference, String note, UUID messageId,
                        List<EvidenceView> items) {
        static ManifestView of(ReceivedManifest m, ManifestVerification stored) {
            List<EvidenceView> items = new ArrayList<>();
            for (int i = 0; i < m.manifest().items().size(); i++) {
                EvidenceItem item = m.manifest().items().get(i);
                List<CustodyView> custody = new ArrayList<>();
                item.custody().forEach(e -> custody.add(CustodyView.of(e, "MANIFEST")));
                m.localCustody().getOrDefault(i, List.of()).forEach(e -> custody.add(CustodyView.of(e, "LOCAL")));
                items.add(new EvidenceView(m.evidenceIds().get(i), m.requestItemIds().get(i), item.description(),
                        item.mediaType(), item.sizeBytes(), item.sha256(), item.acquiredAt(), item.acquisitionMethod(),
                        custody));
            }
            List<DiscrepancyView> discrepancies = new ArrayList<>(m.discrepancies().stream().map(DiscrepancyView::of)
                    .toList());
            stored.discrepancies().forEach(d -> discrepancies.add(DiscrepancyView.of(d)));
            return new ManifestView(m.id(), m.complete(), m.manifest().producedBy(), m.manifest().producedAt(),
                    m.recordedAt(), m.hash(), m.intact() ? "INTACT" : "MISMATCH",
                    stored.isIntact() ? "INTACT" : "MISMATCH", discrepancies, m.deliveryChannel(),
                    m.deliveryReference(), m.note(), m.messageId(), items);
        }
    }

    @Serdeable
    public record NotificationView(String milestone, String threshold, Instant dueAt, Instant notifiedAt) {
        static NotificationView of(RequestStore.Notification n) {
            return new NotificationView(n.milestone(), n.threshold(), n.dueAt(), n.notifiedAt());
        }
    }

    @Serdeable
    public record InstrumentRef(String code, String name, String kind, String legalBasis) {
        static InstrumentRef of(Instrument i) {
            return new InstrumentRef(i.code(), i.name(), i.kind().name(), i.legalBasis());
        }
    }

    /** The whole request. */
    @Serdeable
    public record RequestView(UUID id, String reference, String direction, String status, UUID caseId, String caseReference,
                       String requestingAgency, String requestedAgency, String counterpartAgency,
                       InstrumentRef instrument, String type, String urgency, String accessibility,
                       String handlingMarking, List<String> crimeCategories, String legalBasis, String justification,
                       String author, String approver, Instant createdAt, Instant receivedAt, Instant proposedDueAt,
                       Instant agreedDueAt, Instant preservationExpiresAt, int extensionsUsed, RefusalView refusal,
                       boolean manifestMismatch, long version, Instant asOf, DeadlineView nextDeadline,
                       List<DeadlineView> deadlines, List<ItemView> items, List<PauseView> pauses,
                       List<HistoryView> history, List<ManifestView> manifests,
                       List<NotificationView> notifications) {

        static RequestView of(RequestDetails details) {
            TrackedRequest t = details.request();
            EvidenceRequest r = t.request();
            List<ItemView> items = new ArrayList<>();
            for (int i = 0; i < r.items().size(); i++) {
                items.add(ItemView.of(t.itemIds().get(i), r.items().get(i)));
            }
            List<HistoryView> history = new ArrayList<>();
            for (int i = 0; i < r.history().size(); i++) {
                HistoryEntry h = r.history().get(i);
                HistoryNote note = t.historyNotes().get(i);
                history.add(new HistoryView(h.transition().name(), h.side().name(), h.from().name(), h.to().name(),
                        h.at(), h.by(), note.note(), note.messageId()));
            }
            List<ManifestView> manifests = new ArrayList<>();
            for (int i = 0; i < details.manifests().size(); i++) {
                manifests.add(ManifestView.of(details.manifests().get(i), details.storedChecks().get(i)));
            }
            boolean mismatch = t.manifestMismatch()
                    || details.storedChecks().stream().anyMatch(check -> !check.isIntact());
            return new RequestView(r.id(), t.reference(), t.direction().name(), r.status().name(), r.caseId(),
                    t.caseReference(), r.requestingAgency(), r.requestedAgency(), t.counterpart(),
                    InstrumentRef.of(details.instrument()), r.type().name(), r.urgency().name(),
                    r.accessibility() == null ? null : r.accessibility().name(), t.marking().label(),
                    t.crimeCategories(), r.legalBasis(), r.justification(), r.author(), r.approver(), t.createdAt(),
                    r.receivedAt(), t.proposedDueAt(), r.agreedDueDate(), r.preservationExpiry(), r.extensionsUsed(),
                    r.refusal() == null ? null : new RefusalView(r.refusal().ground().name(), r.refusal().detail()),
                    mismatch, t.version(), details.asOf(), next(t, details.deadlines()),
                    details.deadlines().stream().map(DeadlineView::of).toList(), items,
                    r.pauses().stream().map(p -> new PauseView(p.from(), p.to())).toList(), history, manifests,
                    details.notifications().stream().map(NotificationView::of).toList());
        }
    }

}

package org.casebridge.cases.app;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.retry.annotation.Retryable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.casebridge.node.persistence.TransientConflict;
import org.casebridge.audit.app.AuditTrail;
import org.casebridge.audit.domain.AuditAction;
import org.casebridge.audit.domain.AuditActor;
import org.casebridge.audit.domain.AuditEvent;
import org.casebridge.cases.domain.CaseChanges;
import org.casebridge.cases.domain.CaseFile;
import org.casebridge.cases.domain.CaseReference;
import org.casebridge.cases.domain.CaseRuleException;
import org.casebridge.cases.domain.CaseShare;
import org.casebridge.cases.domain.Contribution;
import org.casebridge.cases.domain.ContributionKind;
import org.casebridge.cases.domain.CrimeTaxonomy;
import org.casebridge.cases.domain.SharingDecision;
import org.casebridge.cases.domain.SharingPolicy;
import org.casebridge.cases.domain.ShareStatus;
import org.casebridge.cases.domain.StaleVersionException;
import org.casebridge.cases.messaging.CaseMessages;
import org.casebridge.cases.persistence.CaseQuery;
import org.casebridge.cases.persistence.CaseStore;
import org.casebridge.directory.PartnerAgency;
import org.casebridge.directory.PartnerDirectory;
import org.casebridge.exchange.app.PartnerMessenger;
import org.casebridge.exchange.domain.Delivery;
import org.casebridge.exchange.persistence.DeliveryStore;
import org.casebridge.support.agency.AgencyConfiguration;
import org.casebridge.support.problem.ProblemDetail;
import org.casebridge.support.problem.ProblemException;

/**
 * What officers do with cases: open, read, update, share, revoke, contribute. Each change, the partner messages it
 * causes and its audit entry commit in one transaction.
 */
// A deadlock with a partner's message arriving at the same moment is repeated, not shown to the officer as an error.
@Retryable(attempts = "4", delay = "20ms", multiplier = "3", predicate = TransientConflict.class)
@Singleton
public class CaseService {

    static final String AGGREGATE = "case";
    static final String AUDIT_OBJECT = "CASE";

    private final CaseStore cases;
    private final PartnerDirectory directory;
    private final CrimeTaxonomy taxonomy;
    private final AgencyConfiguration agency;
    private final PartnerMessenger messenger;
    private final DeliveryStore deliveries;
    private final CaseMessages messages;
    private final AuditTrail audit;
    private final Clock clock;

    public CaseService(CaseStore cases, PartnerDirectory directory, CrimeTaxonomy taxonomy, AgencyConfiguration agency,
                       PartnerMessenger messenger, DeliveryStore deliveries, CaseMessages messages, AuditTrail audit,
                       Clock clock) {
        this.cases = cases;
        this.directory = directory;
        this.taxonomy = taxonomy;
        this.agency = agency;
        this.messenger = messenger;
        this.deliveries = deliveries;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CaseFile open(NewCase request, String username) {
        requireKnownCategories(request.crimeCategories(), "crimeCategories");
        requireKnownAgencies(request.namedRecipients(), "namedRecipients");
        Instant now = clock.instant();
        int year = now.atZone(ZoneOffset.UTC).getYear();
        CaseReference reference = CaseReference.of(agency.getCode(), year, cases.nextReferenceNumber(year));
        CaseFile opened = CaseFile.open(UUID.randomUUID(), reference, agency.getCode(), request.title().strip(),
                request.summary(), request.crimeCategories(), request.priority(), request.marking(),
                request.namedRecipients(), now, username);
        cases.insert(opened);
        audit.record(AuditEvent.success(AuditAction.CASE_CREATED, AUDIT_OBJECT, opened.id().toString())
                .withDetail(reference.value()));
        return opened;
    }

    @Transactional
    public CaseStore.CasePage list(CaseQuery query) {
        CaseStore.CasePage page = cases.search(query);
        audit.record(AuditEvent.success(AuditAction.CASE_LISTED, AUDIT_OBJECT, null)
                .withDetail(describe(query, page.cases().size())));
        return page;
    }

    @Transactional
    public CaseDetails read(UUID id) {
        CaseFile caseFile = cases.find(id).orElseThrow(() -> notFound(id));
        CaseDetails details = new CaseDetails(caseFile, cases.shares(id), cases.contributions(id));
        audit.record(AuditEvent.success(AuditAction.CASE_READ, AUDIT_OBJECT, id.toString()));
        return details;
    }

    @Transactional
    public CaseFile update(UUID id, long expectedVersion, CaseChanges changes) {
        if (changes.crimeCategories() != null) {
            requireKnownCategories(changes.crimeCategories(), "crimeCategories");
        }
        if (changes.namedRecipients() != null) {
            requireKnownAgencies(changes.namedRecipients(), "namedRecipients");
        }
        CaseFile current = cases.lock(id).orElseThrow(() -> notFound(id));
        CaseFile updated;
        try {
            updated = current.update(agency.getCode(), expectedVersion, changes, clock.instant());
        } catch (StaleVersionException e) {
            throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "STALE_VERSION", e.getMessage());
        } catch (CaseRuleException e) {
            throw ProblemException.conflict(e.code(), e.getMessage());
        }
        List<String> partners = cases.activeShareAgencies(id);
        for (String partner : partners) {
            // Raising the marking must not leave a copy with a partner that may no longer hold it.
            requireSharable(updated, partner);
        }
        if (!cases.update(updated)) {
            throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "STALE_VERSION",
                    "case " + id + " changed meanwhile; reload and try again");
        }
        for (String partner : partners) {
            messenger.send(partner, AGGREGATE, id, updated.marking(), messages.caseUpdated(updated), null, null);
        }
        audit.record(AuditEvent.success(AuditAction.CASE_UPDATED, AUDIT_OBJECT, id.toString())
                .withDetail("revision " + updated.version()));
        return updated;
    }

    @Transactional
    public CaseShare share(UUID id, String partnerCode, String username) {
        PartnerAgency partner = directory.find(partnerCode).orElseThrow(() -> ProblemException.invalidField(
                "agency", "no agency " + partnerCode + " in the partner directory"));
        CaseFile caseFile = cases.lock(id).orElseThrow(() -> notFound(id));
        requireSharable(caseFile, partner.code());
        if (cases.share(id, partner.code()).filter(s -> s.status() == ShareStatus.ACTIVE).isPresent()) {
            throw ProblemException.conflict("ALREADY_SHARED", "the case is already shared with " + partner.code());
        }
        Instant now = clock.instant();
        CaseShare share = new CaseShare(id, partner.code(), ShareStatus.ACTIVE, now, username, null, null);
        cases.insertShare(share);
        List<String> sharedWith = cases.activeShareAgencies(id);
        messenger.send(partner.code(), AGGREGATE, id, caseFile.marking(),
                messages.caseShared(caseFile, sharedWith, cases.contributions(id)), null, null);
        audit.record(AuditEvent.success(AuditAction.CASE_SHARED, AUDIT_OBJECT, id.toString())
                .withDetail("with " + partner.code()));
        return share;
    }

    /**
     * Shares cases with a partner on a standing consent given elsewhere (a joint action's coordinator lets linked
     * cases follow each participant that accepts), inside the caller's transaction. The cases are locked first, in
     * id order, so no case lock is awaited once the audit chain is held.
     *
     * <p>The consent was checked against the sharing policy when it was given, but a case can change since (its
     * marking raised, its named recipients changed, the case purged): such a case is skipped, the skip is audited
     * as {@code DENIED} with its reason, and the result names it so the caller can tell its officers.
     *
     * @return the cases newly shared, already shared and skipped with their reasons
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public ConsentShares shareOnConsent(List<UUID> caseIds, String partnerCode, String sharedBy, String reason,
                                        AuditActor actor) {
        List<UUID> ids = caseIds.stream().distinct().sorted().toList();
        PartnerAgency partner = directory.find(partnerCode).orElse(null);
        List<ConsentShares.Skipped> skipped = new ArrayList<>();
        if (partner == null) {
            for (UUID id : ids) {
                skipped.add(new ConsentShares.Skipped(id, null, "UNKNOWN_AGENCY",
                        partnerCode + " is not in the partner directory"));
            }
            auditSkipped(skipped, partnerCode, reason, actor);
            return new ConsentShares(List.of(), List.of(), skipped);
        }
        List<CaseFile> locked = new ArrayList<>();
        for (UUID id : ids) {
            cases.lock(id).ifPresentOrElse(locked::add, () -> skipped.add(new ConsentShares.Skipped(id, null,
                    "UNKNOWN_CASE", "this agency no longer holds the case")));
        }
        List<UUID> shared = new ArrayList<>();
        List<UUID> alreadyShared = new ArrayList<>();
        for (CaseFile caseFile : locked) {
            SharingDecision decision = SharingPolicy.decide(agency.getCode(), caseFile.leadAgency(),
                    caseFile.marking(), caseFile.namedRecipients(), partner.code(), partner.sharingCeiling());
            if (!decision.allowed()) {
                skipped.add(new ConsentShares.Skipped(caseFile.id(), caseFile.reference().value(), decision.code(),
                        decision.reason()));
                continue;
            }
            boolean active = cases.share(caseFile.id(), partner.code())
                    .filter(s -> s.status() == ShareStatus.ACTIVE).isPresent();
            if (active) {
                alreadyShared.add(caseFile.id());
                continue;
            }
            cases.insertShare(new CaseShare(caseFile.id(), partner.code(), ShareStatus.ACTIVE, clock.instant(),
                    sharedBy, null, null));
            messenger.send(partner.code(), AGGREGATE, caseFile.id(), caseFile.marking(),
                    messages.caseShared(caseFile, cases.activeShareAgencies(caseFile.id()),
                            cases.contributions(caseFile.id())), null, null);
            shared.add(caseFile.id());
        }
        for (UUID id : shared) {
            audit.record(AuditEvent.success(AuditAction.CASE_SHARED, AUDIT_OBJECT, id.toString())
                    .withDetail("with " + partner.code() + ", " + reason), actor);
        }
        auditSkipped(skipped, partner.code(), reason, actor);
        return new ConsentShares(shared, alreadyShared, skipped);
    }

    private void auditSkipped(List<ConsentShares.Skipped> skipped, String partnerCode, String reason,
                              AuditActor actor) {
        for (ConsentShares.Skipped skip : skipped) {
            String detail = "not shared with " + partnerCode + " (" + skip.code() + ": " + skip.reason() + "), "
                    + reason;
            audit.record(AuditEvent.denied(AuditAction.CASE_SHARED, AUDIT_OBJECT, skip.caseId().toString())
                    .withDetail(detail.length() <= AuditEvent.MAX_DETAIL_LENGTH ? detail
                            : detail.substring(0, AuditEvent.MAX_DETAIL_LENGTH)), actor);
        }
    }

    @Transactional
    public void revoke(UUID id, String partnerCode) {
        CaseFile caseFile = cases.lock(id).orElseThrow(() -> notFound(id));
        if (!caseFile.isLedBy(agency.getCode())) {
            throw ProblemException.conflict("READ_ONLY_COPY", "only the lead agency " + caseFile.leadAgency()
                    + " may revoke shares of this case");
        }
        CaseShare share = cases.share(id, partnerCode)
                .orElseThrow(() -> ProblemException.notFound("a share of case " + id + " with " + partnerCode));
        if (share.status() != ShareStatus.ACTIVE || !cases.revokeShare(id, partnerCode, clock.instant())) {
            throw ProblemException.conflict("ALREADY_REVOKED", "the share with " + partnerCode + " was already revoked");
        }
        messenger.send(partnerCode, AGGREGATE, id, caseFile.marking(), messages.shareRevoked(caseFile,
                clock.instant()), null, null);
        audit.record(AuditEvent.success(AuditAction.SHARE_REVOKED, AUDIT_OBJECT, id.toString())
                .withDetail("from " + partnerCode));
    }

    @Transactional
    public Contribution contribute(UUID id, ContributionKind kind, String text, String username) {
        CaseFile caseFile = cases.lock(id).orElseThrow(() -> notFound(id));
        Contribution contribution = new Contribution(UUID.randomUUID(), id, agency.getCode(), username, kind,
                text, clock.instant());
        cases.insertContribution(contribution);
        if (caseFile.isLedBy(agency.getCode())) {
            for (String partner : cases.activeShareAgencies(id)) {
                messenger.send(partner, AGGREGATE, id, caseFile.marking(), messages.contributionAdded(contribution),
                        null, null);
            }
        } else {
            // On a copy the lead agency decides who sees it: it redistributes to every agency the case is shared with.
            messenger.send(caseFile.leadAgency(), AGGREGATE, id, caseFile.marking(),
                    messages.contributionAdded(contribution), null, null);
        }
        audit.record(AuditEvent.success(AuditAction.CONTRIBUTION_ADDED, AUDIT_OBJECT, id.toString())
                .withDetail(kind.name().toLowerCase()));
        return contribution;
    }

    @Transactional
    public List<Delivery> deliveries(UUID id) {
        cases.find(id).orElseThrow(() -> notFound(id));
        List<Delivery> result = deliveries.forAggregate(AGGREGATE, id.toString());
        audit.record(AuditEvent.success(AuditAction.CASE_READ, AUDIT_OBJECT, id.toString()).withDetail("deliveries"));
        return result;
    }

    private void requireSharable(CaseFile caseFile, String partnerCode) {
        PartnerAgency partner = directory.require(partnerCode);
        SharingDecision decision = SharingPolicy.decide(agency.getCode(), caseFile.leadAgency(), caseFile.marking(),
                caseFile.namedRecipients(), partner.code(), partner.sharingCeiling());
        if (!decision.allowed()) {
            HttpStatus status = "NOT_LEAD".equals(decision.code()) ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
            throw new ProblemException(status, decision.code(), decision.reason());
        }
    }

    private void requireKnownCategories(Set<String> codes, String field) {
        for (String code : codes) {
            if (!taxonomy.contains(code)) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "UNKNOWN_CATEGORY",
                        "unknown crime category " + code + " (taxonomy " + taxonomy.version() + ")",
                        List.of(new ProblemDetail.FieldError(field, "unknown crime category " + code)));
            }
        }
    }

    private void requireKnownAgencies(Set<String> codes, String field) {
        for (String code : codes) {
            if (directory.find(code).isEmpty()) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "UNKNOWN_AGENCY",
                        "no agency " + code + " in the partner directory",
                        List.of(new ProblemDetail.FieldError(field, "unknown agency " + code)));
            }
        }
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("case " + id);
    }

    private static String describe(CaseQuery query, int rows) {
        StringBuilder text = new StringBuilder(rows + " rows");
        if (query.status() != null) {
            text.append(", status ").append(query.status());
        }
        if (query.category() != null) {
            text.append(", category ").append(query.category());
        }
        if (query.partner() != null) {
            text.append(", partner ").append(query.partner());
        }
        if (query.marking() != null) {
            text.append(", marking ").append(query.marking());
        }
        if (query.text() != null) {
            text.append(", text search");
        }
        return text.length() > 500 ? text.substring(0, 500) : text.toString();
    }
}
